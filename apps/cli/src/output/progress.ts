import type { OutputStream } from '../terminal.js';

/** A progress line for long work: an ora spinner on a terminal, nothing otherwise. */
export interface Progress {
  update(text: string): void;
  succeed(text?: string): void;
  fail(text?: string): void;
  stop(): void;
}

const silent: Progress = { update() {}, succeed() {}, fail() {}, stop() {} };

export async function startProgress(
  stderr: OutputStream & { columns?: number },
  text: string,
  enabled: boolean,
): Promise<Progress> {
  // A terminal without a width (a bare pty) cannot be redrawn in place: stay silent there too.
  if (!enabled || !stderr.isTTY || !stderr.columns) return silent;
  const { default: ora } = await import('ora');
  const spinner = ora({ text, stream: stderr as NodeJS.WritableStream, discardStdin: false }).start();
  return {
    update: (next) => {
      spinner.text = next;
    },
    succeed: (final) => void spinner.succeed(final),
    fail: (final) => void spinner.fail(final),
    stop: () => void spinner.stop(),
  };
}
