/**
 * The offset between the API's clock and ours, fetched lazily from GET /auth/time and cached for a
 * TTL. Unlike the official SDKs it can be re-synced when the server refuses a timestamp or a
 * signature; a generation number keeps concurrent failures from re-syncing more than once.
 */
import { waitUnlessAborted } from './abortable-wait.js';

export interface ClockOffsetOptions {
  /** Reads the server's Unix time in seconds (GET /auth/time). */
  fetchServerSeconds: () => Promise<number>;
  /** Local clock in milliseconds. */
  now: () => number;
  ttlMs: number;
}

export interface ClockReading {
  /** Seconds, server − floor(local). */
  offsetSeconds: number;
  /** Identifies this sync, to pass back to `resync`. */
  generation: number;
}

export class ClockOffset {
  private current: { offsetSeconds: number; syncedAtMs: number; generation: number } | undefined;
  private pending: Promise<ClockReading> | undefined;
  private generation = 0;

  constructor(private readonly options: ClockOffsetOptions) {}

  /** The cached offset, synced first when there is none or it is older than the TTL. */
  async read(signal?: AbortSignal): Promise<ClockReading> {
    const current = this.current;
    if (current && this.options.now() - current.syncedAtMs < this.options.ttlMs) {
      return { offsetSeconds: current.offsetSeconds, generation: current.generation };
    }
    return this.sync(signal);
  }

  /**
   * Forgets the offset of `staleGeneration` and syncs again; a no-op sync when another caller
   * already replaced that generation.
   */
  async resync(staleGeneration: number, signal?: AbortSignal): Promise<ClockReading> {
    if (this.current?.generation === staleGeneration) this.current = undefined;
    return this.read(signal);
  }

  /** Signed timestamp: floor(local seconds) + offset. */
  timestamp(reading: ClockReading): number {
    return Math.floor(this.options.now() / 1000) + reading.offsetSeconds;
  }

  private sync(signal?: AbortSignal): Promise<ClockReading> {
    // Concurrent callers share one request; each may stop waiting for it on its own signal.
    this.pending ??= this.fetchOffset().finally(() => {
      this.pending = undefined;
    });
    return waitUnlessAborted(this.pending, signal);
  }

  private async fetchOffset(): Promise<ClockReading> {
    const serverSeconds = await this.options.fetchServerSeconds();
    const syncedAtMs = this.options.now();
    const offsetSeconds = serverSeconds - Math.floor(syncedAtMs / 1000);
    this.generation++;
    this.current = { offsetSeconds, syncedAtMs, generation: this.generation };
    return { offsetSeconds, generation: this.generation };
  }
}
