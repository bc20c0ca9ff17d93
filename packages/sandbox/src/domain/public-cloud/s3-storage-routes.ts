/**
 * `/cloud/project/{sn}/region/{r}/storage…`: S3 buckets through API v1 (reference §5.2, §6): list,
 * create, get (with its objects), delete; objects listed, read, deleted and restored (DEEP_ARCHIVE,
 * Cold Archive v2); presigned URLs; container policies. The buckets are the S3 listener's own.
 */
import { badRequest, conflict, type RouteContext, type RouteDefinition } from '../../http/route-types.js';
import { formatOvhDate } from '../../state/ovh-date.js';
import { objectNotFound } from '../cloud/pca-lookup.js';
import {
  expectObjectBody,
  malformed,
  rejectMissingProperties,
  rejectUnknownProperties,
} from '../cloud/request-body-checks.js';
import { ColdArchiveRefusal, checkWritable } from '../cold-archive/cold-archive-lifecycle.js';
import { MAX_RESTORE_DAYS, RestoreRefusal, requestRestore } from '../object-storage/deep-archive-restore.js';
import { deleteObject } from '../object-storage/delete-objects.js';
import { containerUsage } from '../object-storage/object-listing.js';
import type { ContainerRecord, ObjectRecord } from '../object-storage/object-storage-state.js';
import { presignedUrl, readPresignInput } from './presigned-urls.js';
import { findUser } from './project-lookup.js';
import { findObject, findRegionBucket, findS3Region } from './s3-bucket-lookup.js';
import {
  bucketNameTaken,
  coldArchiveOf,
  isColdArchiveRegion,
  newBucket,
  virtualHostOf,
} from './s3-buckets-state.js';
import { readContainerCreation, readContainerPolicy } from './s3-container-bodies.js';
import { objectListView, objectView, readObjectPage } from './s3-object-views.js';

const STORAGE = '/cloud/project/{serviceName}/region/{regionName}/storage';
const CONTAINER = `${STORAGE}/{name}`;
const OBJECT = `${CONTAINER}/object/{key}`;

/** cloud.StorageContainer (the list's StorageContainerList has the same fields but `objects`). */
function containerView(region: string, bucket: ContainerRecord, objects?: unknown[]) {
  const usage = containerUsage(bucket);
  return {
    name: bucket.name,
    region,
    ownerId: bucket.settings?.ownerId ?? null,
    objectsCount: usage.objects,
    objectsSize: usage.bytes,
    createdAt: formatOvhDate(bucket.createdMs),
    virtualHost: virtualHostOf(region, bucket.name),
    encryption: { sseAlgorithm: bucket.settings?.encryption ?? 'plaintext' },
    versioning: { status: 'disabled' },
    objectLock: { status: 'disabled' },
    tags: bucket.settings?.tags ?? {},
    ...(objects && { objects }),
  };
}

/** Object writes in a Cold Archive v1 bucket follow its lifecycle. */
function checkObjectWrite(ctx: RouteContext, region: string, bucket: ContainerRecord) {
  if (!isColdArchiveRegion(region)) return;
  try {
    checkWritable(coldArchiveOf(bucket), { name: bucket.name, nowMs: ctx.clock.nowMs() });
  } catch (error) {
    if (error instanceof ColdArchiveRefusal) throw badRequest(error.message);
    throw error;
  }
}

function restoreRoute(pattern: string): RouteDefinition {
  return {
    method: 'POST',
    pattern,
    description: 'Restore a DEEP_ARCHIVE (Cold Archive) object for some days',
    handler: async (req, ctx) => {
      const found = await findRegionBucket(req, ctx, 'any');
      const object: ObjectRecord = findObject(found.bucket, req.params.key);
      if (req.params.versionId !== undefined && req.params.versionId !== 'null') {
        throw objectNotFound('versionId', req.params.versionId);
      }
      const body = expectObjectBody(req.body);
      rejectUnknownProperties(body, ['days']);
      rejectMissingProperties(body, ['days']);
      const days = body.days;
      if (typeof days !== 'number' || !Number.isInteger(days)) throw malformed('days');
      if (days < 1 || days > MAX_RESTORE_DAYS) {
        throw badRequest(`Body parameter days must be from 1 to ${MAX_RESTORE_DAYS}`);
      }
      let outcome: string;
      try {
        outcome = requestRestore(object, {
          nowMs: ctx.clock.nowMs(),
          delaySeconds: ctx.options.restoreDelaySeconds,
          days,
        });
      } catch (error) {
        if (!(error instanceof RestoreRefusal)) throw error;
        throw error.reason === 'in-progress' ? conflict(error.message) : badRequest(error.message);
      }
      // "It is not possible to add another restoration request with a shorter period" (§5.1).
      if (outcome === 'shorter') {
        throw badRequest('A restore with a longer period was already requested for this object');
      }
      ctx.markDirty();
      return { body: null };
    },
  };
}

export const s3StorageRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    pattern: STORAGE,
    description: 'List the S3™* compatible storage containers of a region',
    handler: (req, ctx) => {
      const found = findS3Region(req, ctx, 'any');
      return {
        body: Object.values(found.account.containers)
          .sort((a, b) => (a.name < b.name ? -1 : 1))
          .map((bucket) => containerView(found.region, bucket)),
      };
    },
  },
  {
    method: 'POST',
    pattern: STORAGE,
    description: 'Create an S3™* compatible storage container',
    handler: (req, ctx) => {
      const found = findS3Region(req, ctx, 'any');
      const creation = readContainerCreation(req.body, found.project);
      if (bucketNameTaken(ctx.state.publicCloud, found.region, creation.name)) {
        throw conflict(`Container ${creation.name} already exists`);
      }
      const bucket = newBucket(creation.name, ctx.clock.nowMs());
      bucket.settings = { ownerId: creation.ownerId, encryption: creation.encryption, tags: creation.tags };
      found.account.containers[bucket.name] = bucket;
      ctx.markDirty();
      return { body: containerView(found.region, bucket, []) };
    },
  },
  {
    method: 'GET',
    pattern: CONTAINER,
    description: 'Get an S3™* compatible storage container, with its objects',
    queryParams: [
      { name: 'limit', type: 'long' },
      { name: 'marker', type: 'string' },
      { name: 'prefix', type: 'string' },
    ],
    handler: async (req, ctx) => {
      const found = await findRegionBucket(req, ctx, 'any');
      const { bucket } = found;
      const page = readObjectPage(req.query, 'marker');
      if (typeof page === 'string') throw badRequest(page);
      return { body: containerView(found.region, bucket, await objectListView(ctx, bucket, page)) };
    },
  },
  {
    method: 'DELETE',
    pattern: CONTAINER,
    description: 'Delete an empty S3™* compatible storage container',
    handler: async (req, ctx) => {
      const found = await findRegionBucket(req, ctx, 'any');
      const { bucket } = found;
      const count = Object.keys(bucket.objects).length;
      if (count > 0) throw conflict(`Container ${bucket.name} is not empty (${count} objects)`);
      delete found.account.containers[bucket.name];
      ctx.markDirty();
      return { body: null };
    },
  },
  {
    method: 'GET',
    pattern: `${CONTAINER}/object`,
    description: 'List the objects of a container (1000 at most per call)',
    queryParams: [
      { name: 'delimiter', type: 'string' },
      { name: 'keyMarker', type: 'string' },
      { name: 'limit', type: 'long' },
      { name: 'prefix', type: 'string' },
      { name: 'versionIdMarker', type: 'string' },
      { name: 'withVersions', type: 'boolean' },
    ],
    handler: async (req, ctx) => {
      const found = await findRegionBucket(req, ctx, 'any');
      const { bucket } = found;
      const page = readObjectPage(req.query, 'keyMarker');
      if (typeof page === 'string') throw badRequest(page);
      return { body: await objectListView(ctx, bucket, page) };
    },
  },
  {
    method: 'GET',
    pattern: OBJECT,
    description: 'Get an object’s information (storage class, restore status)',
    handler: async (req, ctx) => {
      const found = await findRegionBucket(req, ctx, 'any');
      const { bucket } = found;
      return { body: await objectView(ctx, findObject(bucket, req.params.key)) };
    },
  },
  {
    method: 'DELETE',
    pattern: OBJECT,
    description: 'Delete an object',
    handler: async (req, ctx) => {
      const found = await findRegionBucket(req, ctx, 'any');
      const { bucket } = found;
      const object = findObject(bucket, req.params.key);
      checkObjectWrite(ctx, found.region, bucket);
      await deleteObject(ctx.blobs, bucket, object.key);
      ctx.markDirty();
      return { body: null };
    },
  },
  restoreRoute(`${OBJECT}/restore`),
  restoreRoute(`${OBJECT}/version/{versionId}/restore`),
  {
    method: 'POST',
    pattern: `${CONTAINER}/presign`,
    description: 'Generate a presigned URL to download, upload or delete an object',
    handler: async (req, ctx) => {
      const found = await findRegionBucket(req, ctx, 'any');
      const { bucket } = found;
      return { body: presignedUrl(ctx, found.project, found.region, bucket, readPresignInput(req.body)) };
    },
  },
  {
    method: 'POST',
    pattern: `${CONTAINER}/policy/{userId}`,
    description: 'Give a user a role on a container (or on one object of it)',
    handler: async (req, ctx) => {
      const found = await findRegionBucket(req, ctx, 'any');
      const { bucket } = found;
      const user = findUser(found.project, req.params.userId);
      bucket.policies ??= {};
      bucket.policies[String(user.id)] = readContainerPolicy(req.body);
      ctx.markDirty();
      return { body: null };
    },
  },
];
