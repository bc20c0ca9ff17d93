import type {
  SwiftAccess,
  SwiftAccessProvider,
  SwiftContainerApi,
  SwiftListedObject,
} from './cloud-archive-ports.js';
import { parseRetryAfter, SwiftError, swiftReason } from './swift-error.js';

/** Swift's listing page size on OVH (`/info` listing_limit). */
export const SWIFT_LISTING_LIMIT = 10_000;

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
    const response = await this.#send('GET', container, undefined, query, page.signal);
    if (response.status === 204) {
      await response.body?.cancel();
      return [];
    }
    return (await response.json()) as SwiftListedObject[];
  }

  async headObject(
    container: string,
    key: string,
    signal?: AbortSignal,
  ): Promise<{ bytes: number; etag: string; state: string; delaySeconds: number | null }> {
    const response = await this.#send('HEAD', container, key, undefined, signal);
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
    try {
      const response = await this.#send('GET', container, key, undefined, signal);
      await response.body?.cancel();
      return 0;
    } catch (error) {
      if (error instanceof SwiftError && error.status === 429 && error.retryAfterSeconds !== undefined) {
        return error.retryAfterSeconds;
      }
      throw error;
    }
  }

  async #send(
    method: 'GET' | 'HEAD',
    container: string,
    key: string | undefined,
    query: URLSearchParams | undefined,
    signal: AbortSignal | undefined,
  ): Promise<Response> {
    let access = await this.#access.access(this.#project, signal);
    let response = await this.#call(access, method, container, key, query, signal);
    if (response.status === 401) {
      await response.body?.cancel();
      access = await this.#access.renew(this.#project, access, signal);
      response = await this.#call(access, method, container, key, query, signal);
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
    method: 'GET' | 'HEAD',
    container: string,
    key: string | undefined,
    query: URLSearchParams | undefined,
    signal: AbortSignal | undefined,
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
    return this.#fetch(url, { method, headers: { 'X-Auth-Token': access.token }, signal });
  }
}
