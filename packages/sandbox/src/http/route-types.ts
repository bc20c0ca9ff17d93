/**
 * The contract between the sandbox's HTTP layer (server, signature checks, errors, batch and
 * Iceberg, fault injection, request log) and its domain modules (auth, /me, /cloud, /dedicatedCloud).
 * Domain modules only declare routes; they never see sockets, headers or signatures.
 */
import type { BlobStore } from '../blobs/blob-store.js';
import type { SandboxClock } from '../state/clock.js';
import type { SandboxState } from '../state/sandbox-state.js';
import type { HttpMethod } from './http-method.js';

export type { HttpMethod };

/** Who made a signed call; absent on unauthenticated routes. */
export interface CallerIdentity {
  applicationKey: string;
  consumerKey: string;
  /** Account (nichandle) that validated the consumer key. */
  nichandle: string;
}

export interface RouteRequest {
  method: HttpMethod;
  /** The path below `/1.0`, percent-decoded per segment, e.g. `/cloud/pp-1/pca`. */
  path: string;
  /** Placeholders of the route pattern, percent-decoded: `{serviceName}` → `params.serviceName`. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body, or undefined when the request had none. */
  body: unknown;
  caller: CallerIdentity | undefined;
  /** The application key header, also present on unsigned calls such as POST /auth/credential. */
  applicationKey: string | undefined;
  /** Base URL the client used, e.g. `http://127.0.0.1:4567` (for links such as validationUrl). */
  origin: string;
  /** Remote address of the client, for fields such as srcIp or ipAddress. */
  remoteAddress: string;
}

export interface RouteContext {
  state: SandboxState;
  clock: SandboxClock;
  /** Seeded random source: same seed, same data. */
  random: () => number;
  /** Marks the state dirty so the persistence layer writes it (when --data is set). */
  markDirty: () => void;
  options: Readonly<SandboxBehaviour>;
  /** Where object bytes live (Swift uploads, API v1 deletes). */
  blobs: BlobStore;
  /** The sandbox's own OpenStack URLs, for `services` endpoints, catalogs and temp URLs. */
  endpoints: ProtocolEndpoints;
}

/** URLs of the protocol entry points, known once their listeners are up. */
export interface ProtocolEndpoints {
  /** Keystone v3 base, `http://127.0.0.1:PORT/v3`. */
  keystone: string;
  /** Swift origin per region, `http://127.0.0.1:PORT` (accounts are `/v1/AUTH_<project>` below). */
  swift: Record<string, string>;
  /** S3 origin per region, `http://127.0.0.1:PORT` (path-style buckets below it). */
  s3: Record<string, string>;
}

/** Answer of a route: JSON body (undefined = JSON null) and optional status (default 200). */
export interface RouteResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Raw response instead of JSON (the validation page is HTML). */
  raw?: { contentType: string; text: string };
}

export type RouteHandler = (req: RouteRequest, ctx: RouteContext) => RouteResult | Promise<RouteResult>;

export interface RouteDefinition {
  method: HttpMethod;
  /** Pattern below `/1.0` with `{name}` placeholders, e.g. `/cloud/{serviceName}/pca`. */
  pattern: string;
  /** `signed` (default): every OVH auth check applies. `none`: public route (auth/time, schema docs). */
  auth?: 'signed' | 'application' | 'none';
  /**
   * Signed, but open to every valid consumer key whatever its rules (`/auth/currentCredential`,
   * `/auth/logout`: a key can always inspect or end itself).
   */
  ignoresAccessRules?: boolean;
  /**
   * For list routes answering an array of IDs: the pattern of one item, so the HTTP layer can
   * serve Iceberg pages (X-Pagination-Mode) by resolving each ID through that item route.
   * E.g. `/cloud/{serviceName}/pca/{pcaServiceName}/sessions/{sessionId}`.
   */
  itemPattern?: string;
  /** One line for the schema documents (`GET /1.0/{api}.json`) the HTTP layer generates. */
  description?: string;
  /** Query parameters the route understands, for the schema documents. */
  queryParams?: ReadonlyArray<{ name: string; type: string; description?: string }>;
  handler: RouteHandler;
}

/** Thrown by handlers; the HTTP layer turns it into OVH's error body and X-Ovh-QueryId. */
export class SandboxHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errorClass?: string,
    readonly errorCode?: string,
    readonly details?: Record<string, string>,
  ) {
    super(message);
    this.name = 'SandboxHttpError';
  }
}

export const notFound = (message = 'The requested object does not exist') =>
  new SandboxHttpError(404, message, 'Client::NotFound');
export const badRequest = (message: string) => new SandboxHttpError(400, message, 'Client::BadRequest');
export const conflict = (message: string) => new SandboxHttpError(409, message, 'Client::Conflict');

/** Behaviour knobs shared by the HTTP layer and domain modules (flags and startSandbox options). */
export interface SandboxBehaviour {
  /** Seconds a task or session transition takes on the sandbox clock (each step). */
  taskDurationSeconds: number;
  /** Accepted distance between X-Ovh-Timestamp and the server clock, in seconds. */
  timestampWindowSeconds: number;
  /** Whether X-Ovh-Batch is honoured (turned off to test client fallbacks). */
  batch: boolean;
  /** Whether Iceberg pagination is honoured (turned off to test client fallbacks). */
  iceberg: boolean;
  /** Cloud Archive: seconds an object takes to unseal (the Retry-After of a sealed GET). */
  retrievalDelaySeconds: number;
  /** Cloud Archive: seconds an unsealed object stays downloadable before it is sealed again. */
  unsealedForSeconds: number;
  /** S3 DEEP_ARCHIVE: seconds a RestoreObject takes before the object can be read. */
  restoreDelaySeconds: number;
}
