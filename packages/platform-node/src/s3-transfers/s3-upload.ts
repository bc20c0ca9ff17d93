import { Readable, Transform } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
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
import type { UploadSource } from '@ovh-pca/core';
import { forEachBounded } from '../bounded-work.js';
import { multipartEtag, parseEtag, unquoteEtag } from './s3-etag.js';
import {
  choosePartBytes,
  type PartRange,
  planParts,
  S3_MAX_PART_BYTES,
  S3_MAX_PARTS,
  S3_MIN_PART_BYTES,
} from './s3-part-plan.js';
import {
  type RetryOptions,
  RetrySuppressedError,
  s3CodeOf,
  s3StatusOf,
  singleAttempt,
  withRetries,
} from './s3-retry.js';

/**
 * One file into one S3 object, streamed (bounded memory: a few 256 KiB chunks per part in flight).
 * Files up to one part go in one PUT; larger ones in a multipart upload that a re-run resumes:
 * it finds its upload (ListMultipartUploads), keeps each part already there whose size and ETag
 * match the file's bytes (ListParts), sends the rest, and completes once.
 */

/**
 * Object metadata with the MD5 of the whole object (base64), as rclone writes and reads it: a
 * multipart ETag is not an MD5, so this is what a download checks the bytes against.
 */
export const MD5_METADATA = 'md5chksum';

export interface S3UploadProgress {
  key: string;
  /** Bytes known to be on the server (parts kept from an earlier run included). */
  bytesDone: number;
  bytesTotal: number;
  partsDone: number;
  partsTotal: number;
}

export interface S3UploadOptions extends RetryOptions {
  client: S3Client;
  bucket: string;
  source: UploadSource;
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
  /** PUTs of parts (or of the whole object) sent by this run, repeats after a failure included. */
  partsSent: number;
  /** The object was already there with these bytes: nothing was sent. */
  unchanged: boolean;
  /** Hex MD5 of the whole object (the multipart object's `md5chksum`). */
  md5: string;
}

export class UploadIntegrityError extends Error {
  override readonly name = 'UploadIntegrityError';
}

class PartMismatchError extends Error {
  override readonly name = 'BadDigest';
}

const classOf = (storageClass: string | undefined): string => storageClass ?? 'STANDARD';

export async function uploadToS3(options: S3UploadOptions): Promise<S3UploadResult> {
  const { client, bucket, source, signal } = options;
  const { key } = source;
  const size = source.bytes;
  const storageClass = classOf(options.storageClass);
  const partBytes = choosePartBytes(size, options.partBytes);
  const threshold = Math.min(options.multipartThresholdBytes ?? partBytes, S3_MAX_PART_BYTES);
  const retry = { attempts: options.attempts, baseDelayMs: options.baseDelayMs, signal, keys: options.keys };
  // One read of the whole source (as rclone does): the single PUT's Content-MD5, or the multipart
  // object's md5chksum (metadata only CreateMultipartUpload can set), and what tells whether the
  // object is already there. It runs while the HEAD and the search for an upload to resume wait
  // on the network; only what needs the MD5 waits for it.
  const md5Pending = source.md5(0, size, signal);
  md5Pending.catch(() => {});

  const existing = await headObject(client, bucket, key, retry);
  if (existing && existing.ContentLength === size && classOf(existing.StorageClass) === storageClass) {
    const md5 = await md5Pending;
    const same = await sameBytes(source, md5, existing, partBytes, signal);
    if (same) {
      options.onProgress?.({
        key,
        bytesDone: size,
        bytesTotal: size,
        partsDone: same.parts,
        partsTotal: same.parts,
      });
      return {
        key,
        bytes: size,
        etag: unquoteEtag(existing.ETag),
        md5,
        storageClass,
        multipart: same.parts > 1 || parseEtag(existing.ETag)?.parts !== null,
        parts: same.parts,
        partsSent: 0,
        partsReused: 0,
        unchanged: true,
      };
    }
  }
  return size <= threshold
    ? await putWhole(options, await md5Pending, storageClass, retry)
    : await putMultipart(options, md5Pending, storageClass, partBytes, retry);
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

const base64Of = (hex: string) => Buffer.from(hex, 'hex').toString('base64');

/**
 * Whether the object holds exactly these bytes: its ETag is their MD5 (one PUT), its md5chksum is
 * (multipart, written by ovh-pca or rclone), or its multipart ETag is that of these bytes cut in
 * parts of the planned size (the source is read again, nothing is sent).
 */
async function sameBytes(
  source: UploadSource,
  md5: string,
  head: HeadObjectCommandOutput,
  partBytes: number,
  signal?: AbortSignal,
): Promise<{ parts: number } | null> {
  const etag = parseEtag(head.ETag);
  if (!etag) return null;
  if (etag.parts === null) return etag.hex === md5 ? { parts: 1 } : null;
  const recorded = head.Metadata?.[MD5_METADATA];
  if (recorded) return recorded === base64Of(md5) ? { parts: etag.parts } : null;
  const { parts } = planParts(source.bytes, partBytes);
  if (parts.length !== etag.parts) return null;
  const md5s: string[] = [];
  for (const part of parts) md5s.push(await source.md5(part.start, part.end, signal));
  return multipartEtag(md5s) === `${etag.hex}-${etag.parts}` ? { parts: parts.length } : null;
}

/** The body of bytes [start, end) for the SDK, counting bytes as they leave. */
function partBody(
  source: UploadSource,
  start: number,
  end: number,
  onBytes: (count: number) => void,
): { body: Readable; md5: Promise<string> } {
  const part = source.openPart(start, end);
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      onBytes(chunk.length);
      done(null, chunk);
    },
  });
  const readable = Readable.fromWeb(part.body as WebReadableStream<Uint8Array>);
  readable.on('error', (error) => counter.destroy(error));
  part.md5.catch(() => {});
  return { body: readable.pipe(counter), md5: part.md5 };
}

/** One PUT with Content-MD5; a PUT whose answer was lost is checked with a HEAD before another. */
async function putWhole(
  options: S3UploadOptions,
  md5: string,
  storageClass: string,
  retry: RetryOptions,
): Promise<S3UploadResult> {
  const { client, bucket, source, signal } = options;
  const { key, bytes: size } = source;
  let sent = 0;
  await withRetries(async (attempt) => {
    if (attempt > 0) {
      const head = await headObject(client, bucket, key, retry);
      if (head?.ContentLength === size && unquoteEtag(head.ETag) === md5) return;
    }
    let bytesDone = 0;
    const { body } = partBody(source, 0, size, (count) => {
      bytesDone += count;
      options.onProgress?.({ key, bytesDone, bytesTotal: size, partsDone: 0, partsTotal: 1 });
    });
    sent += 1;
    const answer = await client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: body,
        ContentLength: size,
        ContentMD5: base64Of(md5),
        ...(options.contentType && { ContentType: options.contentType }),
        ...(storageClass !== 'STANDARD' && { StorageClass: storageClass as StorageClass }),
      }),
      { abortSignal: signal },
    );
    if (unquoteEtag(answer.ETag) !== md5)
      throw new PartMismatchError(`ETag ${answer.ETag} is not the MD5 ${md5}`);
  }, retry);
  options.onProgress?.({ key, bytesDone: size, bytesTotal: size, partsDone: 1, partsTotal: 1 });
  return {
    key,
    bytes: size,
    etag: md5,
    md5,
    storageClass,
    multipart: false,
    parts: 1,
    partsSent: sent,
    partsReused: 0,
    unchanged: false,
  };
}

interface UploadHandle {
  uploadId: string;
  /** Parts already on the server, by number. */
  parts: Map<number, { etag: string; size: number }>;
}

/** The newest unfinished upload of this key and storage class, with its parts; else a new one. */
async function openUpload(
  options: S3UploadOptions,
  md5: Promise<string>,
  storageClass: string,
  retry: RetryOptions,
): Promise<UploadHandle> {
  const { client, bucket, source, signal } = options;
  const { key } = source;
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
  // A create whose answer was lost leaves an empty upload behind; the next run finds the newest.
  const md5chksum = base64Of(await md5);
  const created = await withRetries(
    () =>
      client.send(
        new CreateMultipartUploadCommand({
          Bucket: bucket,
          Key: key,
          Metadata: { [MD5_METADATA]: md5chksum },
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
  return Math.ceil(size / first) <= S3_MAX_PARTS ? first : planned;
}

async function putMultipart(
  options: S3UploadOptions,
  md5Pending: Promise<string>,
  storageClass: string,
  plannedPartBytes: number,
  retry: RetryOptions,
): Promise<S3UploadResult> {
  const { client, bucket, source, signal } = options;
  const { key, bytes: size } = source;
  const concurrency = options.concurrency ?? 4;
  const handle = await openUpload(options, md5Pending, storageClass, retry);
  const { parts } = planParts(size, resumedPartBytes(handle, size, plannedPartBytes));
  const md5s = new Map<number, string>();
  const inFlight = new Map<number, number>();
  let bytesKept = 0;
  const progress = () => {
    let moving = 0;
    for (const bytes of inFlight.values()) moving += bytes;
    options.onProgress?.({
      key,
      bytesDone: bytesKept + moving,
      bytesTotal: size,
      partsDone: md5s.size,
      partsTotal: parts.length,
    });
  };

  // Parts an earlier run finished: kept when their size and ETag match the source's bytes.
  let partsReused = 0;
  const pending: PartRange[] = [];
  await forEachBounded(parts, concurrency, async (part) => {
    const there = handle.parts.get(part.number);
    if (there && there.size === part.end - part.start) {
      const partMd5 = await source.md5(part.start, part.end, signal);
      if (partMd5 === there.etag) {
        md5s.set(part.number, partMd5);
        bytesKept += part.end - part.start;
        partsReused += 1;
        return;
      }
    }
    pending.push(part);
  });
  progress();

  let partsSent = 0;
  pending.sort((a, b) => a.number - b.number);
  await forEachBounded(pending, concurrency, async (part) => {
    const partMd5 = await withRetries(async () => {
      inFlight.set(part.number, 0);
      const { body, md5: sentMd5 } = partBody(source, part.start, part.end, (count) => {
        inFlight.set(part.number, (inFlight.get(part.number) ?? 0) + count);
        progress();
      });
      try {
        partsSent += 1;
        const answer = await client.send(
          new UploadPartCommand({
            Bucket: bucket,
            Key: key,
            UploadId: handle.uploadId,
            PartNumber: part.number,
            Body: body,
            ContentLength: part.end - part.start,
          }),
          { abortSignal: signal },
        );
        const expected = await sentMd5;
        if (unquoteEtag(answer.ETag) !== expected) {
          throw new PartMismatchError(
            `part ${part.number}: ETag ${answer.ETag} is not the MD5 ${expected} of its bytes`,
          );
        }
        return expected;
      } finally {
        inFlight.delete(part.number);
        body.destroy();
      }
    }, retry);
    md5s.set(part.number, partMd5);
    bytesKept += part.end - part.start;
    progress();
  });

  const ordered = parts.map((part) => md5s.get(part.number) as string);
  const expected = multipartEtag(ordered);
  await completeOnce(options, handle.uploadId, expected, parts, ordered, retry);
  return {
    key,
    bytes: size,
    etag: expected,
    md5: await md5Pending,
    storageClass,
    multipart: true,
    parts: parts.length,
    partsSent,
    partsReused,
    unchanged: false,
  };
}

/**
 * CompleteMultipartUpload, exactly once in effect: after a failure that may have been a lost
 * answer, a HEAD tells whether the object already stands with the expected ETag; only when it
 * does not (and the upload still exists) is the completion sent again.
 */
async function completeOnce(
  options: S3UploadOptions,
  uploadId: string,
  expected: string,
  parts: readonly PartRange[],
  md5s: readonly string[],
  retry: RetryOptions,
): Promise<void> {
  const { client, bucket, source, signal } = options;
  const { key, bytes: size } = source;
  const listed: Part[] = parts.map((part, index) => ({ PartNumber: part.number, ETag: `"${md5s[index]}"` }));
  const completed = async (): Promise<boolean> => {
    const head = await headObject(client, bucket, key, retry);
    return head?.ContentLength === size && unquoteEtag(head.ETag) === expected;
  };
  await withRetries(async (attempt) => {
    if (attempt > 0 && (await completed())) return;
    try {
      const answer = await client.send(
        singleAttempt(
          new CompleteMultipartUploadCommand({
            Bucket: bucket,
            Key: key,
            UploadId: uploadId,
            MultipartUpload: { Parts: listed },
          }),
        ),
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
      throw error instanceof RetrySuppressedError ? error.cause : error;
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
