/** Builds object records the same way for uploads, copies, manifests and seeding. */
import type { BlobRef, ManifestRecord, ObjectRecord } from './object-storage-state.js';

export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

export function newObject(input: {
  key: string;
  bytes: number;
  etag: string | null;
  blob: BlobRef;
  nowMs: number;
  contentType?: string;
  meta?: Record<string, string>;
  headers?: Record<string, string>;
  manifest?: ManifestRecord | null;
}): ObjectRecord {
  return {
    key: input.key,
    bytes: input.bytes,
    etag: input.etag,
    contentType: input.contentType || DEFAULT_CONTENT_TYPE,
    lastModifiedMs: input.nowMs,
    meta: input.meta ?? {},
    headers: input.headers ?? {},
    blob: input.blob,
    manifest: input.manifest ?? null,
    retrieval: null,
  };
}
