/**
 * The Cold Archive v1 transitions, shared by API v1 (`/coldArchive/{name}/archive|restore|destroy`)
 * and the S3 side (intelligent-tiering configuration), each allowed only from the states the
 * Control Panel allows them in (reference §4.3). A refusal carries OVH's message; each caller
 * writes it in its own protocol's error shape.
 */
import { type ColdArchiveRecord, type ColdArchiveStatus, coldArchiveStatus } from './cold-archive-state.js';

export class ColdArchiveRefusal extends Error {}

/** `lockedUntilDays`: 1 to 4,500 days (reference §4.3). */
export const MAX_LOCK_DAYS = 4500;
const DAY_MS = 86_400_000;

export interface TransitionInput {
  name: string;
  nowMs: number;
  /** How long the step takes (--restore-delay), seconds. */
  delaySeconds: number;
  objectsCount: number;
}

/** The configuration API v1 pushes when none was (its real Id is unpublished). */
export const DEFAULT_TIERING_ID = 'ovh-cold-archive';

/** What the S3 side shows after a v1 call: the configuration OVH's API pushes underneath (§4.4). */
function pushTiering(record: ColdArchiveRecord, accessTier: string, days: number): void {
  record.tiering = { id: record.tiering?.id ?? DEFAULT_TIERING_ID, accessTier, days };
}

function refuse(name: string, action: string, status: ColdArchiveStatus): never {
  throw new ColdArchiveRefusal(`Cannot ${action} container ${name} while its status is ${status}`);
}

export function checkLockDays(days: unknown): number {
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_LOCK_DAYS) {
    throw new ColdArchiveRefusal(`lockedUntilDays must be a whole number of days from 1 to ${MAX_LOCK_DAYS}`);
  }
  return days;
}

/** Sets or extends the lock to now + days; a lock can never be shortened. */
function lockFor(record: ColdArchiveRecord, days: number, nowMs: number): void {
  const until = nowMs + days * DAY_MS;
  if (record.lockedUntilMs !== null && until <= record.lockedUntilMs) {
    throw new ColdArchiveRefusal(
      `The retention period cannot be reduced: archive is locked until ${new Date(record.lockedUntilMs).toISOString()}`,
    );
  }
  record.lockedUntilMs = until;
}

/**
 * `POST /archive {lockedUntilDays?}`: starts archiving a `none` container that holds objects; on an
 * archived or restored one, only (re)sets the lock (the "Edit retention" of the Control Panel).
 */
export function archive(record: ColdArchiveRecord, input: TransitionInput, lockDays?: number): void {
  const status = coldArchiveStatus(record, input.nowMs);
  if (status === 'archived' || status === 'restored') {
    if (lockDays === undefined) refuse(input.name, 'archive', status);
    lockFor(record, lockDays, input.nowMs);
    pushTiering(record, 'OVH_ARCHIVE_LOCK', lockDays);
    return;
  }
  if (status !== 'none') refuse(input.name, 'archive', status);
  if (input.objectsCount === 0) {
    throw new ColdArchiveRefusal(`Container ${input.name} is empty: there is nothing to archive`);
  }
  if (lockDays !== undefined) lockFor(record, lockDays, input.nowMs);
  record.step = { kind: 'archive', askedMs: input.nowMs, doneMs: input.nowMs + input.delaySeconds * 1000 };
  pushTiering(record, lockDays === undefined ? 'OVH_ARCHIVE' : 'OVH_ARCHIVE_LOCK', lockDays ?? 999);
}

/** `POST /restore`: only from archived. */
export function restore(record: ColdArchiveRecord, input: TransitionInput): void {
  const status = coldArchiveStatus(record, input.nowMs);
  if (status !== 'archived') refuse(input.name, 'restore', status);
  record.step = { kind: 'restore', askedMs: input.nowMs, doneMs: input.nowMs + input.delaySeconds * 1000 };
  pushTiering(record, 'OVH_RESTORE', 30);
}

/** `POST /destroy`: from archived or restored, once the lock has passed. */
export function destroy(record: ColdArchiveRecord, input: TransitionInput): void {
  const status = coldArchiveStatus(record, input.nowMs);
  if (status !== 'archived' && status !== 'restored') refuse(input.name, 'flush', status);
  if (record.lockedUntilMs !== null && input.nowMs < record.lockedUntilMs) {
    throw new ColdArchiveRefusal(
      `Archive deletion is locked until ${new Date(record.lockedUntilMs).toISOString()}`,
    );
  }
  record.step = { kind: 'destroy', askedMs: input.nowMs, doneMs: input.nowMs + input.delaySeconds * 1000 };
  record.tiering = null;
}

/** `DELETE /coldArchive/{name}`: an empty `none` container, or a flushed one. */
export function checkDeletable(record: ColdArchiveRecord, input: TransitionInput): void {
  const status = coldArchiveStatus(record, input.nowMs);
  if (status === 'flushed') return;
  if (status !== 'none') refuse(input.name, 'delete', status);
  if (input.objectsCount > 0) {
    throw new ColdArchiveRefusal(
      'To permanently delete your container, you must first delete the objects in it',
    );
  }
}

/** Object writes and deletes: only while the container is `none` (reference §4.3 permissions). */
export function checkWritable(record: ColdArchiveRecord, input: Pick<TransitionInput, 'name' | 'nowMs'>) {
  const status = coldArchiveStatus(record, input.nowMs);
  if (status !== 'none') refuse(input.name, 'change objects of', status);
}

/** Object bytes: readable while `none` or `restored`. */
export function bytesReadable(record: ColdArchiveRecord, nowMs: number): boolean {
  const status = coldArchiveStatus(record, nowMs);
  return status === 'none' || status === 'restored';
}

/** Users can be added while none, archived or restored. */
export function checkPolicyAllowed(
  record: ColdArchiveRecord,
  input: Pick<TransitionInput, 'name' | 'nowMs'>,
) {
  const status = coldArchiveStatus(record, input.nowMs);
  if (status !== 'none' && status !== 'archived' && status !== 'restored') {
    refuse(input.name, 'add a user to', status);
  }
}
