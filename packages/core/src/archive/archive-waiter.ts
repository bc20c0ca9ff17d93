import type { ArchiveLifecycle } from './archive-backend.js';
import type { Archive, ArchivePhase } from './archive-entities.js';
import { type WaitProgressEvent, waitForStates } from './state-waiter.js';

/** Phases an archive passes through on its own (a lifecycle step under way). */
const MOVING: readonly ArchivePhase[] = ['archiving', 'retrieving', 'deleting', 'busy'];

export interface WaitForArchiveOptions {
  onProgress?(event: WaitProgressEvent<Archive>): void;
  /** Default 2000 ms (OVH's steps take minutes to 48 h). */
  pollIntervalMs?: number;
  signal?: AbortSignal;
}

/** Whether an archive is still moving on its own (archiving, restoring, deleting, unknown). */
export function isArchiveMoving(archive: Archive): boolean {
  return MOVING.includes(archive.phase);
}

/**
 * Follows one archive through a lifecycle step (archiving → archived, restoring → restored,
 * deleting → flushed) with one read per round; resolves with it settled. Interrupted and run
 * again, it picks up from the state the server holds.
 */
export async function waitForArchive(
  lifecycle: ArchiveLifecycle,
  archive: Archive,
  options: WaitForArchiveOptions = {},
): Promise<Archive> {
  const [settled] = await waitForStates<Archive>([{ id: archive.id, group: archive.id, value: archive }], {
    read: async (_group, ids, signal) =>
      Promise.all(ids.map(async (id) => ({ id, value: await lifecycle.read(archive, signal) }))),
    isSettled: (value) => !isArchiveMoving(value),
    stateOf: (value) => value.state,
    onProgress: options.onProgress,
    pollIntervalMs: options.pollIntervalMs,
    signal: options.signal,
  });
  return settled!;
}
