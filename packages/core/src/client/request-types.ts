/** Shapes shared by the client and its helpers (batch reads, Iceberg lists). */
import type { QueryInput } from './url-builder.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export interface OvhRequestOptions {
  query?: QueryInput | undefined;
  /** Serialised once with JSON.stringify (compact); that exact text is signed and sent. */
  body?: unknown;
  /** Default true. `false` only for GET /auth/time, POST /auth/credential and schema documents. */
  signed?: boolean | undefined;
  signal?: AbortSignal | undefined;
  /** Per attempt; defaults to the client's `timeoutMs`. */
  timeoutMs?: number | undefined;
  /** Overrides whether the call may be repeated after a failure (default: GET, PUT, DELETE). */
  idempotent?: boolean | undefined;
  /** Extra request headers (pagination, batch). Accept, Content-Type and X-Ovh-* auth headers, in any case, are dropped. */
  headers?: Readonly<Record<string, string>> | undefined;
}

export interface OvhResponse<T> {
  data: T;
  status: number;
  queryId?: string;
  headers: Headers;
}

/** The part of the client that batch reads and Iceberg lists are built on. */
export interface OvhRequester {
  requestWithMeta<T>(method: HttpMethod, path: string, options?: OvhRequestOptions): Promise<OvhResponse<T>>;
}

/** Whether the server honours an optional feature, learnt on use and remembered per client. */
export type FeatureSupport = 'unknown' | 'supported' | 'unsupported';

export interface ServerFeatures {
  /** X-Ovh-Batch (Iceberg support is per route and costs nothing to ask for, so it is not kept). */
  batch: FeatureSupport;
}
