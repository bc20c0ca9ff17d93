import type { ArchiveBackend } from './archive-backend.js';
import type { Archive, ArchiveObject } from './archive-entities.js';
import { DEFAULT_WAIT_POLL_INTERVAL_MS, type WaitProgressEvent, waitForStates } from './state-waiter.js';

export interface WaitForObjectsOptions {
  onProgress?(event: WaitProgressEvent<ArchiveObject>): void;
  pollIntervalMs?: number;
  /** The retrieval's `days` (Cold Archive v2), handed to each reading. */
  days?: number;
  signal?: AbortSignal;
  /** The local clock, ms (readyAt is turned into a first delay with it). */
  now?: () => number;
}

/**
 * Follows retrieved objects of one archive until none is `retrieving` any more (unsealed, or a
 * legacy session back to `done`), through the backend's batch read (one listing per round for
 * Cloud Archive) and its server delays.
 */
export function waitForObjects(
  backend: ArchiveBackend,
  archive: Archive,
  objects: readonly ArchiveObject[],
  options: WaitForObjectsOptions = {},
): Promise<ArchiveObject[]> {
  const read = backend.readObjectStates;
  if (read === undefined) throw new Error(`${backend.product} cannot follow object states`);
  const nowMs = (options.now ?? Date.now)();
  const interval = options.pollIntervalMs ?? DEFAULT_WAIT_POLL_INTERVAL_MS;
  return waitForStates<ArchiveObject>(
    objects.map((object) => {
      // Not read before the time the server gave: a first read right after asking is wasted.
      const readyMs = object.readyAt === null ? Number.NaN : Date.parse(object.readyAt);
      const retryAfterSeconds = Number.isNaN(readyMs) ? undefined : Math.max(0, (readyMs - nowMs) / 1000);
      return { id: object.key, group: archive.id, value: object, retryAfterSeconds };
    }),
    {
      // One batch read covers the whole group: items due within a poll interval come along.
      coalesceMs: interval,
      read: (_group, keys, signal) => read.call(backend, archive, keys, signal, { days: options.days }),
      isSettled: (object) => object.phase !== 'retrieving',
      stateOf: (object) => object.state,
      onProgress: options.onProgress,
      pollIntervalMs: options.pollIntervalMs,
      signal: options.signal,
    },
  );
}
