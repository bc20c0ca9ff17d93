import type {
  SwiftAccess,
  SwiftAccessProvider,
  SwiftContainerApi,
  SwiftListedObject,
  SwiftManifestSegment,
  SwiftObjectStat,
} from './cloud-archive-ports.js';
import { parseRetryAfter, SwiftError, swiftReason } from './swift-error.js';
import { retryingSwiftCall } from './swift-retry.js';
import { parseManifestHeader } from './swift-segment-path.js';

/** Swift's listing page size on OVH (`/info` listing_limit). */
export const SWIFT_LISTING_LIMIT = 10_000;

/** What a request may carry: bytes, a string, a stream. */
export type SwiftBody = NonNullable<RequestInit['body']>;

/** One Swift request: a container, or an object of it, and the listing's query. */
export interface SwiftCall {
  method: 'GET' | 'HEAD' | 'PUT' | 'DELETE';
  container: string;
  key?: string;
  query?: URLSearchParams;
  /** Request headers beside the token (Range, If-Match). */
  headers?: Readonly<Record<string, string>>;
  /** A fresh body for each attempt (a stream is read once; a 401 sends the call again). */
  body?: () => SwiftBody;
  signal?: AbortSignal;
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Each `/`-separated part percent-encoded, the separators kept (Swift keys may hold `/`). */
function encodeKey(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}

/**
 * The Swift calls of one project's region, with the token from a SwiftAccessProvider: a 401 renews
 * it once and the call is sent again. The token travels in `X-Auth-Token` only, never in a URL or an
 * error message.
 */
export class SwiftContainerClient implements SwiftContainerApi {
  readonly #project: string;
  readonly #region: string;
  readonly #access: SwiftAccessProvider;
  readonly #fetch: FetchLike;
  readonly #now: () => number;

  constructor(options: {
    project: string;
    region: string;
    access: SwiftAccessProvider;
    fetch?: FetchLike;
    now?: () => number;
  }) {
    this.#project = options.project;
    this.#region = options.region.toUpperCase();
    this.#access = options.access;
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#now = options.now ?? Date.now;
  }

  async listObjects(
    container: string,
    page: { marker?: string; prefix?: string; limit?: number; signal?: AbortSignal },
  ): Promise<SwiftListedObject[]> {
    const query = new URLSearchParams({ format: 'json', policy_extra: 'true' });
    query.set('limit', String(page.limit ?? SWIFT_LISTING_LIMIT));
    if (page.marker !== undefined) query.set('marker', page.marker);
    if (page.prefix !== undefined && page.prefix !== '') query.set('prefix', page.prefix);
    return this.#retrying(page.signal, async () => {
      const response = await this.#send({ method: 'GET', container, query, signal: page.signal });
      if (response.status === 204) {
        await response.body?.cancel();
        return [];
      }
      // A body cut short fails here and the page is asked again.
      return (await response.json()) as SwiftListedObject[];
    });
  }

  async headObject(
    container: string,
    key: string,
    signal?: AbortSignal,
  ): Promise<{ bytes: number; etag: string; state: string; delaySeconds: number | null }> {
    const response = await this.#retrying(signal, () =>
      this.#send({ method: 'HEAD', container, key, signal }),
    );
    const delay = response.headers.get('x-ovh-retrieval-delay');
    return {
      bytes: Number(response.headers.get('content-length') ?? 0),
      etag: (response.headers.get('etag') ?? '').replace(/"/g, ''),
      state: response.headers.get('x-ovh-retrieval-state') ?? 'unsealed',
      delaySeconds: delay === null ? null : Number(delay),
    };
  }

  /** A GET that is answered 429 starts unsealing; its body (and a 200's bytes) are discarded. */
  async requestRetrieval(container: string, key: string, signal?: AbortSignal): Promise<number> {
    return this.#retrying(signal, async () => {
      try {
        const response = await this.#send({ method: 'GET', container, key, signal });
        await response.body?.cancel();
        return 0;
      } catch (error) {
        // Here a 429 is the answer, not a failure: unsealing has started (or goes on).
        if (error instanceof SwiftError && error.status === 429 && error.retryAfterSeconds !== undefined) {
          return error.retryAfterSeconds;
        }
        throw error;
      }
    });
  }

  /**
   * `DELETE` of one object. Repeated after a transient failure like the reads (deleting twice
   * cannot delete anything else): a 404 on a repeat means the lost attempt did it (`deleted`,
   * counted once); a 404 on the first attempt means it was gone already.
   */
  async deleteObject(container: string, key: string, signal?: AbortSignal): Promise<'deleted' | 'gone'> {
    let sent = false;
    return this.#retrying(signal, async () => {
      try {
        const response = await this.#send({ method: 'DELETE', container, key, signal });
        await response.body?.cancel();
        return 'deleted';
      } catch (error) {
        if (error instanceof SwiftError && error.status === 404) return sent ? 'deleted' : 'gone';
        sent = true;
        throw error;
      }
    });
  }

  /** `HEAD` of an object for a download: size, ETag as sent, state, and what kind of manifest. */
  async statObject(container: string, key: string, signal?: AbortSignal): Promise<SwiftObjectStat> {
    const response = await this.#retrying(signal, () =>
      this.#send({ method: 'HEAD', container, key, signal }),
    );
    const headers = response.headers;
    const delay = headers.get('x-ovh-retrieval-delay');
    const dlo = headers.get('x-object-manifest');
    return {
      bytes: Number(headers.get('content-length') ?? 0),
      etag: headers.get('etag') ?? '',
      lastModified: headers.get('last-modified'),
      state: headers.get('x-ovh-retrieval-state') ?? 'unsealed',
      delaySeconds: delay === null ? null : Number(delay),
      manifest:
        headers.get('x-static-large-object')?.toLowerCase() === 'true'
          ? { kind: 'slo' }
          : dlo !== null
            ? { kind: 'dlo', ...parseManifestHeader(dlo) }
            : null,
    };
  }

  /** An SLO's segment list (`?multipart-manifest=get`): each segment's path, MD5 and size. */
  async readSloManifest(
    container: string,
    key: string,
    signal?: AbortSignal,
  ): Promise<SwiftManifestSegment[]> {
    const query = new URLSearchParams({ 'multipart-manifest': 'get' });
    return this.#retrying(signal, async () => {
      const response = await this.#send({ method: 'GET', container, key, query, signal });
      return (await response.json()) as SwiftManifestSegment[];
    });
  }

  /**
   * `GET` of the bytes [start, end] (inclusive) under `If-Match`, retried until the body starts; the
   * body itself is the caller's (a drop mid-body errors its stream). Errors as Swift answered them:
   * 412 when the ETag no longer matches, 429 with Retry-After when sealed (a Retry-After of up to
   * 30 s is waited for here, as on every call).
   */
  openObjectRange(
    container: string,
    key: string,
    range: { start: number; end: number; ifMatch: string },
    signal?: AbortSignal,
  ): Promise<Response> {
    const headers = { Range: `bytes=${range.start}-${range.end}`, 'If-Match': range.ifMatch };
    return this.#retrying(signal, () => this.#send({ method: 'GET', container, key, headers, signal }));
  }

  /** Every call here is a read or a DELETE: safe to repeat after any transient failure. */
  #retrying<T>(signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
    return retryingSwiftCall(signal, work);
  }

  /**
   * One call with the project's token (renewed once after a 401), not repeated after any other
   * failure: a non-2xx answer is a SwiftError. For callers that decide themselves what is safe to
   * send again (uploads).
   */
  send(call: SwiftCall): Promise<Response> {
    return this.#send(call);
  }

  async #send(call: SwiftCall): Promise<Response> {
    const { method, container, key, signal } = call;
    let access = await this.#access.access(this.#project, signal);
    let response = await this.#call(access, call);
    if (response.status === 401) {
      await response.body?.cancel();
      access = await this.#access.renew(this.#project, access, signal);
      response = await this.#call(access, call);
    }
    if (response.ok) return response;
    const body = method === 'HEAD' ? '' : await response.text().catch(() => '');
    throw new SwiftError({
      status: response.status,
      method,
      path: key === undefined ? container : `${container}/${key}`,
      reason: swiftReason(body, response.statusText),
      queryId: response.headers.get('x-trans-id') ?? undefined,
      retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after'), this.#now()),
    });
  }

  #call(
    access: SwiftAccess,
    { method, container, key, query, headers, body, signal }: SwiftCall,
  ): Promise<Response> {
    const account = access.endpoints[this.#region];
    if (account === undefined) {
      throw new SwiftError({
        status: 0,
        method,
        path: container,
        reason: `no Swift endpoint for region ${this.#region} in project ${this.#project}`,
      });
    }
    const url =
      `${account}/${encodeURIComponent(container)}` +
      (key === undefined ? '' : `/${encodeKey(key)}`) +
      (query ? `?${query.toString()}` : '');
    const init: RequestInit & { duplex?: 'half' } = {
      method,
      headers: { ...headers, 'X-Auth-Token': access.token },
      signal,
    };
    if (body) {
      init.body = body();
      // A streamed request body (Node's fetch asks for it to be said).
      init.duplex = 'half';
      // Swift never redirects an upload. Following redirects makes Node's fetch (undici) tee the
      // body stream and keep every byte sent in memory (nodejs/undici#4058): 600 MB for 1 GiB.
      init.redirect = 'error';
    }
    return this.#fetch(url, init);
  }
}
