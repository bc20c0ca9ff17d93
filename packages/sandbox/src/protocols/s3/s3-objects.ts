/**
 * Object operations: PUT (and CopyObject), GET (Range → 206), HEAD, DELETE, RestoreObject, object
 * ACL and tagging reads, and the multipart verbs on a key. DEEP_ARCHIVE objects answer
 * InvalidObjectState to a GET until restored.
 */
import {
  MAX_RESTORE_DAYS,
  RestoreRefusal,
  requestRestore,
} from '../../domain/object-storage/deep-archive-restore.js';
import { deleteObject } from '../../domain/object-storage/delete-objects.js';
import { newObject } from '../../domain/object-storage/new-object.js';
import { ensureEtag } from '../../domain/object-storage/object-etag.js';
import { putObject, removeObject } from '../../domain/object-storage/object-listing.js';
import type { ContainerRecord, ObjectRecord } from '../../domain/object-storage/object-storage-state.js';
import type { ProtocolAnswer } from '../protocol-types.js';
import { invalidArgument, malformedXml, noSuchKey, S3Error, xmlAnswer } from './s3-answers.js';
import { checkAccess, settleBucket } from './s3-cold-archive.js';
import { abortUpload, completeUpload, createUpload, listParts, uploadPart } from './s3-multipart.js';
import { checkedBody, readSmallBody } from './s3-payload.js';
import { findBucket, header, httpDate, isoDate, ownerOf, type S3Call } from './s3-request.js';
import {
  invalidObjectState,
  readable,
  readStorageClass,
  restoreHeader,
  storageClassOf,
} from './s3-storage-classes.js';
import { objectHeadersOf, storeBody } from './s3-uploads.js';
import { parseXml, rootElement } from './s3-xml-input.js';

function findObject(bucket: ContainerRecord, key: string): ObjectRecord {
  const object = Object.hasOwn(bucket.objects, key) ? bucket.objects[key] : undefined;
  if (!object) throw noSuchKey(key);
  return object;
}

async function objectHeaders(call: S3Call, object: ObjectRecord): Promise<Record<string, string | number>> {
  const etag = await ensureEtag(object, call.ctx.markDirty);
  const restore = restoreHeader(object, call.nowMs);
  const storageClass = storageClassOf(object);
  return {
    ETag: `"${etag}"`,
    'Last-Modified': httpDate(object.lastModifiedMs),
    'Content-Type': object.contentType,
    'Accept-Ranges': 'bytes',
    ...(storageClass !== 'STANDARD' && { 'x-amz-storage-class': storageClass }),
    ...(restore && { 'x-amz-restore': restore }),
    ...object.headers,
    ...Object.fromEntries(Object.entries(object.meta).map(([name, value]) => [`x-amz-meta-${name}`, value])),
  };
}

/** `bytes=a-b`, `bytes=a-`, `bytes=-n`; undefined for no (or an ignorable) Range. */
function parseRange(value: string | undefined, size: number): { start: number; end: number } | undefined {
  const match = value ? /^bytes=(\d*)-(\d*)$/.exec(value.trim()) : null;
  if (!match || (!match[1] && !match[2])) return undefined;
  let start: number;
  let end: number;
  if (!match[1]) {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
  }
  if (start >= size || start > end || (match[2] && !match[1] && Number(match[2]) === 0)) {
    throw new S3Error(416, 'InvalidRange', 'The requested range is not satisfiable', {
      RangeRequested: value ?? '',
      ActualObjectSize: String(size),
    });
  }
  return { start, end };
}

async function getObject(call: S3Call, bucket: ContainerRecord, key: string): Promise<ProtocolAnswer> {
  const object = findObject(bucket, key);
  const headers = await objectHeaders(call, object);
  if (call.request.method === 'HEAD') {
    return { status: 200, headers: { ...headers, 'Content-Length': object.bytes } };
  }
  if (!readable(object, call.nowMs)) throw invalidObjectState(object);
  const range = parseRange(header(call, 'range'), object.bytes);
  if (!range) {
    return {
      status: 200,
      headers: { ...headers, 'Content-Length': object.bytes },
      body: call.ctx.blobs.read(object.blob, object.bytes),
    };
  }
  return {
    status: 206,
    headers: {
      ...headers,
      'Content-Length': range.end - range.start + 1,
      'Content-Range': `bytes ${range.start}-${range.end}/${object.bytes}`,
    },
    body: call.ctx.blobs.read(object.blob, object.bytes, range.start, range.end),
  };
}

async function putNewObject(call: S3Call, bucket: ContainerRecord, key: string): Promise<ProtocolAnswer> {
  const storageClass = readStorageClass(call.request.headers['x-amz-storage-class']);
  const { contentType, meta, headers } = objectHeadersOf(call);
  const { written, body } = await storeBody(call);
  const object = newObject({
    key,
    bytes: written.bytes,
    etag: written.md5,
    blob: written.ref,
    nowMs: call.ctx.clock.nowMs(),
    contentType,
    meta,
    headers,
  });
  if (storageClass !== 'STANDARD') object.storageClass = storageClass;
  const replaced = removeObject(bucket, key);
  putObject(bucket, object);
  if (replaced) await call.ctx.blobs.remove(replaced.blob);
  call.ctx.markDirty();
  const checksum = body.checksum();
  return {
    status: 200,
    headers: { ETag: `"${written.md5}"`, ...(checksum && { [checksum.name]: checksum.value }) },
  };
}

/** `x-amz-copy-source: [/]bucket/key` (percent-encoded), from a bucket of the same region. */
async function copyObject(
  call: S3Call,
  bucket: ContainerRecord,
  key: string,
  source: string,
): Promise<ProtocolAnswer> {
  const decoded = decodeURIComponent(source.split('?')[0]!).replace(/^\//, '');
  const slash = decoded.indexOf('/');
  if (slash <= 0)
    throw invalidArgument(
      'Copy Source must mention the source bucket and key: sourcebucket/sourcekey',
      'x-amz-copy-source',
      source,
    );
  const sourceBucket = findBucket(call, decoded.slice(0, slash));
  const from = findObject(sourceBucket, decoded.slice(slash + 1));
  checkAccess(call, sourceBucket, 'read', from.key);
  if (!readable(from, call.nowMs)) throw invalidObjectState(from);
  const replace = header(call, 'x-amz-metadata-directive') === 'REPLACE';
  const storageClass = call.request.headers['x-amz-storage-class']
    ? readStorageClass(call.request.headers['x-amz-storage-class'])
    : storageClassOf(from);
  call.request.body.resume();
  const etag = await ensureEtag(from, call.ctx.markDirty);
  // A stored file is copied (each object owns its file); generated and empty bytes are shared.
  const blob =
    from.blob.kind === 'file'
      ? (await call.ctx.blobs.write(call.ctx.blobs.read(from.blob, from.bytes), Number.MAX_SAFE_INTEGER)).ref
      : from.blob;
  const fresh = replace
    ? objectHeadersOf(call)
    : { contentType: from.contentType, meta: from.meta, headers: from.headers };
  const object = newObject({ key, bytes: from.bytes, etag, blob, nowMs: call.ctx.clock.nowMs(), ...fresh });
  if (storageClass !== 'STANDARD') object.storageClass = storageClass;
  const replaced = removeObject(bucket, key);
  putObject(bucket, object);
  if (replaced && replaced.blob !== blob) await call.ctx.blobs.remove(replaced.blob);
  call.ctx.markDirty();
  return xmlAnswer('CopyObjectResult', { LastModified: isoDate(object.lastModifiedMs), ETag: `"${etag}"` });
}

/** RestoreObject: 202 when a restore starts, 200 when the object is already restored. */
async function restoreObject(call: S3Call, bucket: ContainerRecord, key: string): Promise<ProtocolAnswer> {
  const object = findObject(bucket, key);
  const document = rootElement(
    parseXml(await readSmallBody(checkedBody(call.request.body, call.verified))),
    'RestoreRequest',
  );
  // GlacierJobParameters (the tier rclone and aws-cli send) is not supported by OVH: it has no effect.
  const days = Number(document.Days);
  if (!/^\d+$/.test(String(document.Days ?? '')) || days < 1 || days > MAX_RESTORE_DAYS) throw malformedXml();
  try {
    const outcome = requestRestore(object, {
      nowMs: call.nowMs,
      delaySeconds: call.ctx.options.restoreDelaySeconds,
      days,
    });
    call.ctx.markDirty();
    return { status: outcome === 'started' ? 202 : 200 };
  } catch (error) {
    if (!(error instanceof RestoreRefusal)) throw error;
    if (error.reason === 'in-progress') throw new S3Error(409, 'RestoreAlreadyInProgress', error.message);
    throw new S3Error(403, 'InvalidObjectState', error.message, { StorageClass: storageClassOf(object) });
  }
}

export async function objectOperation(
  call: S3Call,
  bucketName: string,
  key: string,
): Promise<ProtocolAnswer> {
  const bucket = findBucket(call, bucketName);
  await settleBucket(call, bucket);
  const { method, query } = call.request;
  const reads = method === 'GET' && !['uploadId', 'acl', 'tagging'].some((name) => query.has(name));
  if (method === 'GET' || method === 'HEAD') {
    if (reads) findObject(bucket, key);
    checkAccess(call, bucket, reads ? 'read' : 'list', key);
  } else if (!query.has('restore')) {
    checkAccess(call, bucket, 'write', key);
  }
  switch (method) {
    case 'GET':
    case 'HEAD':
      if (query.has('uploadId')) return listParts(call, bucket, key);
      if (query.has('acl')) {
        findObject(bucket, key);
        return xmlAnswer('AccessControlPolicy', {
          Owner: ownerOf(call),
          AccessControlList: { Grant: { Grantee: ownerOf(call), Permission: 'FULL_CONTROL' } },
        });
      }
      if (query.has('tagging')) {
        findObject(bucket, key);
        return xmlAnswer('Tagging', { TagSet: '' });
      }
      return await getObject(call, bucket, key);
    case 'PUT': {
      if (query.has('uploadId')) return await uploadPart(call, bucket, key);
      const source = header(call, 'x-amz-copy-source');
      if (source) return await copyObject(call, bucket, key, source);
      return await putNewObject(call, bucket, key);
    }
    case 'DELETE':
      if (query.has('uploadId')) return await abortUpload(call, bucket, key);
      if (await deleteObject(call.ctx.blobs, bucket, key)) call.ctx.markDirty();
      return { status: 204 };
    case 'POST':
      if (query.has('uploads')) return createUpload(call, bucket, key);
      if (query.has('uploadId')) return await completeUpload(call, bucket, key);
      if (query.has('restore')) return await restoreObject(call, bucket, key);
      break;
  }
  throw new S3Error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
}
