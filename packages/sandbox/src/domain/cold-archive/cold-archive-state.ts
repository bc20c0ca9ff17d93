/**
 * Cold Archive v1 (reference §4.3): a bucket of the `storage-s3-coldarchive` region goes
 * none → archiving → archived ⇄ restoring → restored (30 days, then archived again) → deleting →
 * flushed. Only the last lifecycle request is kept, with the time its step ends; the status is
 * computed from it on each read, on the sandbox clock.
 */

export type ColdArchiveStatus =
  | 'none'
  | 'archiving'
  | 'archived'
  | 'restoring'
  | 'restored'
  | 'deleting'
  | 'flushed';

export interface ColdArchiveStep {
  kind: 'archive' | 'restore' | 'destroy';
  askedMs: number;
  /** When archiving, restoring or deleting is over (askedMs + --restore-delay at the time). */
  doneMs: number;
}

export interface ColdArchiveRecord {
  step: ColdArchiveStep | null;
  /** Write-once lock: no flush before this time. */
  lockedUntilMs: number | null;
  /** The S3 intelligent-tiering configuration that drives the lifecycle, once one was pushed. */
  tiering: { id: string; accessTier: string; days: number } | null;
}

/** Restored copies are kept 30 days, then the bucket is archived again (reference §4.3). */
export const RESTORED_FOR_MS = 30 * 86_400_000;

export const newColdArchive = (): ColdArchiveRecord => ({
  step: null,
  lockedUntilMs: null,
  tiering: null,
});

export function coldArchiveStatus(record: ColdArchiveRecord, nowMs: number): ColdArchiveStatus {
  const step = record.step;
  if (!step) return 'none';
  const done = nowMs >= step.doneMs;
  switch (step.kind) {
    case 'archive':
      return done ? 'archived' : 'archiving';
    case 'restore':
      if (!done) return 'restoring';
      return nowMs < step.doneMs + RESTORED_FOR_MS ? 'restored' : 'archived';
    case 'destroy':
      return done ? 'flushed' : 'deleting';
  }
}

/** When the restored copies go away (`automaticDeletionAt`), while restored; else null. */
export function automaticDeletionMs(record: ColdArchiveRecord, nowMs: number): number | null {
  if (record.step?.kind !== 'restore' || coldArchiveStatus(record, nowMs) !== 'restored') return null;
  return record.step.doneMs + RESTORED_FOR_MS;
}

/** The `ovh:intelligent_tiering_status` tag value: the status, capitalised. */
export const tieringStatusTag = (status: ColdArchiveStatus) =>
  `${status.charAt(0).toUpperCase()}${status.slice(1)}`;
