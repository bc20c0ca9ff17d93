/**
 * Multipart uploads: create, upload part, list parts, complete (parts joined into one blob, ETag
 * `"md5-of-md5s-N"`), abort. Parts other than the last must be at least 5 MiB, as on S3.
 */
import { createHash, randomBytes } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { newObject } from '../../domain/object-storage/new-object.js';
import { putObject, removeObject } from '../../domain/object-storage/object-listing.js';
import type {
  ContainerRecord,
  MultipartUploadRecord,
} from '../../domain/object-storage/object-storage-state.js';
import type { ProtocolAnswer } from '../protocol-types.js';
import { invalidArgument, malformedXml, S3Error, xmlAnswer } from './s3-answers.js';
import { checkedBody, readSmallBody } from './s3-payload.js';
import { header, isoDate, ownerOf, type S3Call } from './s3-request.js';
import { readStorageClass } from './s3-storage-classes.js';
import { MAX_PUT_BYTES, objectHeadersOf, storeBody } from './s3-uploads.js';
import { parseXml, rootElement } from './s3-xml-input.js';

const MIN_PART_BYTES = 5 * 1024 * 1024;
const MAX_PART_NUMBER = 10_000;

function findUpload(bucket: ContainerRecord, uploadId: string | null, key: string): MultipartUploadRecord {
  const upload =
    uploadId && bucket.uploads && Object.hasOwn(bucket.uploads, uploadId)
      ? bucket.uploads[uploadId]
      : undefined;
  if (!upload || upload.key !== key) {
    throw new S3Error(
      404,
      'NoSuchUpload',
      'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
      {
        UploadId: uploadId ?? '',
      },
    );
  }
  return upload;
}

export function createUpload(call: S3Call, bucket: ContainerRecord, key: string): ProtocolAnswer {
  const uploadId = randomBytes(24).toString('base64url');
  const { contentType, meta } = objectHeadersOf(call);
  bucket.uploads ??= {};
  bucket.uploads[uploadId] = {
    uploadId,
    key,
    initiatedMs: call.nowMs,
    storageClass: readStorageClass(call.request.headers['x-amz-storage-class']),
    contentType,
    meta,
    parts: {},
  };
  call.ctx.markDirty();
  return xmlAnswer('InitiateMultipartUploadResult', { Bucket: bucket.name, Key: key, UploadId: uploadId });
}

export async function uploadPart(
  call: S3Call,
  bucket: ContainerRecord,
  key: string,
): Promise<ProtocolAnswer> {
  const { query } = call.request;
  const upload = findUpload(bucket, query.get('uploadId'), key);
  const partText = query.get('partNumber') ?? '';
  const partNumber = Number(partText);
  if (!/^\d+$/.test(partText) || partNumber < 1 || partNumber > MAX_PART_NUMBER) {
    throw invalidArgument(
      'Part number must be an integer between 1 and 10000, inclusive',
      'partNumber',
      partText,
    );
  }
  const { written, body } = await storeBody(call);
  const previous = upload.parts[partText];
  // An upload aborted or completed while this part streamed: drop the bytes.
  if (bucket.uploads?.[upload.uploadId] !== upload) {
    await call.ctx.blobs.remove(written.ref);
    throw new S3Error(404, 'NoSuchUpload', 'The specified upload does not exist.');
  }
  upload.parts[partText] = {
    etag: written.md5,
    bytes: written.bytes,
    blob: written.ref,
    lastModifiedMs: call.nowMs,
  };
  if (previous) await call.ctx.blobs.remove(previous.blob);
  call.ctx.markDirty();
  const checksum = body.checksum();
  return {
    status: 200,
    headers: { ETag: `"${written.md5}"`, ...(checksum && { [checksum.name]: checksum.value }) },
  };
}

export function listParts(call: S3Call, bucket: ContainerRecord, key: string): ProtocolAnswer {
  const upload = findUpload(bucket, call.request.query.get('uploadId'), key);
  const marker = Number(call.request.query.get('part-number-marker') ?? 0);
  const parts = Object.entries(upload.parts)
    .map(([number, part]) => ({ number: Number(number), part }))
    .filter(({ number }) => number > marker)
    .sort((a, b) => a.number - b.number);
  const owner = ownerOf(call);
  return xmlAnswer('ListPartsResult', {
    Bucket: bucket.name,
    Key: key,
    UploadId: upload.uploadId,
    Initiator: owner,
    Owner: owner,
    StorageClass: upload.storageClass,
    PartNumberMarker: marker,
    NextPartNumberMarker: parts.at(-1)?.number ?? 0,
    MaxParts: 1000,
    IsTruncated: false,
    ...(parts.length > 0 && {
      Part: parts.map(({ number, part }) => ({
        PartNumber: number,
        LastModified: isoDate(part.lastModifiedMs),
        ETag: `"${part.etag}"`,
        Size: part.bytes,
      })),
    }),
  });
}

function concatenated(
  call: S3Call,
  parts: ReadonlyArray<{ blob: MultipartUploadRecord['parts'][string]['blob']; bytes: number }>,
): Readable {
  const out = new PassThrough({ highWaterMark: 256 * 1024 });
  (async () => {
    for (const part of parts) {
      for await (const piece of call.ctx.blobs.read(part.blob, part.bytes)) {
        if (!out.write(piece)) await new Promise((resolve) => out.once('drain', resolve));
      }
    }
    out.end();
  })().catch((error: unknown) => out.destroy(error as Error));
  return out;
}

export async function completeUpload(
  call: S3Call,
  bucket: ContainerRecord,
  key: string,
): Promise<ProtocolAnswer> {
  const upload = findUpload(bucket, call.request.query.get('uploadId'), key);
  const document = rootElement(
    parseXml(await readSmallBody(checkedBody(call.request.body, call.verified))),
    'CompleteMultipartUpload',
  );
  const listed = (document.Part ?? []) as Array<Record<string, unknown>>;
  if (listed.length === 0) throw malformedXml();
  const chosen = listed.map((entry, index) => {
    const number = Number(entry.PartNumber);
    const etag = String(entry.ETag ?? '').replace(/^"|"$/g, '');
    if (index > 0 && number <= Number(listed[index - 1]!.PartNumber)) {
      throw new S3Error(
        400,
        'InvalidPartOrder',
        'The list of parts was not in ascending order. The parts list must be specified in order by part number.',
      );
    }
    const part = upload.parts[String(number)];
    if (!part || part.etag !== etag) {
      throw new S3Error(
        400,
        'InvalidPart',
        "One or more of the specified parts could not be found. The part might not have been uploaded, or the specified entity tag might not have matched the part's entity tag.",
        {
          UploadId: upload.uploadId,
          PartNumber: String(number),
          ETag: etag,
        },
      );
    }
    return part;
  });
  chosen.forEach((part, index) => {
    if (index < chosen.length - 1 && part.bytes < MIN_PART_BYTES) {
      throw new S3Error(
        400,
        'EntityTooSmall',
        'Your proposed upload is smaller than the minimum allowed object size.',
        {
          ProposedSize: String(part.bytes),
          MinSizeAllowed: String(MIN_PART_BYTES),
        },
      );
    }
  });
  const total = chosen.reduce((sum, part) => sum + part.bytes, 0);
  const written = await call.ctx.blobs.write(concatenated(call, chosen), 10_000 * MAX_PUT_BYTES);
  if (written.bytes !== total) {
    await call.ctx.blobs.remove(written.ref);
    throw new S3Error(500, 'InternalError', 'We encountered an internal error. Please try again.');
  }
  const etag = `${createHash('md5')
    .update(Buffer.concat(chosen.map((part) => Buffer.from(part.etag, 'hex'))))
    .digest('hex')}-${chosen.length}`;
  const replaced = removeObject(bucket, key);
  const object = newObject({
    key,
    bytes: total,
    etag,
    blob: written.ref,
    nowMs: call.ctx.clock.nowMs(),
    contentType: upload.contentType,
    meta: upload.meta,
  });
  if (upload.storageClass !== 'STANDARD') object.storageClass = upload.storageClass;
  putObject(bucket, object);
  delete bucket.uploads?.[upload.uploadId];
  for (const part of Object.values(upload.parts)) await call.ctx.blobs.remove(part.blob);
  if (replaced) await call.ctx.blobs.remove(replaced.blob);
  call.ctx.markDirty();
  const host = header(call, 'host') ?? '';
  return xmlAnswer('CompleteMultipartUploadResult', {
    Location: `http://${host}/${bucket.name}/${encodeURI(key)}`,
    Bucket: bucket.name,
    Key: key,
    ETag: `"${etag}"`,
  });
}

export async function abortUpload(
  call: S3Call,
  bucket: ContainerRecord,
  key: string,
): Promise<ProtocolAnswer> {
  const upload = findUpload(bucket, call.request.query.get('uploadId'), key);
  delete bucket.uploads?.[upload.uploadId];
  for (const part of Object.values(upload.parts)) await call.ctx.blobs.remove(part.blob);
  call.ctx.markDirty();
  return { status: 204 };
}
