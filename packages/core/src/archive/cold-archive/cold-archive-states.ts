import type { ArchiveObjectPhase, ArchivePhase } from '../archive-entities.js';

// Cold Archive v1 (reference doc §4.3): one S3 bucket in RBX-ARCHIVE driven as a whole,
// none → archiving → archived ⇄ restoring → restored (back to archived after 30 days) → deleting →
// flushed → deleted. Objects follow their bucket.

/** `cloud.ColdArchiveContainerStatusEnum`. */
export const COLD_ARCHIVE_STATES = [
  'none',
  'archiving',
  'archived',
  'restoring',
  'restored',
  'deleting',
  'flushed',
] as const;
export type ColdArchiveState = (typeof COLD_ARCHIVE_STATES)[number];

const PHASE: Record<ColdArchiveState, ArchivePhase> = {
  none: 'open',
  archiving: 'archiving',
  archived: 'offline',
  restoring: 'retrieving',
  restored: 'online',
  deleting: 'deleting',
  flushed: 'empty',
};

/** Unknown states read as `busy`: no action is offered on them. */
export function coldArchivePhase(state: string): ArchivePhase {
  return PHASE[state as ColdArchiveState] ?? 'busy';
}

/** Reference §4.3: the restored copy lasts 30 days, then the bucket is archived again. */
export const COLD_ARCHIVE_RESTORED_DAYS = 30;
/** Reference §4.3: archived data is billed for at least 180 days. */
export const COLD_ARCHIVE_MINIMUM_DAYS = 180;
/** Reference §4.3: `lockedUntilDays` 1–4,500. */
export const COLD_ARCHIVE_MAX_LOCK_DAYS = 4500;

const OBJECT_PHASE: Record<ColdArchiveState, ArchiveObjectPhase> = {
  none: 'online',
  archiving: 'offline',
  archived: 'offline',
  restoring: 'retrieving',
  restored: 'online',
  deleting: 'deleting',
  flushed: 'deleting',
};

/** Objects follow their bucket: readable while `none` or `restored`, on tape otherwise. */
export function coldArchiveObjectPhase(bucketState: string): ArchiveObjectPhase {
  return OBJECT_PHASE[bucketState as ColdArchiveState] ?? 'busy';
}
