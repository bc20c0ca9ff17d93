import { stat } from 'node:fs/promises';
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  type HeadObjectCommandOutput,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  type Part,
  PutObjectCommand,
  type S3Client,
  type StorageClass,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { Md5Tap, md5OfFileRange, readFileRange } from './file-range.js';
import { multipartEtag, parseEtag, unquoteEtag } from './s3-etag.js';
import {
  choosePartBytes,
  type PartRange,
  planParts,
  S3_MAX_PART_BYTES,
  S3_MIN_PART_BYTES,
} from './s3-part-plan.js';
import { forEachBounded, type RetryOptions, s3CodeOf, s3StatusOf, withRetries } from './s3-retry.js';

/**
 * One file into one S3 object, streamed (bounded memory: a few 256 KiB chunks per part in flight).
 * Files up to one part go in one PUT; larger ones in a multipart upload that a re-run resumes:
 * it finds its upload (ListMultipartUploads), keeps each part already there whose size and ETag
 * match the file's bytes (ListParts), sends the rest, and completes once.
 */

/** Object metadata the upload writes: the part size, so a download can check a multipart ETag. */
export const PART_BYTES_METADATA = 'ovh-pca-part-bytes';

export interface S3UploadProgress {
  key: string;
  /** Bytes known to be on the server (parts kept from an earlier run included). */
  bytesDone: number;
  bytesTotal: number;
  partsDone: number;
  partsTotal: number;
}

export interface S3UploadFileOptions extends RetryOptions {
  client: S3Client;
  bucket: string;
  key: string;
  path: string;
  /** S3 storage class; default STANDARD (sent as no header). */
  storageClass?: string;
  contentType?: string;
  /** Preferred part size (default 16 MiB), raised to fit 10,000 parts. */
  partBytes?: number;
  /** Files larger than this go multipart (default: the part size). */
  multipartThresholdBytes?: number;
  /** Parts in flight (default 4). */
  concurrency?: number;
  onProgress?: (progress: S3UploadProgress) => void;
}

export interface S3UploadResult {
  key: string;
  bytes: number;
  /** The object's ETag, unquoted: the MD5, or `md5-of-md5s-N` for a multipart upload. */
  etag: string;
  storageClass: string;
  multipart: boolean;
  parts: number;
  /** Parts found on the server from an interrupted run and not sent again. */
  partsReused: number;
  /** The object was already there with these bytes: nothing was sent. */
  unchanged: boolean;
  /** What was checked: each PUT's ETag against the MD5 of the bytes sent. */
  verified: 'md5' | 'multipart-etag';
}

export class UploadIntegrityError extends Error {
  override readonly name = 'UploadIntegrityError';
}

class PartMismatchError extends Error {
  override readonly name = 'BadDigest';
}

const classOf = (storageClass: string | undefined): string => storageClass ?? 'STANDARD';

export async function uploadFileToS3(options: S3UploadFileOptions): Promise<S3UploadResult> {
  const { client, bucket, key, signal } = options;
  const info = await stat(options.path);
  if (!info.isFile()) throw new Error(`not a regular file: ${options.path}`);
  const size = info.size;
  const storageClass = classOf(options.storageClass);
  const partBytes = choosePartBytes(size, options.partBytes);
  const threshold = Math.min(options.multipartThresholdBytes ?? partBytes, S3_MAX_PART_BYTES);
  const retry = { attempts: options.attempts, baseDelayMs: options.baseDelayMs, signal };

  const existing = await headObject(client, bucket, key, retry);
  if (existing && existing.ContentLength === size && classOf(existing.StorageClass) === storageClass) {
    const same = await sameBytes(options.path, size, existing, partBytes, signal);
    if (same) {
      options.onProgress?.({ key, bytesDone: size, bytesTotal: size, partsDone: 1, partsTotal: 1 });
      return {
        key,
        bytes: size,
        etag: unquoteEtag(existing.ETag),
        storageClass,
        multipart: same.multipart,
        parts: same.parts,
        partsReused: 0,
        unchanged: true,
        verified: same.multipart ? 'multipart-etag' : 'md5',
      };
    }
  }
  return size <= threshold
    ? await putWhole(options, size, storageClass, retry)
    : await putMultipart(options, size, storageClass, partBytes, retry);
}

async function headObject(
  client: S3Client,
  bucket: string,
  key: string,
  retry: RetryOptions,
): Promise<HeadObjectCommandOutput | undefined> {
  try {
    return await withRetries(
      () => client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: retry.signal }),
      retry,
    );
  } catch (error) {
    if (s3StatusOf(error) === 404) return undefined;
    throw error;
  }
}

/** Whether the object holds exactly the file's bytes, judged by its ETag (the file is read, not sent). */
async function sameBytes(
  path: string,
  size: number,
  head: HeadObjectCommandOutput,
  plannedPartBytes: number,
  signal?: AbortSignal,
): Promise<{ multipart: boolean; parts: number } | null> {
  const etag = parseEtag(head.ETag);
  if (!etag) return null;
  if (etag.parts === null) {
    return (await md5OfFileRange(path, 0, size, signal)) === etag.hex ? { multipart: false, parts: 1 } : null;
  }
  const recorded = Number(head.Metadata?.[PART_BYTES_METADATA]);
  const partBytes =
    Number.isSafeInteger(recorded) && recorded >= S3_MIN_PART_BYTES ? recorded : plannedPartBytes;
  const { parts } = planParts(size, partBytes);
  if (parts.length !== etag.parts) return null;
  const md5s: string[] = [];
  for (const part of parts) md5s.push(await md5OfFileRange(path, part.start, part.end, signal));
  return multipartEtag(md5s) === `${etag.hex}-${etag.parts}`
    ? { multipart: true, parts: parts.length }
    : null;
}

/** One PUT with Content-MD5; a PUT whose answer was lost is checked with a HEAD before another. */
async function putWhole(
  options: S3UploadFileOptions,
  size: number,
  storageClass: string,
  retry: RetryOptions,
): Promise<S3UploadResult> {
  const { client, bucket, key, path, signal } = options;
  const md5 = await md5OfFileRange(path, 0, size, signal);
  const result = (etag: string): S3UploadResult => ({
    key,
    bytes: size,
    etag,
    storageClass,
    multipart: false,
    parts: 1,
    partsReused: 0,
    unchanged: false,
    verified: 'md5',
  });
  await withRetries(async (attempt) => {
    if (attempt > 0) {
      const head = await headObject(client, bucket, key, retry);
      if (head?.ContentLength === size && unquoteEtag(head.ETag) === md5) return;
    }
    const answer = await client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: readFileRange(path, 0, size, signal),
        ContentLength: size,
        ContentMD5: Buffer.from(md5, 'hex').toString('base64'),
        ...(options.contentType && { ContentType: options.contentType }),
        ...(storageClass !== 'STANDARD' && { StorageClass: storageClass as StorageClass }),
      }),
      { abortSignal: signal },
    );
    if (unquoteEtag(answer.ETag) !== md5)
      throw new PartMismatchError(`ETag ${answer.ETag} is not the MD5 ${md5}`);
  }, retry);
  options.onProgress?.({ key, bytesDone: size, bytesTotal: size, partsDone: 1, partsTotal: 1 });
  return result(md5);
}

interface UploadHandle {
  uploadId: string;
  /** Parts already on the server, by number. */
  parts: Map<number, { etag: string; size: number }>;
}

/** The newest unfinished upload of this key and storage class, with its parts; else a new one. */
async function openUpload(
  options: S3UploadFileOptions,
  storageClass: string,
  partBytes: number,
  retry: RetryOptions,
): Promise<UploadHandle> {
  const { client, bucket, key, signal } = options;
  let newest: { uploadId: string; initiated: number } | undefined;
  let keyMarker: string | undefined;
  let uploadIdMarker: string | undefined;
  do {
    const page = await withRetries(
      () =>
        client.send(
          new ListMultipartUploadsCommand({
            Bucket: bucket,
            Prefix: key,
            ...(keyMarker && { KeyMarker: keyMarker }),
            ...(uploadIdMarker && { UploadIdMarker: uploadIdMarker }),
          }),
          { abortSignal: signal },
        ),
      retry,
    );
    for (const upload of page.Uploads ?? []) {
      if (upload.Key !== key || !upload.UploadId || classOf(upload.StorageClass) !== storageClass) continue;
      const initiated = upload.Initiated?.getTime() ?? 0;
      if (!newest || initiated > newest.initiated) newest = { uploadId: upload.UploadId, initiated };
    }
    keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
    uploadIdMarker = page.IsTruncated ? page.NextUploadIdMarker : undefined;
  } while (keyMarker);

  if (newest) {
    const parts = await listParts(client, bucket, key, newest.uploadId, retry);
    if (parts) return { uploadId: newest.uploadId, parts };
  }
  const created = await withRetries(
    () =>
      client.send(
        new CreateMultipartUploadCommand({
          Bucket: bucket,
          Key: key,
          Metadata: { [PART_BYTES_METADATA]: String(partBytes) },
          ...(options.contentType && { ContentType: options.contentType }),
          ...(storageClass !== 'STANDARD' && { StorageClass: storageClass as StorageClass }),
        }),
        { abortSignal: signal },
      ),
    retry,
  );
  if (!created.UploadId) throw new Error('CreateMultipartUpload answered no UploadId');
  return { uploadId: created.UploadId, parts: new Map() };
}

/** Every part of an upload, or null when the upload is gone (completed or aborted). */
async function listParts(
  client: S3Client,
  bucket: string,
  key: string,
  uploadId: string,
  retry: RetryOptions,
): Promise<Map<number, { etag: string; size: number }> | null> {
  const parts = new Map<number, { etag: string; size: number }>();
  let marker: string | undefined;
  try {
    do {
      const page = await withRetries(
        () =>
          client.send(
            new ListPartsCommand({
              Bucket: bucket,
              Key: key,
              UploadId: uploadId,
              ...(marker && { PartNumberMarker: marker }),
            }),
            { abortSignal: retry.signal },
          ),
        retry,
      );
      for (const part of page.Parts ?? []) {
        if (part.PartNumber)
          parts.set(part.PartNumber, { etag: unquoteEtag(part.ETag), size: part.Size ?? -1 });
      }
      marker = page.IsTruncated ? page.NextPartNumberMarker : undefined;
    } while (marker);
  } catch (error) {
    if (s3CodeOf(error) === 'NoSuchUpload' || s3StatusOf(error) === 404) return null;
    throw error;
  }
  return parts;
}

/** Part size of a resumed upload: its first part's, when that is a full part (not the last). */
function resumedPartBytes(handle: UploadHandle, size: number, planned: number): number {
  const first = handle.parts.get(1)?.size;
  if (!first || first < S3_MIN_PART_BYTES || first >= size || first === planned) return planned;
  return Math.ceil(size / first) <= 10_000 ? first : planned;
}

async function putMultipart(
  options: S3UploadFileOptions,
  size: number,
  storageClass: string,
  plannedPartBytes: number,
  retry: RetryOptions,
): Promise<S3UploadResult> {
  const { client, bucket, key, path, signal } = options;
  const handle = await openUpload(options, storageClass, plannedPartBytes, retry);
  const { parts } = planParts(size, resumedPartBytes(handle, size, plannedPartBytes));
  const md5s = new Map<number, string>();
  const inFlight = new Map<number, number>();
  let bytesKept = 0;
  const progress = () =>
    options.onProgress?.({
      key,
      bytesDone: bytesKept + [...inFlight.values()].reduce((sum, bytes) => sum + bytes, 0),
      bytesTotal: size,
      partsDone: md5s.size,
      partsTotal: parts.length,
    });

  // Parts an earlier run finished: kept when their size and ETag match the file's bytes.
  let partsReused = 0;
  const pending: PartRange[] = [];
  await forEachBounded(parts, options.concurrency ?? 4, async (part) => {
    const there = handle.parts.get(part.number);
    if (there && there.size === part.end - part.start) {
      const md5 = await md5OfFileRange(path, part.start, part.end, signal);
      if (md5 === there.etag) {
        md5s.set(part.number, md5);
        bytesKept += part.end - part.start;
        partsReused += 1;
        return;
      }
    }
    pending.push(part);
  });
  progress();

  pending.sort((a, b) => a.number - b.number);
  await forEachBounded(pending, options.concurrency ?? 4, async (part) => {
    const md5 = await withRetries(async () => {
      inFlight.set(part.number, 0);
      const tap = new Md5Tap((count) => {
        inFlight.set(part.number, (inFlight.get(part.number) ?? 0) + count);
        progress();
      });
      const source = readFileRange(path, part.start, part.end, signal);
      source.on('error', (error) => tap.destroy(error));
      try {
        const answer = await client.send(
          new UploadPartCommand({
            Bucket: bucket,
            Key: key,
            UploadId: handle.uploadId,
            PartNumber: part.number,
            Body: source.pipe(tap),
            ContentLength: part.end - part.start,
          }),
          { abortSignal: signal },
        );
        const sent = tap.digest();
        if (tap.bytes !== part.end - part.start || unquoteEtag(answer.ETag) !== sent) {
          throw new PartMismatchError(
            `part ${part.number}: ETag ${answer.ETag} is not the MD5 ${sent} of its bytes`,
          );
        }
        return sent;
      } finally {
        inFlight.delete(part.number);
        source.destroy();
      }
    }, retry);
    md5s.set(part.number, md5);
    bytesKept += part.end - part.start;
    progress();
  });

  const ordered = parts.map((part) => md5s.get(part.number) as string);
  const expected = multipartEtag(ordered);
  await completeOnce(options, handle.uploadId, size, expected, parts, ordered, retry);
  return {
    key,
    bytes: size,
    etag: expected,
    storageClass,
    multipart: true,
    parts: parts.length,
    partsReused,
    unchanged: false,
    verified: 'multipart-etag',
  };
}

/**
 * CompleteMultipartUpload, exactly once in effect: after a failure that may have been a lost
 * answer, a HEAD tells whether the object already stands with the expected ETag; only when it
 * does not (and the upload still exists) is the completion sent again.
 */
async function completeOnce(
  options: S3UploadFileOptions,
  uploadId: string,
  size: number,
  expected: string,
  parts: readonly PartRange[],
  md5s: readonly string[],
  retry: RetryOptions,
): Promise<void> {
  const { client, bucket, key, signal } = options;
  const listed: Part[] = parts.map((part, index) => ({ PartNumber: part.number, ETag: `"${md5s[index]}"` }));
  const completed = async (): Promise<boolean> => {
    const head = await headObject(client, bucket, key, retry);
    return head?.ContentLength === size && unquoteEtag(head.ETag) === expected;
  };
  await withRetries(async (attempt) => {
    if (attempt > 0 && (await completed())) return;
    try {
      const answer = await client.send(
        new CompleteMultipartUploadCommand({
          Bucket: bucket,
          Key: key,
          UploadId: uploadId,
          MultipartUpload: { Parts: listed },
        }),
        { abortSignal: signal },
      );
      if (unquoteEtag(answer.ETag) !== expected) {
        throw new UploadIntegrityError(
          `the completed object's ETag ${answer.ETag} is not the expected ${expected}`,
        );
      }
    } catch (error) {
      // NoSuchUpload after a lost answer: the first completion went through.
      if (s3CodeOf(error) === 'NoSuchUpload' && (await completed())) return;
      throw error;
    }
  }, retry);
  options.onProgress?.({
    key,
    bytesDone: size,
    bytesTotal: size,
    partsDone: parts.length,
    partsTotal: parts.length,
  });
}
