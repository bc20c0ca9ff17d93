import {
  GetObjectCommand,
  HeadObjectCommand,
  type HeadObjectCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import {
  ArchiveNotFoundError,
  type DownloadSource,
  ObjectChangedError,
  ObjectNotRestoredError,
  parseRestoreHeader,
} from '@ovh-pca/core';
import { parseEtag, unquoteEtag } from './s3-etag.js';
import { withKeyRenewal } from './s3-key-renewal.js';
import { type RetryOptions, s3CodeOf, s3StatusOf, withRetries } from './s3-retry.js';
import { MD5_METADATA } from './s3-upload.js';

/**
 * One S3 object described for a download writer (structurally core's DownloadSource: platform-node's
 * `.part` file writer resumes it with Range reads). What is verified, said in `verification`:
 * - `md5`: the whole body against its MD5: the ETag of an object sent in one PUT, or the
 *   `md5chksum` metadata of a multipart object (written by ovh-pca's and rclone's uploads);
 * - `size`: a multipart object without `md5chksum` (its ETag `md5-of-part-md5s-N` cannot be
 *   checked without the part boundaries): the byte count only.
 * Every range is read under `If-Match` and its answer's ETag compared, so a resumed range of an
 * object replaced meanwhile is refused instead of splicing two versions.
 */

/** Core's DownloadSource, plus the object's storage class. */
export interface S3DownloadSource extends DownloadSource {
  storageClass: string;
}

export interface OpenS3DownloadOptions extends RetryOptions {
  client: S3Client;
  bucket: string;
  key: string;
}

const hexOfBase64 = (text: string): string | null => {
  const bytes = Buffer.from(text, 'base64');
  return bytes.length === 16 ? bytes.toString('hex') : null;
};

function archiveStateOf(head: HeadObjectCommandOutput): 'archived' | 'restoring' | null {
  if (head.StorageClass !== 'DEEP_ARCHIVE') return null;
  const restore = head.Restore ? parseRestoreHeader(head.Restore) : null;
  if (restore?.inProgress) return 'restoring';
  return restore?.expiryDate ? null : 'archived';
}

/** HEAD of the object: its size, ETag and checksum, or a typed refusal when it cannot be read now. */
export async function openS3Download(options: OpenS3DownloadOptions): Promise<S3DownloadSource> {
  const { client, bucket, key } = options;
  const { keys } = options;
  const retry = {
    attempts: options.attempts,
    baseDelayMs: options.baseDelayMs,
    signal: options.signal,
    keys,
  };
  const head = await withRetries(
    () => client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: options.signal }),
    retry,
  );
  const archived = archiveStateOf(head);
  if (archived) throw new ObjectNotRestoredError(key, archived);
  const bytes = head.ContentLength ?? 0;
  const etag = unquoteEtag(head.ETag);
  const parsed = parseEtag(head.ETag);
  const recorded = head.Metadata?.[MD5_METADATA] ? hexOfBase64(head.Metadata[MD5_METADATA]) : null;
  const md5 = parsed && parsed.parts === null ? parsed.hex : recorded;
  return {
    key,
    bytes,
    etag,
    lastModified: head.LastModified?.toISOString() ?? null,
    verification: md5 ? 'md5' : 'size',
    checksums: md5 ? [{ start: 0, end: bytes, md5 }] : [],
    storageClass: head.StorageClass ?? 'STANDARD',
    openRange: async (start, end, signal) => {
      try {
        const answer = await withKeyRenewal(
          () =>
            client.send(
              new GetObjectCommand({
                Bucket: bucket,
                Key: key,
                Range: `bytes=${start}-${end - 1}`,
                IfMatch: `"${etag}"`,
              }),
              { abortSignal: signal },
            ),
          keys,
        );
        if (unquoteEtag(answer.ETag) !== etag) {
          answer.Body?.transformToWebStream().cancel();
          throw new ObjectChangedError(key, `ETag ${answer.ETag}, expected "${etag}"`);
        }
        if (!answer.Body) throw new ObjectChangedError(key, 'no body');
        return answer.Body.transformToWebStream() as ReadableStream<Uint8Array>;
      } catch (error) {
        if (s3StatusOf(error) === 412 || s3CodeOf(error) === 'PreconditionFailed') {
          throw new ObjectChangedError(key, 'If-Match refused');
        }
        if (s3CodeOf(error) === 'InvalidObjectState') throw new ObjectNotRestoredError(key, 'archived');
        if (s3CodeOf(error) === 'NoSuchKey') throw new ArchiveNotFoundError('object', key, [bucket]);
        // Writers judge a failure by its `status` (0: no answer, worth another read).
        throw Object.assign(error as object, { status: s3StatusOf(error) ?? 0 });
      }
    },
  };
}
