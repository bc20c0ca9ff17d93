/**
 * At most `perMinute` requests in any sliding 60-second window (OVH staff: under 60/min per consumer
 * key is safe). Callers are served in arrival order.
 */
import { sleep } from './abortable-wait.js';

const WINDOW_MS = 60_000;

export interface RateLimiterClock {
  now: () => number;
  wait: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export class RequestRateLimiter {
  private readonly sentAt: number[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly perMinute: number,
    private readonly clock: RateLimiterClock = { now: Date.now, wait: sleep },
  ) {
    if (!(perMinute > 0)) throw new RangeError('requestsPerMinute must be positive.');
  }

  /** Resolves when one more request may be sent now (and counts it as sent). */
  acquire(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.waitForRoom(signal));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async waitForRoom(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const now = this.clock.now();
      while (this.sentAt.length > 0 && this.sentAt[0]! <= now - WINDOW_MS) this.sentAt.shift();
      if (this.sentAt.length < this.perMinute) {
        this.sentAt.push(now);
        return;
      }
      await this.clock.wait(this.sentAt[0]! + WINDOW_MS - now, signal);
    }
  }
}
