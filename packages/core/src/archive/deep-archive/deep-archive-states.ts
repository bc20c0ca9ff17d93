import type { ArchiveObjectPhase } from '../archive-entities.js';

// Cold Archive v2 (reference doc §5): the DEEP_ARCHIVE storage class of objects in ordinary S3
// buckets (EU-WEST-PAR). An archived object is restored for N days before it can be downloaded;
// objects of other classes are downloadable at once.

export const DEEP_ARCHIVE_OBJECT_STATES = ['archived', 'restoring', 'restored', 'available'] as const;
export type DeepArchiveObjectState = (typeof DEEP_ARCHIVE_OBJECT_STATES)[number];

const PHASE: Record<DeepArchiveObjectState, ArchiveObjectPhase> = {
  archived: 'offline',
  restoring: 'retrieving',
  restored: 'online',
  available: 'online',
};

export function deepArchiveObjectPhase(state: string): ArchiveObjectPhase {
  return PHASE[state as DeepArchiveObjectState] ?? 'busy';
}

/**
 * The state of an object from its storage class and restore status (S3 `x-amz-restore`, or API
 * v1's `restoreStatus {inProgress, expireDate}`).
 */
export function deepArchiveObjectState(
  storageClass: string | undefined,
  restore: { inProgress: boolean; expireDate?: string | null } | undefined,
): DeepArchiveObjectState {
  if (storageClass !== 'DEEP_ARCHIVE') return 'available';
  if (restore?.inProgress) return 'restoring';
  return restore?.expireDate ? 'restored' : 'archived';
}
