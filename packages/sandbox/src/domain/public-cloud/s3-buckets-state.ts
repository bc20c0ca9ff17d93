/**
 * S3 buckets as API v1 sees them (`/region/{r}/storage`, `/region/{r}/coldArchive`): the
 * project's S3 account of a region, bucket lookup, global name uniqueness, and the Cold Archive
 * record of buckets in a `storage-s3-coldarchive` region, whose flushed objects are dropped.
 */
import type { BlobStore } from '../../blobs/blob-store.js';
import { ownEntry } from '../cloud/own-entry.js';
import type { ColdArchiveRecord } from '../cold-archive/cold-archive-state.js';
import { coldArchiveStatus, newColdArchive } from '../cold-archive/cold-archive-state.js';
import { deleteAllObjects } from '../object-storage/delete-objects.js';
import type { ContainerRecord, ObjectStorageAccount } from '../object-storage/object-storage-state.js';
import type { CloudProjectRecord, PublicCloudState } from './public-cloud-state.js';
import { regionInfo } from './region-catalog.js';

export const isColdArchiveRegion = (region: string) => regionInfo(region)?.s3 === 'storage-s3-coldarchive';

export function s3Account(project: CloudProjectRecord, region: string, nowMs: number): ObjectStorageAccount {
  project.s3 ??= {};
  let account = ownEntry(project.s3, region);
  if (!account) {
    account = { createdMs: nowMs, meta: {}, containers: {} };
    project.s3[region] = account;
  }
  return account;
}

/** S3 bucket names are unique in a region across every project. */
export function bucketNameTaken(cloud: PublicCloudState, region: string, name: string): boolean {
  return Object.values(cloud.projects).some((project) => {
    const account = project.s3 ? ownEntry(project.s3, region) : undefined;
    return account !== undefined && ownEntry(account.containers, name) !== undefined;
  });
}

export function newBucket(name: string, nowMs: number): ContainerRecord {
  return {
    name,
    policy: 'PCS',
    createdMs: nowMs,
    meta: {},
    read: null,
    write: null,
    objects: {},
    uploads: {},
  };
}

/** The Cold Archive record of a bucket of a Cold Archive region (created on first use). */
export function coldArchiveOf(bucket: ContainerRecord): ColdArchiveRecord {
  bucket.coldArchive ??= newColdArchive();
  return bucket.coldArchive;
}

/** Once deleting is over the tapes and disks are empty: drop the objects. True when it did. */
export async function settleFlushed(
  blobs: BlobStore,
  bucket: ContainerRecord,
  nowMs: number,
): Promise<boolean> {
  if (!bucket.coldArchive || coldArchiveStatus(bucket.coldArchive, nowMs) !== 'flushed') return false;
  if (Object.keys(bucket.objects).length === 0) return false;
  await deleteAllObjects(blobs, bucket);
  return true;
}

/** `<name>.s3.<region>.io.cloud.ovh.net`, as OVH names a bucket's virtual host (reference §4.6). */
export const virtualHostOf = (region: string, name: string) =>
  `${name}.s3.${region.toLowerCase()}.io.cloud.ovh.net`;
