import type { Readable, Writable } from 'node:stream';
import { CancelledError } from '../cli-errors.js';

/**
 * Terminal prompts (@clack/prompts), drawn on stderr so stdout stays data. Loaded only when a
 * command asks something. Ctrl-C or Escape in a prompt is a CancelledError (exit 130).
 */
export interface PromptStreams {
  input: Readable;
  output: Writable;
  signal?: AbortSignal;
}

export async function askConfirm(message: string, streams: PromptStreams): Promise<boolean> {
  const clack = await import('@clack/prompts');
  const answer = await clack.confirm({ message, initialValue: false, ...streams });
  if (clack.isCancel(answer)) throw new CancelledError();
  return answer;
}

/** Hidden input: nothing echoed, the value never leaves this process except to the keychain. */
export async function askSecret(message: string, streams: PromptStreams): Promise<string> {
  const clack = await import('@clack/prompts');
  const answer = await clack.password({ message, mask: '•', ...streams });
  if (clack.isCancel(answer)) throw new CancelledError();
  return answer;
}
