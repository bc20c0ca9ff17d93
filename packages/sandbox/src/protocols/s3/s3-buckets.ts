/**
 * Service and bucket operations: ListBuckets, bucket PUT/HEAD/DELETE, listings, DeleteObjects,
 * ListMultipartUploads, and the side requests S3 clients make (location, policy, CORS, ACL,
 * versioning, tagging…) answered as S3 answers a bucket that has none of them.
 */
import { deleteObject } from '../../domain/object-storage/delete-objects.js';
import { compareKeys } from '../../domain/object-storage/object-listing.js';
import type { ContainerRecord } from '../../domain/object-storage/object-storage-state.js';
import { s3SigningRegion } from '../../domain/public-cloud/region-catalog.js';
import { coldArchiveOf, newBucket } from '../../domain/public-cloud/s3-buckets-state.js';
import type { ProtocolAnswer } from '../protocol-types.js';
import { malformedXml, S3Error, xmlAnswer } from './s3-answers.js';
import {
  checkAccess,
  coldArchiveTags,
  intelligentTiering,
  isColdArchiveBucket,
  settleBucket,
} from './s3-cold-archive.js';
import { listBucket } from './s3-listing.js';
import { checkedBody, readSmallBody } from './s3-payload.js';
import { findBucket, header, isoDate, ownerOf, type S3Call } from './s3-request.js';
import { parseXml, rootElement } from './s3-xml-input.js';

export function listBuckets(call: S3Call): ProtocolAnswer {
  const buckets = Object.values(call.account.containers).sort((a, b) => compareKeys(a.name, b.name));
  return xmlAnswer('ListAllMyBucketsResult', {
    Owner: ownerOf(call),
    Buckets: buckets.length
      ? { Bucket: buckets.map((b) => ({ Name: b.name, CreationDate: isoDate(b.createdMs) })) }
      : '',
  });
}

/** S3's naming rules: 3–63 of a-z 0-9 . -, starting and ending with a letter or digit. */
function bucketNameProblem(name: string): boolean {
  return (
    !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) ||
    name.includes('..') ||
    /^\d+\.\d+\.\d+\.\d+$/.test(name)
  );
}

/** Answers for configuration a bucket never has here: [status, code, message]. */
const ABSENT_CONFIGURATION: Record<string, [number, string, string]> = {
  policy: [404, 'NoSuchBucketPolicy', 'The bucket policy does not exist'],
  cors: [404, 'NoSuchCORSConfiguration', 'The CORS configuration does not exist'],
  tagging: [404, 'NoSuchTagSet', 'The TagSet does not exist'],
  lifecycle: [404, 'NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist'],
  website: [404, 'NoSuchWebsiteConfiguration', 'The specified bucket does not have a website configuration'],
  encryption: [
    404,
    'ServerSideEncryptionConfigurationNotFoundError',
    'The server side encryption configuration was not found',
  ],
  'object-lock': [
    404,
    'ObjectLockConfigurationNotFoundError',
    'Object Lock configuration does not exist for this bucket',
  ],
  replication: [404, 'ReplicationConfigurationNotFoundError', 'The replication configuration was not found'],
  ownershipControls: [404, 'OwnershipControlsNotFoundError', 'The bucket ownership controls were not found'],
  publicAccessBlock: [
    404,
    'NoSuchPublicAccessBlockConfiguration',
    'The public access block configuration was not found',
  ],
};

/** Configuration every bucket answers with its default document: [root element, content]. */
const DEFAULT_CONFIGURATION: Record<string, [string, object]> = {
  accelerate: ['AccelerateConfiguration', {}],
  requestPayment: ['RequestPaymentConfiguration', { Payer: 'BucketOwner' }],
  logging: ['BucketLoggingStatus', {}],
  notification: ['NotificationConfiguration', {}],
};

function fullControlAcl(call: S3Call): ProtocolAnswer {
  const owner = ownerOf(call);
  return xmlAnswer('AccessControlPolicy', {
    Owner: owner,
    AccessControlList: {
      Grant: {
        Grantee: {
          '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
          '@_xsi:type': 'CanonicalUser',
          ...owner,
        },
        Permission: 'FULL_CONTROL',
      },
    },
  });
}

/** GET on a bucket subresource, or undefined when the query names none. */
function bucketSubresource(call: S3Call, bucket: ContainerRecord): ProtocolAnswer | undefined {
  const query = call.request.query;
  if (query.has('location')) {
    return xmlAnswer('LocationConstraint', { '#text': s3SigningRegion(call.region) });
  }
  if (query.has('acl')) return fullControlAcl(call);
  if (query.has('versioning')) return xmlAnswer('VersioningConfiguration', {});
  if (query.has('uploads')) return listUploads(call, bucket);
  if (query.has('tagging') && isColdArchiveBucket(call)) {
    return xmlAnswer('Tagging', { TagSet: { Tag: coldArchiveTags(call, bucket) } });
  }
  for (const [name, [root, content]] of Object.entries(DEFAULT_CONFIGURATION)) {
    if (query.has(name)) return xmlAnswer(root, content);
  }
  for (const [name, [status, code, message]] of Object.entries(ABSENT_CONFIGURATION)) {
    if (query.has(name)) throw new S3Error(status, code, message, { BucketName: bucket.name });
  }
  return undefined;
}

function listUploads(call: S3Call, bucket: ContainerRecord): ProtocolAnswer {
  const prefix = call.request.query.get('prefix') ?? '';
  const uploads = Object.values(bucket.uploads ?? {})
    .filter((upload) => upload.key.startsWith(prefix))
    .sort((a, b) => compareKeys(a.key, b.key) || a.initiatedMs - b.initiatedMs);
  const owner = ownerOf(call);
  return xmlAnswer('ListMultipartUploadsResult', {
    Bucket: bucket.name,
    KeyMarker: '',
    UploadIdMarker: '',
    Prefix: prefix,
    MaxUploads: 1000,
    IsTruncated: false,
    ...(uploads.length > 0 && {
      Upload: uploads.map((upload) => ({
        Key: upload.key,
        UploadId: upload.uploadId,
        Initiator: owner,
        Owner: owner,
        StorageClass: upload.storageClass,
        Initiated: isoDate(upload.initiatedMs),
      })),
    }),
  });
}

async function deleteObjects(call: S3Call, bucket: ContainerRecord): Promise<ProtocolAnswer> {
  const hasChecksum = Object.keys(call.request.headers).some((name) => name.startsWith('x-amz-checksum-'));
  if (!header(call, 'content-md5') && !hasChecksum) {
    throw new S3Error(400, 'InvalidRequest', 'Missing required header for this request: Content-MD5');
  }
  const document = rootElement(
    parseXml(await readSmallBody(checkedBody(call.request.body, call.verified))),
    'Delete',
  );
  const objects = (document.Object ?? []) as Array<Record<string, unknown>>;
  if (objects.length === 0 || objects.length > 1000) throw malformedXml();
  const quiet = document.Quiet === 'true';
  const deleted: Array<{ Key: string }> = [];
  for (const object of objects) {
    if (typeof object.Key !== 'string') throw malformedXml();
    await deleteObject(call.ctx.blobs, bucket, object.Key);
    deleted.push({ Key: object.Key });
  }
  call.ctx.markDirty();
  return xmlAnswer('DeleteResult', quiet ? {} : { Deleted: deleted });
}

export async function bucketOperation(call: S3Call, name: string): Promise<ProtocolAnswer> {
  const { method, query } = call.request;
  if (method === 'PUT' && [...query.keys()].length === 0) {
    if (bucketNameProblem(name)) {
      throw new S3Error(400, 'InvalidBucketName', 'The specified bucket is not valid.', { BucketName: name });
    }
    if (Object.hasOwn(call.account.containers, name)) {
      throw new S3Error(
        409,
        'BucketAlreadyOwnedByYou',
        'Your previous request to create the named bucket succeeded and you already own it.',
        {
          BucketName: name,
        },
      );
    }
    // The body (CreateBucketConfiguration) only names a location; this listener is the location.
    call.request.body.resume();
    const bucket = newBucket(name, call.nowMs);
    bucket.settings = { ownerId: call.user?.id ?? null, encryption: 'plaintext', tags: {} };
    if (isColdArchiveBucket(call)) coldArchiveOf(bucket);
    call.account.containers[name] = bucket;
    call.ctx.markDirty();
    return { status: 200, headers: { Location: `/${name}`, 'Content-Length': 0 } };
  }
  const bucket = findBucket(call, name);
  await settleBucket(call, bucket);
  if (query.has('intelligent-tiering')) return await intelligentTiering(call, bucket);
  checkAccess(call, bucket, method === 'POST' ? 'write' : method === 'DELETE' ? 'remove' : 'list');
  switch (method) {
    case 'HEAD':
      return {
        status: 200,
        headers: { 'x-amz-bucket-region': s3SigningRegion(call.region), 'Content-Length': 0 },
      };
    case 'GET':
      return bucketSubresource(call, bucket) ?? (await listBucket(call, bucket));
    case 'DELETE':
      if (query.size > 0) return { status: 204 };
      if (Object.keys(bucket.objects).length > 0 || Object.keys(bucket.uploads ?? {}).length > 0) {
        throw new S3Error(409, 'BucketNotEmpty', 'The bucket you tried to delete is not empty', {
          BucketName: name,
        });
      }
      delete call.account.containers[name];
      call.ctx.markDirty();
      return { status: 204 };
    case 'POST':
      if (query.has('delete')) return await deleteObjects(call, bucket);
      break;
    case 'PUT':
      // Configuration writes (policy, CORS, tagging…) are not kept by the sandbox.
      throw new S3Error(
        501,
        'NotImplemented',
        'A header you provided implies functionality that is not implemented',
      );
  }
  throw new S3Error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
}
