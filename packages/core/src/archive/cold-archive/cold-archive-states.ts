import type { ArchivePhase } from '../archive-entities.js';

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
