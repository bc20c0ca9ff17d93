import { createHash } from 'node:crypto';

// S3 ETags: a single PUT's ETag is the MD5 of its bytes; a multipart upload's is
// `md5(concat(binary md5 of each part))-N`, which is not the MD5 of the object.

export function unquoteEtag(etag: string | undefined): string {
  return (etag ?? '').replace(/^W\//, '').replace(/^"|"$/g, '').toLowerCase();
}

export interface ParsedEtag {
  hex: string;
  /** The number of parts of a multipart upload; null for a single PUT. */
  parts: number | null;
}

export function parseEtag(etag: string | undefined): ParsedEtag | null {
  const match = /^([0-9a-f]{32})(?:-(\d+))?$/.exec(unquoteEtag(etag));
  if (!match) return null;
  return { hex: match[1]!, parts: match[2] === undefined ? null : Number(match[2]) };
}

/** The ETag S3 gives a multipart upload completed from parts with these MD5s (hex), in order. */
export function multipartEtag(partMd5s: readonly string[]): string {
  const joined = Buffer.concat(partMd5s.map((md5) => Buffer.from(md5, 'hex')));
  return `${createHash('md5').update(joined).digest('hex')}-${partMd5s.length}`;
}
