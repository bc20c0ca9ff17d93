import type { LifecycleAction, LifecyclePreview } from '../archive-backend.js';
import type { Archive } from '../archive-entities.js';
import { LifecycleRefusedError, ValidationError } from '../archive-errors.js';
import { dateMs } from '../iso-date.js';
import { parseWholeDays } from '../whole-days.js';
import {
  COLD_ARCHIVE_MAX_LOCK_DAYS,
  COLD_ARCHIVE_MINIMUM_DAYS,
  COLD_ARCHIVE_RESTORED_DAYS,
  type ColdArchiveState,
} from './cold-archive-states.js';

// Which step is allowed from which state, and what each one costs: reference doc §4.3 (the
// Control Panel's rules, which OVH's API enforces too) — checked here before anything is sent.

const DAY_MS = 86_400_000;

/** `--lock-days`: a whole number of days, 1–4,500 (ValidationError otherwise). */
export function parseLockDays(value: unknown): number {
  return parseWholeDays('lockDays', 'Lock days', value, COLD_ARCHIVE_MAX_LOCK_DAYS);
}

const iso = (ms: number) => new Date(ms).toISOString();
const where = (archive: Archive) => `${archive.project}/${archive.region}/${archive.name}`;

// A refusal names the state as a user sees it, not as OVH's enum spells it ("none" reads as nothing).
const STATE_WORDS: Record<ColdArchiveState, string> = {
  none: 'it was never archived',
  archiving: 'it is being archived',
  archived: 'it is archived',
  restoring: 'it is being restored',
  restored: 'it is restored',
  deleting: 'it is being flushed',
  flushed: 'it was flushed (its archive is deleted)',
};

/** "it was never archived", "it is being archived", …; an unknown state is quoted as OVH sent it. */
export function describeColdArchiveState(state: string): string {
  return STATE_WORDS[state as ColdArchiveState] ?? `its state is ${state}`;
}

function lockActive(archive: Archive, serverNowMs: number): boolean {
  const until = dateMs(archive.lockedUntil);
  return !Number.isNaN(until) && until > serverNowMs;
}

function refuse(
  archive: Archive,
  action: LifecycleAction,
  reason: string,
  until: string | null = null,
): never {
  throw new LifecycleRefusedError(`Cannot ${action} ${where(archive)}: ${reason}. Nothing was sent.`, until);
}

/**
 * The preview of one lifecycle step of a Cold Archive v1 bucket, or LifecycleRefusedError when its
 * state (at the server's time) forbids it:
 * - archive: from `none` with objects; with `lockDays` also from `archived`/`restored`, where it
 *   only extends the lock, which must end later than the current one;
 * - restore: from `archived` only;
 * - destroy: from `archived`/`restored`, and not before the lock ends.
 */
export function planColdArchiveStep(
  archive: Archive,
  action: LifecycleAction,
  options: { lockDays?: number; serverNowMs: number },
): LifecyclePreview {
  const now = options.serverNowMs;
  const state = archive.state;
  const lockDays = options.lockDays ?? null;
  const objects = archive.objects ?? 0;
  const size = archive.bytes ?? 0;
  const base = { action, archive, lockDays, serverTime: iso(now), lockedUntil: null, lockOnly: false };
  if (lockDays !== null && action !== 'archive')
    throw new ValidationError('lockDays', 'A lock is set by archive only');
  if (lockDays !== null) parseLockDays(lockDays);
  const lockEnd = lockDays === null ? null : iso(now + lockDays * DAY_MS);
  const lockCost = (end: string) =>
    `Write-once lock until ${end}: the archive cannot be flushed or deleted before then, and a lock can only be extended, never shortened.`;

  if (action === 'archive') {
    if (state === 'none') {
      if (objects === 0) refuse(archive, action, 'it is empty (OVH archives only a bucket holding objects)');
      return {
        ...base,
        lockedUntil: lockEnd,
        settlesIn: 'archived',
        effects: [
          `Moves ${objects} object(s) (${size} bytes) of ${where(archive)} to tape (usually under 48 h); from then on they can be listed but not read until restored.`,
        ],
        costs: [
          `Billed at the archive price from now on, for at least ${COLD_ARCHIVE_MINIMUM_DAYS} days: deleting earlier is charged (${COLD_ARCHIVE_MINIMUM_DAYS} − days used) × price; under 1 TB is charged as 1 TB.`,
          ...(lockEnd ? [lockCost(lockEnd)] : []),
        ],
      };
    }
    if (state === 'archived' || state === 'restored') {
      if (lockEnd === null) refuse(archive, action, `it is already ${state} (add --lock-days N to lock it)`);
      const current = dateMs(archive.lockedUntil);
      if (!Number.isNaN(current) && current >= dateMs(lockEnd)) {
        refuse(
          archive,
          action,
          `it is locked until ${archive.lockedUntil}, later than ${lockEnd}: a lock can only be extended`,
          archive.lockedUntil ?? null,
        );
      }
      return {
        ...base,
        lockedUntil: lockEnd,
        lockOnly: true,
        settlesIn: state,
        effects: [
          `Sets the write-once lock of ${where(archive)} to end on ${lockEnd}${archive.lockedUntil ? ` (now ${archive.lockedUntil})` : ''}.`,
        ],
        costs: [lockCost(lockEnd)],
      };
    }
    refuse(
      archive,
      action,
      `${describeColdArchiveState(state)}; only a bucket never archived can be archived (or an archived one have its lock extended)`,
    );
  }

  if (action === 'restore') {
    if (state !== 'archived') {
      refuse(
        archive,
        action,
        state === 'restored'
          ? `it is already restored${archive.restoredUntil ? ` (readable until ${archive.restoredUntil})` : ''}`
          : `${describeColdArchiveState(state)}; only an archived bucket can be restored`,
      );
    }
    const copyEnd = iso(now + COLD_ARCHIVE_RESTORED_DAYS * DAY_MS);
    return {
      ...base,
      settlesIn: 'restored',
      effects: [
        `Restores ${objects} object(s) (${size} bytes) of ${where(archive)} from tape (minutes to 48 h), read-only.`,
      ],
      costs: [
        `The restored copy lasts ${COLD_ARCHIVE_RESTORED_DAYS} days (until about ${copyEnd}, counted from when the restore completes), then it is deleted and the bucket is archived again.`,
        `Restoring within ${COLD_ARCHIVE_MINIMUM_DAYS} days of archiving costs the restore, plus active storage of the restored objects, plus the archived storage.`,
      ],
    };
  }

  // destroy
  if (state !== 'archived' && state !== 'restored') {
    refuse(
      archive,
      action,
      `${describeColdArchiveState(state)}; only an archived or restored bucket can be flushed`,
    );
  }
  if (lockActive(archive, now)) {
    refuse(archive, action, `it is locked until ${archive.lockedUntil}`, archive.lockedUntil ?? null);
  }
  return {
    ...base,
    settlesIn: 'flushed',
    effects: [
      `Deletes every object of ${where(archive)} from tape (and the restored copy): ${objects} object(s), ${size} bytes. This cannot be undone.`,
      'The bucket is then flushed (empty) and can be deleted with `archives delete`.',
    ],
    costs: [
      `Data archived for less than ${COLD_ARCHIVE_MINIMUM_DAYS} days is still charged for the rest of the ${COLD_ARCHIVE_MINIMUM_DAYS} days.`,
    ],
  };
}

/** `archives delete` of a Cold Archive v1 bucket: from `none` (emptied first) or `flushed` only. */
export function checkColdArchiveDelete(archive: Archive, recursive: boolean): void {
  if (archive.state === 'flushed') return;
  if (archive.state === 'none') {
    if ((archive.objects ?? 0) > 0 && !recursive) {
      throw new LifecycleRefusedError(
        `${where(archive)} holds ${archive.objects} object(s): add --recursive to delete them with it. Nothing was sent.`,
      );
    }
    return;
  }
  throw new LifecycleRefusedError(
    `Cannot delete ${where(archive)}: ${describeColdArchiveState(archive.state)}; a bucket that was archived is deleted once flushed (\`archives destroy\`, then wait for flushed). Nothing was sent.`,
  );
}

/** `objects prune` of a Cold Archive v1 bucket: its objects can be deleted in state `none` only. */
export function checkColdArchivePrune(archive: Archive): void {
  if (archive.state === 'none') return;
  throw new LifecycleRefusedError(
    `Cannot prune ${where(archive)}: it is ${archive.state}; objects can be deleted only from a bucket never archived (none). Nothing was sent.`,
  );
}

/** Whether the archive read after a lost answer shows the step was applied. */
export function stepApplied(preview: LifecyclePreview, after: Archive): boolean {
  if (preview.lockOnly) {
    const [before, now] = [dateMs(preview.archive.lockedUntil), dateMs(after.lockedUntil)];
    return !Number.isNaN(now) && (Number.isNaN(before) || now > before);
  }
  const moved: Record<LifecycleAction, string[]> = {
    archive: ['archiving', 'archived'],
    restore: ['restoring', 'restored'],
    destroy: ['deleting', 'flushed'],
  };
  return after.state !== preview.archive.state && moved[preview.action].includes(after.state);
}
