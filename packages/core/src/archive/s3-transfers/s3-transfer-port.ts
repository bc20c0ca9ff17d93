// The S3 transfer port of the Cold Archive backends (v1 buckets, v2 DEEP_ARCHIVE objects): bytes in
// and out of one bucket. Interfaces only; the implementation (multipart upload, ranged GET, on the
// AWS SDK v3) is platform-node's `s3-transfers`, injected by each composition root.
import type { UploadedObject, UploadOptions, UploadSource } from '../archive-upload.js';
import type { DownloadSource } from '../object-download.js';

/** One bucket of one project's S3 region. */
export interface S3BucketRef {
  project: string;
  /** Upper case: `RBX-ARCHIVE`, `EU-WEST-PAR`. */
  region: string;
  bucket: string;
}

export interface S3ObjectTransfers {
  /**
   * HEAD of the object (size, ETag, what can be verified: docs/archives.md) and its byte ranges.
   * A DEEP_ARCHIVE object not restored rejects with ObjectNotRestoredError.
   */
  openDownload(bucket: S3BucketRef, key: string, signal?: AbortSignal): Promise<DownloadSource>;
  /**
   * Each source into its key: up to one part in one PUT, beyond in a multipart upload that a
   * re-run resumes (parts already there with a matching ETag are kept), completed once.
   * `segmentSize` and `segmentThreshold` are the part size and the multipart threshold.
   */
  uploadObjects(
    bucket: S3BucketRef,
    sources: readonly UploadSource[],
    options?: UploadOptions,
  ): Promise<UploadedObject[]>;
}
