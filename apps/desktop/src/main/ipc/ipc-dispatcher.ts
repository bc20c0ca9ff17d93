// The one place every IPC call goes through, free of Electron so Node tests run it as is:
// sender check, argument validation, the handler, answer validation, error serialisation.
import type { z } from 'zod';
import { INVOKE_CHANNELS, type InvokeChannel } from '../../shared/ipc-channels.js';
import { type ChannelOutput, type IpcResult, ipcContract } from '../../shared/ipc-contract.js';
import { DesktopError } from './desktop-error.js';
import { maskSecrets, serialiseError } from './serialise-error.js';
import type { SenderCheck, SenderInfo } from './trusted-sender.js';

type ParsedInput<C extends InvokeChannel> = z.output<(typeof ipcContract)[C]['input']>;
type HandlerAnswer<C extends InvokeChannel> = z.input<(typeof ipcContract)[C]['output']>;

export type IpcHandlers = {
  [C in InvokeChannel]: (input: ParsedInput<C>) => Promise<HandlerAnswer<C>> | HandlerAnswer<C>;
};

export interface DispatcherOptions {
  handlers: IpcHandlers;
  isTrustedSender: SenderCheck;
  /** Secrets currently held (application secrets, consumer keys), masked from every error. */
  knownSecrets: () => readonly string[];
  log?: (line: string) => void;
}

export type IpcDispatch = <C extends InvokeChannel>(
  channel: C,
  sender: SenderInfo,
  rawInput: unknown,
) => Promise<IpcResult<ChannelOutput<C>>>;

const channelSet: ReadonlySet<string> = new Set(INVOKE_CHANNELS);

export function isInvokeChannel(channel: string): channel is InvokeChannel {
  return channelSet.has(channel);
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): { message: string; field: string | null } {
  const first = issues[0];
  const field = first && first.path.length > 0 ? first.path.map(String).join('.') : null;
  const detail = issues
    .slice(0, 3)
    .map((issue) =>
      issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
  return { message: `Invalid arguments: ${detail}`, field };
}

export function createIpcDispatcher(options: DispatcherOptions): IpcDispatch {
  const log = options.log ?? (() => {});
  const dispatch = async (channel: InvokeChannel, sender: SenderInfo, rawInput: unknown) => {
    if (!isInvokeChannel(channel)) {
      return fail(new DesktopError('badArguments', 'Unknown channel'));
    }
    if (!options.isTrustedSender(sender)) {
      log(`ipc: refused ${channel} from untrusted sender ${safeUrl(sender.url)}`);
      return fail(new DesktopError('untrustedSender', 'This window may not call the app'));
    }
    const spec = ipcContract[channel];
    const parsed = spec.input.safeParse(rawInput);
    if (!parsed.success) {
      const { message, field } = describeIssues(parsed.error.issues);
      return fail(new DesktopError('badArguments', message, field));
    }
    try {
      const handler = options.handlers[channel] as (input: unknown) => unknown;
      const answer = await handler(parsed.data);
      const checked = spec.output.safeParse(answer);
      if (!checked.success) {
        log(
          `ipc: ${channel} produced an answer outside its contract: ${describeIssues(checked.error.issues).message}`,
        );
        return fail(new DesktopError('internal', 'The app produced an unexpected answer'));
      }
      return { ok: true as const, value: checked.data };
    } catch (error) {
      const serialised = serialiseError(error, options.knownSecrets());
      if (serialised.code === 'internal') {
        const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
        log(`ipc: ${channel} failed: ${maskSecrets(stack, options.knownSecrets())}`);
      }
      return { ok: false as const, error: serialised };
    }
  };
  const fail = (error: DesktopError) => ({ ok: false as const, error: serialiseError(error, []) });
  return dispatch as IpcDispatch;
}

function safeUrl(url: string): string {
  return url.slice(0, 200);
}
