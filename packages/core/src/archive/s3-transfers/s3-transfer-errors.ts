import { ObjectNotReadyError } from '../object-download.js';

/**
 * A DEEP_ARCHIVE object (Cold Archive v2) that must be restored for N days before it can be read:
 * `archived` (never restored, or its restored copy expired) or `restoring` (up to 48 h).
 */
export class ObjectNotRestoredError extends ObjectNotReadyError {
  constructor(key: string, state: 'archived' | 'restoring', archive?: string) {
    super(key, state, null);
    const retrieve = `ovh-pca retrieve ${archive ?? 'ARCHIVE'} ${JSON.stringify(key)} --days N`;
    this.message =
      state === 'restoring'
        ? `${key} is DEEP_ARCHIVE and still restoring (up to 48 h): download it once restored`
        : `${key} is DEEP_ARCHIVE and not restored: retrieve it first (${retrieve})`;
  }
}

/**
 * A Cold Archive v1 object whose bucket is not readable now: objects of an archived bucket are on
 * tape (listing only) until the whole bucket is restored (reference §4.3).
 */
export class BucketNotRestoredError extends ObjectNotReadyError {
  constructor(key: string, bucket: string, bucketState: string) {
    super(key, bucketState, null);
    this.message =
      bucketState === 'restoring' || bucketState === 'archiving'
        ? `Bucket ${bucket} is ${bucketState}: ${key} can be read once it is restored (ovh-pca retrieve ${bucket} --wait)`
        : bucketState === 'archived'
          ? `Bucket ${bucket} is archived: restore the bucket first (ovh-pca retrieve ${bucket} --wait), then download ${key}`
          : `Bucket ${bucket} is ${bucketState}: its objects cannot be read`;
  }
}
