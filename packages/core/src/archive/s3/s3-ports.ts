// The S3 contracts the Cold Archive backends are built on (reference doc §4.4, §5, §7). Interfaces
// only: core stays runtime-neutral, and the implementation (the AWS SDK for JavaScript v3) lives
// in @ovh-pca/platform-node (`src/s3/`), injected by each composition root.
//
// Where S3 access comes from: API v1 alone. The endpoint of a region is the `storage-s3-*` service
// of `GET /cloud/project/{sn}/region/{r}`; the credentials are those of an object-storage user of
// the project (`/user/{id}/s3Credentials`), kept in the OS keychain (S3CredentialStore).

/** An S3 access key of one project's object-storage user. The secret never leaves memory/keychain. */
export interface S3Credential {
  accessKeyId: string;
  secretAccessKey: string;
  /** The OVH user id (`cloud.user.User.id`) the key belongs to. */
  userId: number;
}

/**
 * Where S3 credentials are kept between runs: the OS keychain in the real adapter, never a file.
 * `scope` names one project of one API endpoint (`s3:https://eu.api.ovh.com/1.0:PROJECT`).
 */
export interface S3CredentialStore {
  get(scope: string): Promise<S3Credential | undefined>;
  set(scope: string, credential: S3Credential): Promise<void>;
  /** Resolves `true` when an entry was removed. */
  delete(scope: string): Promise<boolean>;
}

/** One region's S3 entry point, as API v1 names it. */
export interface S3Endpoint {
  /** The OVH region, upper case (`RBX-ARCHIVE`, `EU-WEST-PAR`). */
  region: string;
  /** Base URL, path style (`https://s3.rbx-archive.io.cloud.ovh.net`), no trailing slash. */
  url: string;
  /** What SigV4 signs with: the region in lower case (`rbx-archive`). */
  signingRegion: string;
  /** The service name it came from (`storage-s3-coldarchive`, `storage-s3-standard`). */
  service: string;
}

/** What an S3 client of one project and region needs; each call asks again (cached inside). */
export interface S3AccessProvider {
  endpoint(project: string, region: string, signal?: AbortSignal): Promise<S3Endpoint>;
  credential(project: string, signal?: AbortSignal): Promise<S3Credential>;
  /**
   * The credential was refused by S3 (InvalidAccessKeyId: deleted on the OVH side): forget it and
   * obtain a new one. Concurrent callers with the same stale key share one renewal.
   */
  renew(project: string, stale: S3Credential, signal?: AbortSignal): Promise<S3Credential>;
}

/** `x-amz-restore` read (S3 head-object), or API v1's `restoreStatus`. */
export interface S3RestoreStatus {
  inProgress: boolean;
  /** When the restored copy is removed (ISO 8601, UTC); null while in progress. */
  expiryDate: string | null;
}

/** One object as an S3 listing or HEAD tells it. */
export interface S3ObjectInfo {
  key: string;
  bytes: number;
  /** ISO 8601, UTC. */
  lastModified: string | null;
  /** Without quotes. */
  etag: string | null;
  /** `STANDARD` when S3 says nothing. */
  storageClass: string;
  /** Only from a HEAD (or API v1); undefined when not known, null when none is on record. */
  restore?: S3RestoreStatus | null;
}

export interface S3ListPage {
  objects: S3ObjectInfo[];
  /** Present when more keys follow (ListObjectsV2 continuation token). */
  nextToken?: string;
}

/**
 * The S3 calls of one project and region. Each implementation signs with SigV4, corrects its clock
 * from the server's `Date` (±1 h skew), retries throttling, 5xx and dropped connections with
 * jittered backoff, and renews a refused credential once. Transfers (multipart upload, ranged
 * download) are added beside these by the transfer module.
 */
export interface S3BucketApi {
  readonly endpoint: S3Endpoint;
  listBuckets(signal?: AbortSignal): Promise<Array<{ name: string; createdAt: string | null }>>;
  createBucket(bucket: string, signal?: AbortSignal): Promise<void>;
  deleteBucket(bucket: string, signal?: AbortSignal): Promise<void>;
  /** ListObjectsV2: one page of at most `maxKeys` (default and maximum 1,000). */
  listObjects(
    bucket: string,
    page?: { prefix?: string; token?: string; maxKeys?: number; signal?: AbortSignal },
  ): Promise<S3ListPage>;
  headObject(bucket: string, key: string, signal?: AbortSignal): Promise<S3ObjectInfo>;
  /**
   * RestoreObject for `days`: `started` (202), `extended` (200: already restored, a longer expiry
   * kept), `in-progress` (409 RestoreAlreadyInProgress: an earlier request goes on).
   */
  restoreObject(
    bucket: string,
    key: string,
    days: number,
    signal?: AbortSignal,
  ): Promise<'started' | 'extended' | 'in-progress'>;
  /** DeleteObjects in chunks of 1,000; answers the keys S3 reported deleted and those it refused. */
  deleteObjects(
    bucket: string,
    keys: readonly string[],
    signal?: AbortSignal,
  ): Promise<{ deleted: string[]; failed: Array<{ key: string; code: string; message: string }> }>;
}

/** Builds (and caches) the S3 API of a project and region. */
export interface S3ClientFactory {
  bucketApi(project: string, region: string, signal?: AbortSignal): Promise<S3BucketApi>;
}
