import { sleep } from '../client/abortable-wait.js';
import { errorStatus } from './archive-error-info.js';

// One waiter for everything that takes time on an archive: a legacy task followed by its id, a
// Swift object unsealing, a Cold Archive bucket restoring. Each is read again until it reaches its
// target; reads are grouped (one batch read per group per round, so the cost does not grow with
// the number of items), and a server-given delay (Retry-After, X-Ovh-Retrieval-Delay) pushes an
// item's next read back instead of polling it for nothing.

/** One item to follow: an id unique in its group (a task id, an object key) and its last value. */
export interface WaitItem<T> {
  id: string;
  /** Items of one group are read together (a service, a container). */
  group: string;
  /** What is already known; when it is settled the item costs no request. */
  value?: T;
  /** The server already asked not to read it before this many seconds (a known Retry-After). */
  retryAfterSeconds?: number;
}

/** One item as just read: its value, or the error that read met; and when to read it again. */
export interface WaitReading<T> {
  id: string;
  value?: T;
  error?: unknown;
  /** The server asked not to ask again before this many seconds. */
  retryAfterSeconds?: number;
}

export interface WaitProgressEvent<T> {
  id: string;
  group: string;
  value: T;
  /** The state before this change; null the first time the item is read. */
  previousState: string | null;
  /** Items settled so far. */
  settled: number;
  total: number;
}

export interface StateWaitOptions<T> {
  /** Reads several items of one group; answers one reading per id (any order). */
  read(group: string, ids: readonly string[], signal?: AbortSignal): Promise<Array<WaitReading<T>>>;
  /** The target: a settled item is not read again. */
  isSettled(value: T): boolean;
  /** The state progress reports on: an event fires whenever it changes. */
  stateOf(value: T): string;
  /**
   * A read answered 404: the value standing for "gone" (settled), from the item and its last known
   * value; or undefined to fail the wait with that error.
   */
  onGone?(item: WaitItem<T>, last: T | undefined): T | undefined;
  onProgress?(event: WaitProgressEvent<T>): void;
  /** Delay between reads of one item. Default 2000 ms. */
  pollIntervalMs?: number;
  /** Longest delay a server hint may impose between two reads. Default 1 hour. */
  maxRetryAfterMs?: number;
  /**
   * When a group is read, its items due within this many ms are read with it (one listing covers
   * them all, so reading them now costs nothing and saves a round). Default 0: each item on time.
   */
  coalesceMs?: number;
  signal?: AbortSignal;
  /** Clock and timer, replaceable by tests of the scheduling. */
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const DEFAULT_WAIT_POLL_INTERVAL_MS = 2000;
const DEFAULT_MAX_RETRY_AFTER_MS = 3_600_000;

function itemKey(item: { group: string; id: string }): string {
  return `${item.group}\u0000${item.id}`;
}

/**
 * Reads every item until each is settled; returns the final values in input order. Stops with
 * the signal's reason when it aborts, or with the first read error that is not a handled 404.
 */
export async function waitForStates<T>(
  items: readonly WaitItem<T>[],
  options: StateWaitOptions<T>,
): Promise<T[]> {
  const interval = Math.max(0, options.pollIntervalMs ?? DEFAULT_WAIT_POLL_INTERVAL_MS);
  const maxHint = options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  const now = options.now ?? Date.now;
  const pause = options.sleep ?? sleep;
  const coalesceMs = Math.max(0, options.coalesceMs ?? 0);
  const entries = new Map<string, { item: WaitItem<T>; value?: T; nextReadAt: number }>();
  const startedAt = now();
  for (const item of items) {
    const hintMs = Math.min(maxHint, Math.max(0, (item.retryAfterSeconds ?? 0) * 1000));
    entries.set(itemKey(item), { item, value: item.value, nextReadAt: hintMs > 0 ? startedAt + hintMs : 0 });
  }
  const total = entries.size;
  const isDone = (entry: { value?: T }): boolean =>
    entry.value !== undefined && options.isSettled(entry.value);
  // Counted as values change, not recounted: a wait may follow many thousand objects.
  let settled = [...entries.values()].filter(isDone).length;

  const record = (entry: { item: WaitItem<T>; value?: T }, value: T): void => {
    const previousState = entry.value === undefined ? null : options.stateOf(entry.value);
    const wasDone = isDone(entry);
    entry.value = value;
    settled += Number(isDone(entry)) - Number(wasDone);
    if (previousState !== options.stateOf(value)) {
      options.onProgress?.({
        id: entry.item.id,
        group: entry.item.group,
        value,
        previousState,
        settled,
        total,
      });
    }
  };

  for (;;) {
    const pending = [...entries.values()].filter((entry) => !isDone(entry));
    if (pending.length === 0) break;
    const earliest = pending.reduce(
      (min, entry) => Math.min(min, entry.nextReadAt),
      Number.POSITIVE_INFINITY,
    );
    const wait = earliest - now();
    if (wait > 0) await pause(wait, options.signal);
    options.signal?.throwIfAborted();

    const readAt = now();
    const due = new Set(
      pending.filter((entry) => entry.nextReadAt <= readAt).map((entry) => entry.item.group),
    );
    const byGroup = new Map<string, typeof pending>();
    for (const entry of pending) {
      // Due now, or soon in a group read now anyway.
      const soon = coalesceMs > 0 && due.has(entry.item.group) && entry.nextReadAt <= readAt + coalesceMs;
      if (entry.nextReadAt > readAt && !soon) continue;
      const group = byGroup.get(entry.item.group);
      if (group) group.push(entry);
      else byGroup.set(entry.item.group, [entry]);
    }
    await Promise.all(
      [...byGroup].map(async ([group, groupEntries]) => {
        const readings = await options.read(
          group,
          groupEntries.map((entry) => entry.item.id),
          options.signal,
        );
        const byId = new Map(readings.map((reading) => [reading.id, reading]));
        for (const entry of groupEntries) {
          const reading = byId.get(entry.item.id);
          const hintMs = Math.min(maxHint, Math.max(0, (reading?.retryAfterSeconds ?? 0) * 1000));
          entry.nextReadAt = now() + Math.max(interval, hintMs);
          if (reading?.value !== undefined && reading.error === undefined) {
            record(entry, reading.value);
            continue;
          }
          const gone =
            errorStatus(reading?.error) === 404 ? options.onGone?.(entry.item, entry.value) : undefined;
          if (gone !== undefined) record(entry, gone);
          else throw reading?.error ?? new Error(`${group} ${entry.item.id}: no answer`);
        }
      }),
    );
  }
  return items.map((item) => entries.get(itemKey(item))?.value as T);
}
