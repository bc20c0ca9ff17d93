import type { Archive, ArchiveObject } from '../archive-entities.js';
import { formatArchiveAddress } from '../archive-entities.js';
import { ValidationError } from '../archive-errors.js';
import type { UploadedObject, UploadOptions, UploadSource } from '../archive-upload.js';
import { type DownloadSource, ObjectNotReadyError } from '../object-download.js';
import { validateObjectKey } from '../object-key.js';
import { BucketNotRestoredError, ObjectNotRestoredError } from './s3-transfer-errors.js';
import type { S3BucketRef, S3ObjectTransfers } from './s3-transfer-port.js';
import { parseUploadStorageClass } from './upload-storage-class.js';

// Downloads and uploads of the two Cold Archive products over the S3 transfer port, with what each
// product's state allows checked before any S3 request.

/** A Cold Archive backend's S3 transfers, or the refusal of a backend built without them. */
export function requireTransfers(
  transfers: S3ObjectTransfers | undefined,
  product: Archive['product'],
): S3ObjectTransfers {
  if (!transfers) throw new ValidationError('archive', `This ${product} backend has no S3 transfers`);
  return transfers;
}

export function s3BucketOf(archive: Archive): S3BucketRef {
  return { project: archive.project, region: archive.region ?? '', bucket: archive.name };
}

/** Cold Archive v1: objects are readable while the bucket is not archived yet, or restored. */
const V1_READABLE = new Set(['none', 'restored']);

/**
 * Why an object listed as not online cannot be read now, worded for its product: a v1 bucket to
 * restore as a whole, a v2 object to retrieve for N days, a sealed Swift object.
 */
export function notReadyError(archive: Archive, object: Pick<ArchiveObject, 'key' | 'state' | 'readyAt'>) {
  if (archive.product === 'cold-archive')
    return new BucketNotRestoredError(object.key, archive.name, archive.state);
  if (archive.product === 'deep-archive' && (object.state === 'archived' || object.state === 'restoring')) {
    return new ObjectNotRestoredError(object.key, object.state, formatArchiveAddress(archive));
  }
  return new ObjectNotReadyError(object.key, object.state, object.readyAt);
}

export async function openBucketDownload(
  transfers: S3ObjectTransfers,
  archive: Archive,
  key: string,
  signal?: AbortSignal,
): Promise<DownloadSource> {
  const checked = validateObjectKey(key);
  if (archive.product === 'cold-archive' && !V1_READABLE.has(archive.state)) {
    throw new BucketNotRestoredError(checked, archive.name, archive.state);
  }
  try {
    return await transfers.openDownload(s3BucketOf(archive), checked, signal);
  } catch (error) {
    // The bucket was archived since it was listed (S3 answers InvalidObjectState on its objects).
    if (archive.product === 'cold-archive' && error instanceof ObjectNotReadyError) {
      throw new BucketNotRestoredError(checked, archive.name, 'archived');
    }
    // Worded with the archive's address, for the retrieve command to type.
    if (error instanceof ObjectNotRestoredError) {
      throw new ObjectNotRestoredError(
        checked,
        error.state as 'archived' | 'restoring',
        formatArchiveAddress(archive),
      );
    }
    throw error;
  }
}

export async function uploadIntoBucket(
  transfers: S3ObjectTransfers,
  archive: Archive,
  sources: readonly UploadSource[],
  options: UploadOptions & { storageClasses?: readonly string[] } = {},
): Promise<UploadedObject[]> {
  const { storageClasses, ...rest } = options;
  if (rest.storageClass !== undefined) {
    const storageClass = parseUploadStorageClass(rest.storageClass);
    if (!storageClasses?.includes(storageClass)) {
      throw new ValidationError(
        'storageClass',
        `${archive.product} archives have no storage class to choose`,
      );
    }
    rest.storageClass = storageClass;
  }
  // A v1 bucket takes objects before it is archived only (reference §4.3: listing only after).
  if (archive.product === 'cold-archive' && archive.state !== 'none') {
    throw new ValidationError(
      'archive',
      `Bucket ${archive.name} is ${archive.state}: a Cold Archive v1 bucket takes new objects only before it is archived (state none). Nothing was sent.`,
    );
  }
  return transfers.uploadObjects(s3BucketOf(archive), sources, rest);
}
