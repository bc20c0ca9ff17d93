/** A small FIFO semaphore: at most `limit` tasks hold a slot at once. */
import { waitUnlessAborted } from './abortable-wait.js';

export type ReleaseSlot = () => void;

export class ConcurrencyLimiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`Concurrency must be a positive integer.`);
  }

  get activeCount(): number {
    return this.active;
  }

  get pendingCount(): number {
    return this.waiting.length;
  }

  /** Waits for a free slot; the returned function gives it back (calling it twice is harmless). */
  async acquire(signal?: AbortSignal): Promise<ReleaseSlot> {
    if (this.active < this.limit && this.waiting.length === 0) {
      this.active++;
      return this.releaser();
    }
    let grant!: () => void;
    const granted = new Promise<void>((resolve) => {
      grant = resolve;
    });
    this.waiting.push(grant);
    try {
      await waitUnlessAborted(granted, signal);
    } catch (error) {
      const index = this.waiting.indexOf(grant);
      if (index >= 0) this.waiting.splice(index, 1);
      else this.releaser()(); // granted just as the caller gave up: pass the slot on
      throw error;
    }
    return this.releaser();
  }

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const release = await this.acquire(signal);
    try {
      return await task();
    } finally {
      release();
    }
  }

  private releaser(): ReleaseSlot {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot moves straight to the next waiter, so `active` stays the same.
      if (next) next();
      else this.active--;
    };
  }
}
