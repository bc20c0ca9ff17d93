import type { FileHandle } from 'node:fs/promises';

/**
 * fdatasync of one file shared by everyone waiting on it. Parallel readers finishing pieces at the
 * same moment once sent one fdatasync each, and each held one of libuv's four threads, so every
 * write of the download stalled behind them; now one runs at a time, and those asking while it runs
 * share the next one (which starts after their bytes were written).
 */
export class SharedDataSync {
  readonly #handle: FileHandle;
  #running: Promise<void> | undefined;
  #queued: Promise<void> | undefined;

  constructor(handle: FileHandle) {
    this.#handle = handle;
  }

  /** Resolves once an fdatasync that started after this call has completed. */
  request(): Promise<void> {
    if (this.#queued) return this.#queued;
    const running = this.#running;
    if (!running) return this.#start();
    this.#queued = running
      .catch(() => {})
      .then(() => {
        this.#queued = undefined;
        return this.#start();
      });
    return this.#queued;
  }

  #start(): Promise<void> {
    const run: Promise<void> = this.#handle.datasync().finally(() => {
      if (this.#running === run) this.#running = undefined;
    });
    this.#running = run;
    return run;
  }
}
