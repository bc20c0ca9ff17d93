/**
 * `/cloud/project/{sn}/region/{r}/coldArchive…` (Cold Archive v1, reference §4.1): list, create,
 * get (with its objects, paged), delete, archive (and lock), restore, destroy, object delete,
 * policy and presign. Containers are the S3 buckets of the region; the S3 listener sees the same
 * ones. Lifecycle refusals are 400 Client::BadRequest (OVH's exact texts are unpublished).
 */
import {
  badRequest,
  conflict,
  type RouteContext,
  type RouteDefinition,
  type RouteRequest,
} from '../../http/route-types.js';
import { formatOvhDate } from '../../state/ovh-date.js';
import { ownEntry } from '../cloud/own-entry.js';
import { objectNotFound } from '../cloud/pca-lookup.js';
import { expectNoBody, expectObjectBody, rejectUnknownProperties } from '../cloud/request-body-checks.js';
import { deleteObject } from '../object-storage/delete-objects.js';
import { containerUsage } from '../object-storage/object-listing.js';
import type { ContainerRecord } from '../object-storage/object-storage-state.js';
import { presignedUrl, readPresignInput } from '../public-cloud/presigned-urls.js';
import { findUser } from '../public-cloud/project-lookup.js';
import {
  findBucket,
  findRegionBucket,
  findS3Region,
  type S3Region,
} from '../public-cloud/s3-bucket-lookup.js';
import {
  bucketNameTaken,
  coldArchiveOf,
  newBucket,
  virtualHostOf,
} from '../public-cloud/s3-buckets-state.js';
import { readContainerCreation, readContainerPolicy } from '../public-cloud/s3-container-bodies.js';
import { objectListView, readObjectPage } from '../public-cloud/s3-object-views.js';
import {
  archive,
  ColdArchiveRefusal,
  checkDeletable,
  checkLockDays,
  checkPolicyAllowed,
  checkWritable,
  destroy,
  restore,
  type TransitionInput,
} from './cold-archive-lifecycle.js';
import { automaticDeletionMs, coldArchiveStatus } from './cold-archive-state.js';

const COLD_ARCHIVE = '/cloud/project/{serviceName}/region/{regionName}/coldArchive';
const CONTAINER = `${COLD_ARCHIVE}/{name}`;

async function containerView(ctx: RouteContext, region: string, bucket: ContainerRecord, objects: unknown[]) {
  const record = coldArchiveOf(bucket);
  const nowMs = ctx.clock.nowMs();
  const usage = containerUsage(bucket);
  const deletion = automaticDeletionMs(record, nowMs);
  return {
    name: bucket.name,
    status: coldArchiveStatus(record, nowMs),
    ownerId: bucket.settings?.ownerId ?? null,
    objectsCount: usage.objects,
    objectsSize: usage.bytes,
    createdAt: formatOvhDate(bucket.createdMs),
    virtualHost: virtualHostOf(region, bucket.name),
    lockedUntil: record.lockedUntilMs === null ? null : formatOvhDate(record.lockedUntilMs),
    automaticDeletionAt: deletion === null ? null : formatOvhDate(deletion),
    objects,
  };
}

function transitionInput(ctx: RouteContext, bucket: ContainerRecord): TransitionInput {
  return {
    name: bucket.name,
    nowMs: ctx.clock.nowMs(),
    delaySeconds: ctx.options.restoreDelaySeconds,
    objectsCount: Object.keys(bucket.objects).length,
  };
}

function refusedAsBadRequest(rule: () => void): void {
  try {
    rule();
  } catch (error) {
    if (error instanceof ColdArchiveRefusal) throw badRequest(error.message);
    throw error;
  }
}

/** A lifecycle call: the container found, the rule applied, refusals as 400. */
function lifecycleRoute(
  suffix: string,
  description: string,
  apply: (req: RouteRequest, ctx: RouteContext, bucket: ContainerRecord, found: S3Region) => void,
): RouteDefinition {
  return {
    method: 'POST',
    pattern: `${CONTAINER}${suffix}`,
    description,
    handler: async (req, ctx) => {
      const found = await findRegionBucket(req, ctx, 'coldArchive');
      const { bucket } = found;
      refusedAsBadRequest(() => apply(req, ctx, bucket, found));
      ctx.markDirty();
      return { body: null };
    },
  };
}

/** The body may be `{}` (the Control Panel, without a lock) or absent (before 2024 it had none). */
function readLockDays(body: unknown): number | undefined {
  if (body === undefined || body === null) return undefined;
  const input = expectObjectBody(body);
  rejectUnknownProperties(input, ['lockedUntilDays']);
  if (input.lockedUntilDays === undefined || input.lockedUntilDays === null) return undefined;
  return checkLockDays(input.lockedUntilDays);
}

export const coldArchiveRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    pattern: COLD_ARCHIVE,
    description: 'Get cold archive containers',
    handler: async (req, ctx) => {
      const found = findS3Region(req, ctx, 'coldArchive');
      const views = [];
      for (const name of Object.keys(found.account.containers).sort()) {
        views.push(await containerView(ctx, found.region, await findBucket(found, ctx, name), []));
      }
      return { body: views };
    },
  },
  {
    method: 'POST',
    pattern: COLD_ARCHIVE,
    description: 'Create S3™* compatible cold archive container',
    handler: async (req, ctx) => {
      const found = findS3Region(req, ctx, 'coldArchive');
      const creation = readContainerCreation(req.body, found.project);
      if (bucketNameTaken(ctx.state.publicCloud, found.region, creation.name)) {
        throw conflict(`Container ${creation.name} already exists`);
      }
      const bucket = newBucket(creation.name, ctx.clock.nowMs());
      coldArchiveOf(bucket);
      bucket.settings = { ownerId: creation.ownerId, encryption: creation.encryption, tags: creation.tags };
      found.account.containers[bucket.name] = bucket;
      ctx.markDirty();
      return { body: await containerView(ctx, found.region, bucket, []) };
    },
  },
  {
    method: 'GET',
    pattern: CONTAINER,
    description: 'Get S3™* compatible cold archive container',
    queryParams: [
      { name: 'limit', type: 'long' },
      { name: 'marker', type: 'string' },
      { name: 'prefix', type: 'string' },
    ],
    handler: async (req, ctx) => {
      const found = await findRegionBucket(req, ctx, 'coldArchive');
      const { bucket } = found;
      const page = readObjectPage(req.query, 'marker');
      if (typeof page === 'string') throw badRequest(page);
      return {
        body: await containerView(ctx, found.region, bucket, await objectListView(ctx, bucket, page)),
      };
    },
  },
  {
    method: 'DELETE',
    pattern: CONTAINER,
    description: 'Delete S3™* compatible cold archive container (empty and active, or flushed)',
    handler: async (req, ctx) => {
      const found = await findRegionBucket(req, ctx, 'coldArchive');
      const { bucket } = found;
      refusedAsBadRequest(() => checkDeletable(coldArchiveOf(bucket), transitionInput(ctx, bucket)));
      delete found.account.containers[bucket.name];
      ctx.markDirty();
      return { body: null };
    },
  },
  lifecycleRoute(
    '/archive',
    'Start archiving of container (lockedUntilDays: write-once lock)',
    (req, ctx, bucket) =>
      archive(coldArchiveOf(bucket), transitionInput(ctx, bucket), readLockDays(req.body)),
  ),
  lifecycleRoute('/restore', 'Start restoring of container', (req, ctx, bucket) => {
    expectNoBody(req.body);
    restore(coldArchiveOf(bucket), transitionInput(ctx, bucket));
  }),
  lifecycleRoute('/destroy', 'Start cleaning tape date of archived container', (req, ctx, bucket) => {
    expectNoBody(req.body);
    destroy(coldArchiveOf(bucket), transitionInput(ctx, bucket));
  }),
  lifecycleRoute(
    '/policy/{userId}',
    'Add S3™* compatible cold archive container policy',
    (req, ctx, bucket, found) => {
      const user = findUser(found.project, req.params.userId);
      const policy = readContainerPolicy(req.body);
      checkPolicyAllowed(coldArchiveOf(bucket), transitionInput(ctx, bucket));
      bucket.policies ??= {};
      bucket.policies[String(user.id)] = policy;
    },
  ),
  {
    method: 'DELETE',
    pattern: `${CONTAINER}/object/{objectKey}`,
    description: 'Delete S3™* compatible cold archive container object (while the container is active)',
    handler: async (req, ctx) => {
      const found = await findRegionBucket(req, ctx, 'coldArchive');
      const { bucket } = found;
      const key = req.params.objectKey ?? '';
      if (!ownEntry(bucket.objects, key)) throw objectNotFound('objectKey', key);
      refusedAsBadRequest(() => checkWritable(coldArchiveOf(bucket), transitionInput(ctx, bucket)));
      await deleteObject(ctx.blobs, bucket, key);
      ctx.markDirty();
      return { body: null };
    },
  },
  {
    method: 'POST',
    pattern: `${CONTAINER}/presign`,
    description: 'Generate presigned URLs to download or upload objects',
    handler: async (req, ctx) => {
      const found = await findRegionBucket(req, ctx, 'coldArchive');
      const { bucket } = found;
      return { body: presignedUrl(ctx, found.project, found.region, bucket, readPresignInput(req.body)) };
    },
  },
];
