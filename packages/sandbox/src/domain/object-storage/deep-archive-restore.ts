/**
 * A DEEP_ARCHIVE restore request (Cold Archive v2, reference §5.1), the same from S3
 * (RestoreObject) and API v1 (`POST …/object/{key}/restore {days}`): it starts a restore that
 * takes the --restore-delay, or moves the expiry of a restored copy later, never earlier.
 */
import { isColdClass, restoreStateOf, storageClassOf } from '../../protocols/s3/s3-storage-classes.js';
import type { ObjectRecord } from './object-storage-state.js';

export const MAX_RESTORE_DAYS = 30_000;
const DAY_MS = 86_400_000;

export class RestoreRefusal extends Error {
  constructor(
    readonly reason: 'not-cold' | 'in-progress',
    message: string,
  ) {
    super(message);
  }
}

/** `started` (202 on S3), `extended` or `shorter` (the copy already lasts longer: left as it is). */
export type RestoreOutcome = 'started' | 'extended' | 'shorter';

export function requestRestore(
  object: ObjectRecord,
  input: { nowMs: number; delaySeconds: number; days: number },
): RestoreOutcome {
  if (!isColdClass(storageClassOf(object))) {
    throw new RestoreRefusal('not-cold', "Restore is not allowed for the object's current storage class");
  }
  const state = restoreStateOf(object, input.nowMs);
  if (state === 'restoring') throw new RestoreRefusal('in-progress', 'Object restore is already in progress');
  const wantedMs = input.nowMs + input.days * DAY_MS;
  if (state === 'restored' && object.restore) {
    if (wantedMs <= object.restore.expiryMs) return 'shorter';
    object.restore.expiryMs = wantedMs;
    return 'extended';
  }
  const readyMs = input.nowMs + input.delaySeconds * 1000;
  object.restore = { readyMs, expiryMs: readyMs + input.days * DAY_MS };
  return 'started';
}
