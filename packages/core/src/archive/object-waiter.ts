import type { ArchiveBackend } from './archive-backend.js';
import type { Archive, ArchiveObject } from './archive-entities.js';
import { type WaitProgressEvent, waitForStates } from './state-waiter.js';

export interface WaitForObjectsOptions {
  onProgress?(event: WaitProgressEvent<ArchiveObject>): void;
  pollIntervalMs?: number;
  /** The retrieval's `days` (Cold Archive v2), handed to each reading. */
  days?: number;
  signal?: AbortSignal;
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
  return waitForStates<ArchiveObject>(
    objects.map((object) => ({ id: object.key, group: archive.id, value: object })),
    {
      read: (_group, keys, signal) => read.call(backend, archive, keys, signal, { days: options.days }),
      isSettled: (object) => object.phase !== 'retrieving',
      stateOf: (object) => object.state,
      onProgress: options.onProgress,
      pollIntervalMs: options.pollIntervalMs,
      signal: options.signal,
    },
  );
}
