/**
 * Storage classes an OVH S3 endpoint accepts (reference §5.1) and the DEEP_ARCHIVE restore state,
 * computed on each read from timestamps on the sandbox clock.
 */
import type { ObjectRecord } from '../../domain/object-storage/object-storage-state.js';
import { S3Error } from './s3-answers.js';

export const STORAGE_CLASSES = [
  'STANDARD',
  'STANDARD_IA',
  'ONEZONE_IA',
  'INTELLIGENT_TIERING',
  'GLACIER',
  'GLACIER_IR',
  'DEEP_ARCHIVE',
  'HIGH_PERF',
] as const;

export function readStorageClass(value: string | string[] | undefined): string {
  if (value === undefined) return 'STANDARD';
  const name = String(value);
  if (!(STORAGE_CLASSES as readonly string[]).includes(name)) {
    throw new S3Error(400, 'InvalidStorageClass', 'The storage class you specified is not valid', {
      StorageClassRequested: name,
    });
  }
  return name;
}

export const storageClassOf = (object: ObjectRecord) => object.storageClass ?? 'STANDARD';

/** Needs a restore before its bytes can be read. */
export const isColdClass = (storageClass: string) => storageClass === 'DEEP_ARCHIVE';

export type RestoreState = 'archived' | 'restoring' | 'restored';

export function restoreStateOf(object: ObjectRecord, nowMs: number): RestoreState {
  const restore = object.restore;
  if (!restore || nowMs >= restore.expiryMs) return 'archived';
  return nowMs < restore.readyMs ? 'restoring' : 'restored';
}

/** `x-amz-restore` as S3 writes it, or undefined when no restore is on record. */
export function restoreHeader(object: ObjectRecord, nowMs: number): string | undefined {
  const state = restoreStateOf(object, nowMs);
  if (state === 'archived' || !object.restore) return undefined;
  if (state === 'restoring') return 'ongoing-request="true"';
  return `ongoing-request="false", expiry-date="${new Date(object.restore.expiryMs).toUTCString()}"`;
}

export function readable(object: ObjectRecord, nowMs: number): boolean {
  return !isColdClass(storageClassOf(object)) || restoreStateOf(object, nowMs) === 'restored';
}

export const invalidObjectState = (object: ObjectRecord) =>
  new S3Error(403, 'InvalidObjectState', "The operation is not valid for the object's storage class", {
    StorageClass: storageClassOf(object),
  });
