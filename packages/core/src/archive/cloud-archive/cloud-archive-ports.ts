import type { StorageAccessWire } from './cloud-archive-wire-types.js';

// The contracts a Cloud Archive backend is built from (reference doc §8), written before the code
// that implements them: that code is tested against the sandbox's Keystone, Swift and
// /cloud/project routes once they exist (issue 11 §2), and only then committed.
//
// Discovery and every container-level action go through API v1 with the profile's OVH
// credentials; object bytes go through Swift with the token API v1 hands out. A read-only
// credential still lists everything through API v1 alone.

/** A Swift token and where to use it, as kept in memory (never on disk). */
export interface SwiftAccess {
  token: string;
  /** Swift account URL per region, upper case keys (`GRA` → `https://…/v1/AUTH_…`). */
  endpoints: Readonly<Record<string, string>>;
  /** When the token stops being accepted, ms since the epoch (24 h after issue unless told). */
  expiresAtMs: number;
}

/**
 * Hands out the Swift access of one project: `POST /cloud/project/{sn}/storage/access` once, then
 * the cached access until it expires; `renew` after a 401 from Swift asks for a new one (once per
 * expiry, so concurrent 401s share one request).
 */
export interface SwiftAccessProvider {
  access(project: string, signal?: AbortSignal): Promise<SwiftAccess>;
  renew(project: string, stale: SwiftAccess, signal?: AbortSignal): Promise<SwiftAccess>;
}

/** Turns the API v1 answer into a SwiftAccess (the caller supplies the clock). */
export type ToSwiftAccess = (wire: StorageAccessWire, issuedAtMs: number) => SwiftAccess;

/** One object of a Swift listing with `policy_extra=true` (JSON format). */
export interface SwiftListedObject {
  name: string;
  bytes: number;
  hash: string;
  last_modified: string;
  content_type: string;
  policy_retrieval_state?: string;
  policy_retrieval_delay?: number | null;
  /** Present on SLO manifests (Swift ≥ 2.18): the manifest's ETag, quoted. */
  slo_etag?: string;
}

/** One segment a manifest needs, where it lives. */
export interface SwiftSegmentRef {
  container: string;
  key: string;
  bytes: number;
}

/** A HEAD of an object, as a download needs it. */
export interface SwiftObjectStat {
  bytes: number;
  /** As Swift sent it: a plain object's MD5; a manifest's quoted ETag (not an MD5 of the body). */
  etag: string;
  lastModified: string | null;
  state: string;
  delaySeconds: number | null;
  /** `X-Static-Large-Object: True`, or `X-Object-Manifest: container/prefix`. */
  manifest: { kind: 'slo' } | { kind: 'dlo'; container: string; prefix: string } | null;
}

/** One segment of `GET …?multipart-manifest=get` (an SLO's list). */
export interface SwiftManifestSegment {
  /** `/container/key`. */
  name: string;
  hash: string;
  bytes: number;
  /** A segment that is itself an SLO: its `hash` is that manifest's ETag, not an MD5. */
  sub_slo?: boolean;
}

/** The Swift calls a Cloud Archive backend needs; each one retried on 401 with a renewed token. */
export interface SwiftContainerApi {
  /** `GET /v1/AUTH_…/{container}?format=json&policy_extra=true&limit&marker&prefix`: one page. */
  listObjects(
    container: string,
    page: { marker?: string; prefix?: string; limit?: number; signal?: AbortSignal },
  ): Promise<SwiftListedObject[]>;
  /** `HEAD` of an object: its retrieval state, and the delay while unsealing. */
  headObject(
    container: string,
    key: string,
    signal?: AbortSignal,
  ): Promise<{ bytes: number; etag: string; state: string; delaySeconds: number | null }>;
  /**
   * Starts unsealing: a `GET` answered 429 with Retry-After (the remaining delay). Resolves with
   * that delay, or 0 when the object is already downloadable.
   */
  requestRetrieval(container: string, key: string, signal?: AbortSignal): Promise<number>;
  /** `DELETE` of an object: `gone` when it was absent before this call (404 on the first attempt). */
  deleteObject(container: string, key: string, signal?: AbortSignal): Promise<'deleted' | 'gone'>;
  /** `HEAD` of an object for a download (manifest kind included). */
  statObject(container: string, key: string, signal?: AbortSignal): Promise<SwiftObjectStat>;
  /** An SLO's segments (`GET ?multipart-manifest=get`). */
  readSloManifest(container: string, key: string, signal?: AbortSignal): Promise<SwiftManifestSegment[]>;
  /** `GET` with `Range: bytes=start-end` (inclusive) and `If-Match`, the answer once its body starts. */
  openObjectRange(
    container: string,
    key: string,
    range: { start: number; end: number; ifMatch: string },
    signal?: AbortSignal,
  ): Promise<Response>;
}
