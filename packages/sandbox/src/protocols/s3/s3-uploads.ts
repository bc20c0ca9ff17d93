/** Streams a checked S3 body into the blob store; the S3 error comes out when bytes do not match. */
import { BlobTooLargeError, type WrittenBlob } from '../../blobs/blob-store.js';
import { S3Error } from './s3-answers.js';
import { type CheckedBody, checkedBody } from './s3-payload.js';
import type { S3Call } from './s3-request.js';

/** 5 GiB: the largest single PUT (and part) S3 takes. */
export const MAX_PUT_BYTES = 5 * 1024 ** 3;

export async function storeBody(call: S3Call): Promise<{ written: WrittenBlob; body: CheckedBody }> {
  const declared = Number(
    call.request.headers['x-amz-decoded-content-length'] ?? call.request.headers['content-length'],
  );
  if (Number.isFinite(declared) && declared > MAX_PUT_BYTES) {
    throw new S3Error(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
  }
  const body = checkedBody(call.request.body, call.verified);
  try {
    const written = await call.ctx.blobs.write(body.stream, MAX_PUT_BYTES, (md5) => body.finish(md5));
    return { written, body };
  } catch (error) {
    if (error instanceof BlobTooLargeError) {
      throw new S3Error(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
    }
    throw error;
  }
}

/** Metadata an S3 PUT or CreateMultipartUpload keeps with the object. */
export function objectHeadersOf(call: S3Call): {
  contentType: string;
  meta: Record<string, string>;
  headers: Record<string, string>;
} {
  const meta: Record<string, string> = {};
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(call.request.headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(',') : value;
    if (name.startsWith('x-amz-meta-')) meta[name.slice('x-amz-meta-'.length)] = text;
    else if (['content-disposition', 'cache-control', 'expires', 'content-language'].includes(name))
      headers[name] = text;
    else if (name === 'content-encoding') {
      const kept = text
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part && part !== 'aws-chunked');
      if (kept.length) headers[name] = kept.join(',');
    }
  }
  return { contentType: String(call.request.headers['content-type'] ?? ''), meta, headers };
}
