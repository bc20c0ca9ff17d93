/**
 * The S3 side of Cold Archive v1 (reference §4.4) and of API v1 container policies: a bucket of a
 * `storage-s3-coldarchive` region answers its lifecycle through an intelligent-tiering
 * configuration (OVH_ARCHIVE, OVH_ARCHIVE_LOCK with the retention days, OVH_RESTORE; deleting it
 * flushes) and its tags (`ovh:intelligent_tiering_status`, `…_archive_lock_until`); object bytes
 * are readable only while active or restored, objects writable only while active. A user given
 * `deny` on a bucket reaches nothing in it, `readOnly` cannot write; a user's imported S3 policy
 * (`/user/{id}/policy`) is checked first.
 */
import {
  archive,
  bytesReadable,
  ColdArchiveRefusal,
  checkLockDays,
  checkWritable,
  destroy,
  restore,
} from '../../domain/cold-archive/cold-archive-lifecycle.js';
import { coldArchiveStatus, tieringStatusTag } from '../../domain/cold-archive/cold-archive-state.js';
import type { ContainerRecord } from '../../domain/object-storage/object-storage-state.js';
import {
  coldArchiveOf,
  isColdArchiveRegion,
  settleFlushed,
} from '../../domain/public-cloud/s3-buckets-state.js';
import { policyAllows } from '../../domain/public-cloud/user-policy.js';
import type { ProtocolAnswer } from '../protocol-types.js';
import { malformedXml, S3Error, xmlAnswer } from './s3-answers.js';
import { checkedBody, readSmallBody } from './s3-payload.js';
import type { S3Call } from './s3-request.js';
import { parseXml, rootElement } from './s3-xml-input.js';

const ACCESS_TIERS = ['OVH_ARCHIVE', 'OVH_ARCHIVE_LOCK', 'OVH_RESTORE'] as const;

const accessDenied = () => new S3Error(403, 'AccessDenied', 'Access Denied');

export const isColdArchiveBucket = (call: S3Call) => isColdArchiveRegion(call.region);

/** Drops the objects of a flushed bucket before anything looks at it. */
export async function settleBucket(call: S3Call, bucket: ContainerRecord): Promise<void> {
  if (await settleFlushed(call.ctx.blobs, bucket, call.nowMs)) call.ctx.markDirty();
}

/** The IAM action of a request, by what it reaches (coarse: one action per kind of access). */
function actionOf(
  call: S3Call,
  access: 'list' | 'read' | 'write' | 'remove' | 'admin',
  key?: string,
): string {
  switch (access) {
    case 'list':
      return key === undefined ? 's3:ListBucket' : 's3:GetObject';
    case 'read':
      return 's3:GetObject';
    case 'write':
      return call.request.method === 'DELETE' || call.request.query.has('delete')
        ? 's3:DeleteObject'
        : 's3:PutObject';
    case 'remove':
      return 's3:DeleteBucket';
    case 'admin':
      return 's3:PutIntelligentTieringConfiguration';
  }
}

/** The object's ARN; the bucket's for bucket-level actions; `bucket/*` for a DeleteObjects batch. */
function resourceOf(bucket: ContainerRecord, access: string, key?: string): string {
  if (key !== undefined) return `arn:aws:s3:::${bucket.name}/${key}`;
  return access === 'write' ? `arn:aws:s3:::${bucket.name}/*` : `arn:aws:s3:::${bucket.name}`;
}

/** The caller's API v1 policy on this bucket (or this key), if any. */
function policyRole(call: S3Call, bucket: ContainerRecord, key: string | undefined): string | undefined {
  const policy = call.user ? bucket.policies?.[String(call.user.id)] : undefined;
  if (!policy || (policy.objectKey !== null && key !== undefined && policy.objectKey !== key))
    return undefined;
  return policy.roleName;
}

/**
 * `read`: object bytes; `write`: object creation and deletion; `list`: listings and metadata
 * (always allowed by the lifecycle); `remove`: deleting the bucket (which must be empty: active
 * and emptied, or flushed); `admin`: lifecycle changes. Throws the S3 error the request gets.
 */
export function checkAccess(
  call: S3Call,
  bucket: ContainerRecord,
  access: 'list' | 'read' | 'write' | 'remove' | 'admin',
  key?: string,
): void {
  if (!policyAllows(call.user?.s3Policy, actionOf(call, access, key), resourceOf(bucket, access, key)))
    throw accessDenied();
  const role = policyRole(call, bucket, key);
  if (role === 'deny') throw accessDenied();
  if (role === 'readOnly' && access !== 'list' && access !== 'read') throw accessDenied();
  if (role === 'readWrite' && access === 'admin') throw accessDenied();
  if (!isColdArchiveBucket(call)) return;
  const record = coldArchiveOf(bucket);
  if (access === 'read' && !bytesReadable(record, call.nowMs)) {
    throw new S3Error(403, 'InvalidObjectState', "The operation is not valid for the object's access tier", {
      AccessTier: 'OVH_ARCHIVE',
    });
  }
  if (access === 'write') {
    try {
      checkWritable(record, { name: bucket.name, nowMs: call.nowMs });
    } catch (error) {
      if (error instanceof ColdArchiveRefusal) throw accessDenied();
      throw error;
    }
  }
}

/** Tags of a Cold Archive bucket: its status, and its lock when set. */
export function coldArchiveTags(
  call: S3Call,
  bucket: ContainerRecord,
): Array<{ Key: string; Value: string }> {
  const record = coldArchiveOf(bucket);
  return [
    { Key: 'ovh:intelligent_tiering_status', Value: tieringStatusTag(coldArchiveStatus(record, call.nowMs)) },
    ...(record.lockedUntilMs === null
      ? []
      : [
          {
            Key: 'ovh:intelligent_tiering_archive_lock_until',
            Value: new Date(record.lockedUntilMs).toISOString(),
          },
        ]),
  ];
}

function configurationXml(bucket: ContainerRecord) {
  const tiering = coldArchiveOf(bucket).tiering!;
  return {
    Id: tiering.id,
    Status: 'Enabled',
    Tiering: { Days: tiering.days, AccessTier: tiering.accessTier },
  };
}

const noSuchConfiguration = () =>
  new S3Error(404, 'NoSuchConfiguration', 'The specified configuration does not exist.');

const refusal = (error: unknown) =>
  error instanceof ColdArchiveRefusal ? new S3Error(400, 'BadRequest', error.message) : error;

async function putTiering(call: S3Call, bucket: ContainerRecord, id: string): Promise<ProtocolAnswer> {
  const document = rootElement(
    parseXml(await readSmallBody(checkedBody(call.request.body, call.verified))),
    'IntelligentTieringConfiguration',
  );
  const tierings = (document.Tiering ?? []) as Array<Record<string, unknown>>;
  if (document.Id !== id || document.Status !== 'Enabled' || tierings.length === 0) throw malformedXml();
  if (tierings.length > 1) {
    throw new S3Error(400, 'InvalidArgument', 'Only one access tier is allowed in the configuration');
  }
  const accessTier = String(tierings[0]!.AccessTier ?? '');
  const days = Number(tierings[0]!.Days);
  if (!(ACCESS_TIERS as readonly string[]).includes(accessTier)) {
    throw new S3Error(400, 'InvalidArgument', `Invalid access tier: ${accessTier}`);
  }
  if (!Number.isInteger(days) || days < 1)
    throw new S3Error(400, 'InvalidArgument', 'Days must be a positive integer');
  const record = coldArchiveOf(bucket);
  if (record.tiering && record.tiering.id !== id) {
    throw new S3Error(
      400,
      'InvalidArgument',
      'Only one intelligent-tiering configuration is allowed per bucket',
    );
  }
  const input = {
    name: bucket.name,
    nowMs: call.nowMs,
    delaySeconds: call.ctx.options.restoreDelaySeconds,
    objectsCount: Object.keys(bucket.objects).length,
  };
  try {
    if (accessTier === 'OVH_RESTORE') restore(record, input);
    else archive(record, input, accessTier === 'OVH_ARCHIVE_LOCK' ? checkLockDays(days) : undefined);
  } catch (error) {
    throw refusal(error);
  }
  record.tiering = { id, accessTier, days };
  call.ctx.markDirty();
  return { status: 204 };
}

/** `?intelligent-tiering[&id=…]`: Get, List, Put, Delete. */
export async function intelligentTiering(call: S3Call, bucket: ContainerRecord): Promise<ProtocolAnswer> {
  const id = call.request.query.get('id');
  const method = call.request.method;
  const record = isColdArchiveBucket(call) ? coldArchiveOf(bucket) : undefined;
  if (method === 'GET' && id === null) {
    return xmlAnswer('ListBucketIntelligentTieringConfigurationsOutput', {
      IsTruncated: false,
      ...(record?.tiering && { IntelligentTieringConfiguration: configurationXml(bucket) }),
    });
  }
  if (!id) throw new S3Error(400, 'InvalidArgument', 'Missing required parameter: id');
  if (method !== 'GET') checkAccess(call, bucket, 'admin');
  if (!record) {
    // Intelligent tiering drives Cold Archive only; a standard bucket keeps none.
    if (method === 'GET' || method === 'DELETE') throw noSuchConfiguration();
    throw new S3Error(
      501,
      'NotImplemented',
      'A header you provided implies functionality that is not implemented',
    );
  }
  if (method === 'PUT') return await putTiering(call, bucket, id);
  if (record.tiering?.id !== id) throw noSuchConfiguration();
  if (method === 'GET') return xmlAnswer('IntelligentTieringConfiguration', configurationXml(bucket));
  if (method === 'DELETE') {
    try {
      destroy(record, {
        name: bucket.name,
        nowMs: call.nowMs,
        delaySeconds: call.ctx.options.restoreDelaySeconds,
        objectsCount: Object.keys(bucket.objects).length,
      });
    } catch (error) {
      throw refusal(error);
    }
    call.ctx.markDirty();
    return { status: 204 };
  }
  throw new S3Error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
}
