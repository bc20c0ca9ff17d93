/** Finding a project's S3 region and bucket from a route's path, or answering as OVH does. */
import { badRequest, type RouteContext, type RouteRequest } from '../../http/route-types.js';
import { ownEntry } from '../cloud/own-entry.js';
import { objectNotFound } from '../cloud/pca-lookup.js';
import { echo } from '../cloud/request-body-checks.js';
import type {
  ContainerRecord,
  ObjectRecord,
  ObjectStorageAccount,
} from '../object-storage/object-storage-state.js';
import { canUseObjectStorage } from './cloud-users.js';
import { findProject } from './project-lookup.js';
import type { CloudProjectRecord } from './public-cloud-state.js';
import { regionInfo } from './region-catalog.js';
import { isColdArchiveRegion, s3Account, settleFlushed } from './s3-buckets-state.js';

export interface S3Region {
  project: CloudProjectRecord;
  region: string;
  account: ObjectStorageAccount;
}

/** The project's region named in the path; it must be enabled and offer S3 (Cold Archive ones for `coldArchive`). */
export function findS3Region(req: RouteRequest, ctx: RouteContext, kind: 'any' | 'coldArchive'): S3Region {
  const project = findProject(req, ctx);
  const region = req.params.regionName ?? '';
  const info = project.regions.includes(region) ? regionInfo(region) : undefined;
  if (!info) throw objectNotFound('regionName', region);
  if (kind === 'coldArchive' && !isColdArchiveRegion(region)) {
    throw badRequest(`Cold Archive is not available in region ${echo(region)}`);
  }
  if (!info.s3) throw badRequest(`S3 object storage is not available in region ${echo(region)}`);
  return { project, region, account: s3Account(project, region, ctx.clock.nowMs()) };
}

/** The bucket named `{name}` (or `name`), its flushed objects dropped first. */
export async function findBucket(found: S3Region, ctx: RouteContext, name: string): Promise<ContainerRecord> {
  const bucket = ownEntry(found.account.containers, name);
  if (!bucket) throw objectNotFound('name', name);
  if (await settleFlushed(ctx.blobs, bucket, ctx.clock.nowMs())) ctx.markDirty();
  return bucket;
}

/** The region and bucket of a `…/{regionName}/…/{name}` path. */
export async function findRegionBucket(
  req: RouteRequest,
  ctx: RouteContext,
  kind: 'any' | 'coldArchive',
): Promise<S3Region & { bucket: ContainerRecord }> {
  const found = findS3Region(req, ctx, kind);
  return { ...found, bucket: await findBucket(found, ctx, req.params.name ?? '') };
}

export function findObject(bucket: ContainerRecord, key: string | undefined): ObjectRecord {
  const object = ownEntry(bucket.objects, key ?? '');
  if (!object) throw objectNotFound('key', key ?? '');
  return object;
}

/** `ownerId` of a creation body: a user of the project; when absent, its first object-storage user. */
export function readOwnerId(project: CloudProjectRecord, value: unknown): number | null {
  if (value === undefined || value === null) {
    return Object.values(project.users).find(canUseObjectStorage)?.id ?? null;
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw badRequest("Body parameter ownerId isn't formated correctly");
  }
  if (!ownEntry(project.users, String(value)))
    throw badRequest(`User ${value} does not exist in this project`);
  return value;
}
