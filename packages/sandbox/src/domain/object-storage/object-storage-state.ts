import type { ColdArchiveRecord } from '../cold-archive/cold-archive-state.js';

/**
 * A Swift account's containers and objects, shared by the Swift protocol and API v1's
 * `/cloud/project/{sn}/storage`. Times are sandbox-clock ms; retrieval states are computed from them.
 */

/** Swift storage policies OVH offers: PCS (standard, the default) and PCA (Cloud Archive). */
export type StoragePolicy = 'PCS' | 'PCA';

export interface ObjectStorageAccount {
  createdMs: number;
  /** `X-Account-Meta-*` by lower-case name without the prefix (e.g. `temp-url-key`). */
  meta: Record<string, string>;
  containers: Record<string, ContainerRecord>;
}

export interface ContainerRecord {
  name: string;
  policy: StoragePolicy;
  createdMs: number;
  /** `X-Container-Meta-*` by lower-case name without the prefix. */
  meta: Record<string, string>;
  /** `X-Container-Read` / `X-Container-Write` ACLs, as sent. */
  read: string | null;
  write: string | null;
  objects: Record<string, ObjectRecord>;
  /** S3 buckets only: multipart uploads in progress, by upload id. */
  uploads?: Record<string, MultipartUploadRecord>;
  /** S3 buckets of a Cold Archive region (v1): owner, lifecycle and lock. */
  coldArchive?: ColdArchiveRecord;
  /** S3 buckets: API v1 container policies (`/policy/{userId}`), by user id. */
  policies?: Record<string, ContainerPolicy>;
  /** S3 buckets: owner (cloud.user.User id) and what an API v1 creation body set. */
  settings?: BucketSettings;
}

export interface BucketSettings {
  ownerId: number | null;
  encryption: 'AES256' | 'plaintext';
  tags: Record<string, string>;
}

/** cloud.storage.AddContainerPolicy: a role on the bucket, or on one object key of it. */
export interface ContainerPolicy {
  roleName: 'admin' | 'deny' | 'readOnly' | 'readWrite';
  objectKey: string | null;
}

export interface MultipartUploadRecord {
  uploadId: string;
  key: string;
  initiatedMs: number;
  storageClass: string;
  contentType: string;
  meta: Record<string, string>;
  parts: Record<string, { etag: string; bytes: number; blob: BlobRef; lastModifiedMs: number }>;
}

/** Where an object's bytes are: a file in the blob store, or generated from a seed (never stored). */
export type BlobRef = { kind: 'file'; id: string } | { kind: 'generated'; seed: number } | { kind: 'empty' };

export type ManifestRecord =
  /** DLO: `X-Object-Manifest: container/prefix`, the segments are whatever the prefix lists. */
  | { kind: 'dlo'; container: string; prefix: string }
  /** SLO: the segments as given to `?multipart-manifest=put`, checked then. */
  | { kind: 'slo'; segments: SloSegment[] };

export interface SloSegment {
  container: string;
  key: string;
  etag: string;
  bytes: number;
}

export interface ObjectRecord {
  key: string;
  /** Stored bytes (0 for a manifest). */
  bytes: number;
  /** MD5 hex of the stored bytes; null until computed for a large generated object. */
  etag: string | null;
  contentType: string;
  lastModifiedMs: number;
  /** `X-Object-Meta-*` by lower-case name without the prefix. */
  meta: Record<string, string>;
  /** Other headers Swift keeps with the object (Content-Disposition, Content-Encoding…). */
  headers: Record<string, string>;
  blob: BlobRef;
  manifest: ManifestRecord | null;
  /** PCA only: an unsealing asked at some point; sealed when null or once the window has passed. */
  retrieval: { readyMs: number; unsealedUntilMs: number } | null;
  /** S3 only: `x-amz-storage-class` (absent = STANDARD). */
  storageClass?: string;
  /** S3 DEEP_ARCHIVE: a restore asked; ready at readyMs, readable until expiryMs. */
  restore?: { readyMs: number; expiryMs: number } | null;
}
