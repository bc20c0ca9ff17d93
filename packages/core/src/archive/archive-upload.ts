// Product-neutral upload contract: what a caller hands a backend with the `upload` capability, and
// what it answers. Bytes come through UploadSource, which a platform adapter implements (Node: a
// local file, `@ovh-pca/platform-node`'s file sources), so this module stays free of any runtime.
import type { ArchiveErrorInfo } from './archive-error-info.js';

/** Bytes [start, end) of a source, streamed once, with their MD5. */
export interface UploadPart {
  body: ReadableStream<Uint8Array>;
  /**
   * Hex MD5 of the bytes, resolved once `body` has been read to its end; rejects when the source
   * no longer holds the range (a file that shrank or changed while it was read).
   */
  md5: Promise<string>;
}

/** One thing to upload: a local file, as an adapter presents it. */
export interface UploadSource {
  /** The object key (checked with validateObjectKey by whoever built the source). */
  readonly key: string;
  readonly bytes: number;
  /** Last modification, ms since the epoch: kept with the object, so a re-run recognises it. */
  readonly modifiedMs: number;
  /** Streams bytes [start, end) with their MD5 (each call reads afresh). */
  openPart(start: number, end: number): UploadPart;
  /** The MD5 of bytes [start, end) without sending them (to check what the server already has). */
  md5(start: number, end: number, signal?: AbortSignal): Promise<string>;
}

export interface UploadOptions {
  /** Bytes per segment of a large file (default 128 MiB; raised when a file needs more segments than the server takes). */
  segmentSize?: number;
  /** Files larger than this go in segments (default: the segment size). */
  segmentThreshold?: number;
  /**
   * S3 storage class of the objects written, where the product has classes (Cold Archive v2:
   * `STANDARD`, the default, or `DEEP_ARCHIVE`; see the backend's `uploadStorageClasses`).
   */
  storageClass?: string;
  /** Uploads (and local hash reads) in flight at once, over all files and segments (default 4). */
  concurrency?: number;
  signal?: AbortSignal;
  /** Bytes of one file on the wire so far (a part sent again counts from zero again). */
  onProgress?: (event: UploadProgress) => void;
  /** One file finished, whatever the outcome. */
  onObject?: (result: UploadedObject) => void;
}

export interface UploadProgress {
  key: string;
  sentBytes: number;
  totalBytes: number;
}

/**
 * - `uploaded`: sent (in full, or the segments missing after an interrupted run);
 * - `unchanged`: the archive already held this file (same size and modification time, or MD5): nothing sent;
 * - `failed`: see `error`.
 */
export type UploadOutcome = 'uploaded' | 'unchanged' | 'failed';

export interface UploadedObject {
  key: string;
  bytes: number;
  outcome: UploadOutcome;
  /** Segments of a large file (0: one plain object). */
  segments: number;
  /** Segments sent by this run. */
  segmentsSent: number;
  /** Segments found whole on the server (same size and MD5) and kept. */
  segmentsReused: number;
  /** The object's ETag as the server answered it (a segmented object's is its manifest's). */
  etag: string | null;
  /**
   * Segments of the large object this upload replaced, no longer referenced and deleted (Cloud
   * Archive: they would be billed for nothing); `staleSegmentsLeft` those whose DELETE failed.
   */
  staleSegmentsDeleted?: number;
  staleSegmentsLeft?: number;
  error?: ArchiveErrorInfo;
}
