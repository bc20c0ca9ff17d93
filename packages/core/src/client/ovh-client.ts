/**
 * The OVH API client. One pipeline per call: the URL and body are built once, every attempt signs
 * exactly those strings (with a fresh timestamp) and sends exactly those strings.
 */
import { sleep } from './abortable-wait.js';
import { type GetManyItem, type GetManyOptions, getManyObjects } from './batch.js';
import { ClockOffset, type ClockReading } from './clock-offset.js';
import { ConcurrencyLimiter } from './concurrency-limiter.js';
import { maskHeaders, type OvhDebugEvent } from './debug-event.js';
import { type EndpointDomain, resolveEndpoint } from './endpoints.js';
import { errorFromResponse } from './error-from-response.js';
import { ConfigError, InvalidResponseError, InvalidSignatureError, QueryTimeOutError } from './errors.js';
import { type ListAllOptions, listAllObjects } from './iceberg.js';
import { failureFromFetchError } from './network-failure.js';
import { checkBodyAllowed, checkHttpMethod, checkQuery, checkRequestPath } from './request-checks.js';
import { RequestRateLimiter } from './request-rate-limiter.js';
import type {
  HttpMethod,
  OvhRequester,
  OvhRequestOptions,
  OvhResponse,
  ServerFeatures,
} from './request-types.js';
import { decideRetry, type RetryPolicyOptions } from './retry-policy.js';
import { signRequest } from './signing.js';
import { buildRequestUrl, type QueryValue } from './url-builder.js';

export interface OvhClientOptions {
  /** Endpoint name (`ovh-eu`, alias, `ovh-legacy`) or URL. */
  endpoint: string;
  /** Which domain named endpoints resolve to; default `current`. */
  endpointDomain?: EndpointDomain;
  applicationKey: string;
  /** With `consumerKey`, needed for signed calls. */
  applicationSecret?: string | undefined;
  consumerKey?: string | undefined;
  /** Per attempt; default 30 000. */
  timeoutMs?: number;
  /** Retries after the first attempt; default 3. */
  retries?: number;
  /** Backoff base (full jitter, doubled per retry); default 250. */
  retryBaseDelayMs?: number;
  /** Cap of one backoff delay, and the longest Retry-After waited for; default 30 000. */
  maxRetryDelayMs?: number;
  /** Requests in flight per client, getMany and listAll fan-out included; default 8. */
  concurrency?: number;
  /** Optional sliding-window limit of requests per minute. */
  requestsPerMinute?: number;
  /** How long a clock offset is trusted; default 10 minutes. */
  clockOffsetTtlMs?: number;
  /** `off` never uses X-Ovh-Batch nor Iceberg; default `auto` (used when the server supports them). */
  batch?: 'auto' | 'off';
  fetch?: typeof fetch;
  /** Local clock, milliseconds. */
  now?: () => number;
  /** Random source in [0, 1) for backoff jitter. */
  random?: () => number;
  /** One event per attempt; the consumer key and signature are masked, the secret never included. */
  onDebug?: (event: OvhDebugEvent) => void;
}

interface PreparedCall {
  method: HttpMethod;
  /** Path as given, for error messages. */
  path: string;
  url: string;
  body: string | undefined;
  signed: boolean;
  signal: AbortSignal | undefined;
  timeoutMs: number;
  idempotent: boolean | undefined;
  headers: Readonly<Record<string, string>> | undefined;
}

const DEFAULTS = {
  timeoutMs: 30_000,
  retries: 3,
  retryBaseDelayMs: 250,
  maxRetryDelayMs: 30_000,
  concurrency: 8,
  clockOffsetTtlMs: 10 * 60_000,
} as const;

// Set by the client alone: a caller's header of the same name in any letter case is dropped (fetch
// would otherwise merge both values into one, and the server would read neither).
const CLIENT_OWNED_HEADERS = new Set([
  'accept',
  'content-type',
  'x-ovh-application',
  'x-ovh-consumer',
  'x-ovh-timestamp',
  'x-ovh-signature',
]);

function callerHeaders(headers: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!CLIENT_OWNED_HEADERS.has(name.toLowerCase())) kept[name] = value;
  }
  return kept;
}

function isClockRefusal(error: unknown): boolean {
  return error instanceof InvalidSignatureError || error instanceof QueryTimeOutError;
}

export class OvhClient implements OvhRequester {
  readonly endpointUrl: string;
  private readonly applicationKey: string;
  private readonly applicationSecret: string | undefined;
  private consumerKey: string | undefined;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;
  private readonly timeoutMs: number;
  private readonly retryOptions: RetryPolicyOptions;
  private readonly limiter: ConcurrencyLimiter;
  private readonly rateLimiter: RequestRateLimiter | undefined;
  private readonly clock: ClockOffset;
  private readonly batchMode: 'auto' | 'off';
  private readonly onDebug: ((event: OvhDebugEvent) => void) | undefined;
  private readonly features: ServerFeatures = { batch: 'unknown' };

  constructor(options: OvhClientOptions) {
    this.endpointUrl = resolveEndpoint(
      options.endpoint,
      options.endpointDomain ? { domain: options.endpointDomain } : {},
    );
    if (!options.applicationKey) throw new ConfigError('An application key is required.');
    this.applicationKey = options.applicationKey;
    this.applicationSecret = options.applicationSecret || undefined;
    this.consumerKey = options.consumerKey || undefined;
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.now = options.now ?? Date.now;
    this.timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
    this.retryOptions = {
      retries: options.retries ?? DEFAULTS.retries,
      baseDelayMs: options.retryBaseDelayMs ?? DEFAULTS.retryBaseDelayMs,
      maxDelayMs: options.maxRetryDelayMs ?? DEFAULTS.maxRetryDelayMs,
      random: options.random ?? Math.random,
    };
    this.limiter = new ConcurrencyLimiter(options.concurrency ?? DEFAULTS.concurrency);
    this.rateLimiter = options.requestsPerMinute
      ? new RequestRateLimiter(options.requestsPerMinute)
      : undefined;
    this.batchMode = options.batch ?? 'auto';
    this.onDebug = options.onDebug;
    this.clock = new ClockOffset({
      now: this.now,
      ttlMs: options.clockOffsetTtlMs ?? DEFAULTS.clockOffsetTtlMs,
      fetchServerSeconds: () => this.fetchServerSeconds(),
    });
  }

  /** Replaces (or removes) the consumer key used by signed calls, e.g. after a delegation. */
  setConsumerKey(consumerKey: string | undefined): void {
    this.consumerKey = consumerKey || undefined;
  }

  get hasConsumerKey(): boolean {
    return this.consumerKey !== undefined;
  }

  /** Seconds, server − local (synced lazily, cached for the TTL). */
  async getTimeOffset(signal?: AbortSignal): Promise<number> {
    return (await this.clock.read(signal)).offsetSeconds;
  }

  async request<T>(method: HttpMethod, path: string, options: OvhRequestOptions = {}): Promise<T> {
    return (await this.requestWithMeta<T>(method, path, options)).data;
  }

  get<T>(path: string, options?: Omit<OvhRequestOptions, 'body'>): Promise<T> {
    return this.request<T>('GET', path, options);
  }

  post<T>(path: string, body?: unknown, options?: Omit<OvhRequestOptions, 'body'>): Promise<T> {
    return this.request<T>('POST', path, { ...options, body });
  }

  put<T>(path: string, body?: unknown, options?: Omit<OvhRequestOptions, 'body'>): Promise<T> {
    return this.request<T>('PUT', path, { ...options, body });
  }

  delete<T>(path: string, options?: Omit<OvhRequestOptions, 'body'>): Promise<T> {
    return this.request<T>('DELETE', path, options);
  }

  /** Objects of `${collectionPath}/${id}` for every id, in input order; per-item errors, not thrown. */
  getMany<T>(
    collectionPath: string,
    ids: ReadonlyArray<string | number>,
    options: GetManyOptions = {},
  ): Promise<Array<GetManyItem<T>>> {
    return getManyObjects<T>(this, this.features, collectionPath, ids, {
      ...options,
      batch: options.batch ?? this.batchMode,
    });
  }

  /** Every object of a list route: Iceberg pages when the route serves them, else the ids and getMany. */
  listAll<T>(listPath: string, options: ListAllOptions = {}): Promise<T[]> {
    return listAllObjects<T>(this, this.features, listPath, {
      ...options,
      batch: options.batch ?? this.batchMode,
    });
  }

  async requestWithMeta<T>(
    method: HttpMethod,
    path: string,
    options: OvhRequestOptions = {},
  ): Promise<OvhResponse<T>> {
    const call = this.prepare(method, path, options);
    let attempt = 0;
    let retriesDone = 0;
    let resynced = false;
    for (;;) {
      attempt++;
      const reading = call.signed ? await this.clock.read(call.signal) : undefined;
      try {
        return await this.attempt<T>(call, attempt, reading);
      } catch (error) {
        if (call.signal?.aborted) throw call.signal.reason;
        // The server refused our timestamp or signature: our clock may have moved; sync and retry once.
        if (reading && !resynced && isClockRefusal(error)) {
          resynced = true;
          await this.clock.resync(reading.generation, call.signal);
          continue;
        }
        const decision = decideRetry(
          error,
          { method: call.method, idempotent: call.idempotent, retriesDone },
          this.retryOptions,
        );
        if (!decision.retry) throw error;
        retriesDone++;
        await sleep(decision.delayMs, call.signal);
      }
    }
  }

  private prepare(method: HttpMethod, path: string, options: OvhRequestOptions): PreparedCall {
    const upperMethod = checkHttpMethod(method);
    checkRequestPath(path);
    // Pairs read once: a one-shot iterable is checked and encoded from the same copy.
    const query =
      options.query && Symbol.iterator in options.query
        ? [...(options.query as Iterable<readonly [string, QueryValue]>)]
        : options.query;
    checkQuery(query);
    checkBodyAllowed(upperMethod, options.body);
    const signed = options.signed ?? true;
    if (signed && (!this.applicationSecret || !this.consumerKey)) {
      throw new ConfigError(
        `${upperMethod} ${path} must be signed, but the client has no ${this.applicationSecret ? 'consumer key' : 'application secret'}.`,
      );
    }
    return {
      method: upperMethod,
      path,
      url: buildRequestUrl({ endpointUrl: this.endpointUrl, path, query }),
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signed,
      signal: options.signal,
      timeoutMs: options.timeoutMs ?? this.timeoutMs,
      idempotent: options.idempotent,
      headers: options.headers,
    };
  }

  private buildHeaders(call: PreparedCall, reading: ClockReading | undefined): Record<string, string> {
    const headers: Record<string, string> = { ...callerHeaders(call.headers), Accept: 'application/json' };
    if (call.body !== undefined) headers['Content-Type'] = 'application/json';
    headers['X-Ovh-Application'] = this.applicationKey;
    if (reading) {
      const timestamp = this.clock.timestamp(reading);
      const consumerKey = this.consumerKey!;
      headers['X-Ovh-Consumer'] = consumerKey;
      headers['X-Ovh-Timestamp'] = String(timestamp);
      headers['X-Ovh-Signature'] = signRequest({
        applicationSecret: this.applicationSecret!,
        consumerKey,
        method: call.method,
        url: call.url,
        body: call.body ?? '',
        timestamp,
      });
    }
    return headers;
  }

  private async attempt<T>(
    call: PreparedCall,
    attempt: number,
    reading: ClockReading | undefined,
  ): Promise<OvhResponse<T>> {
    const release = await this.limiter.acquire(call.signal);
    const timeout = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const debug: OvhDebugEvent = {
      method: call.method,
      url: call.url,
      attempt,
      status: 0,
      durationMs: 0,
      headers: {},
    };
    const startedAt = performance.now();
    try {
      await this.rateLimiter?.acquire(call.signal);
      const headers = this.buildHeaders(call, reading);
      debug.headers = maskHeaders(headers);
      timer = setTimeout(() => timeout.abort(), call.timeoutMs);
      const signal = call.signal ? AbortSignal.any([call.signal, timeout.signal]) : timeout.signal;

      let response: Response;
      let bodyText: string;
      try {
        response = await this.fetchImpl(call.url, {
          method: call.method,
          headers,
          body: call.body ?? null,
          signal,
          // A redirect would send the signed headers to a URL they were not signed for.
          redirect: 'manual',
        });
        debug.status = response.status;
        bodyText = await response.text();
      } catch (error) {
        if (call.signal?.aborted) throw call.signal.reason;
        throw failureFromFetchError({
          method: call.method,
          path: call.path,
          error,
          timedOut: timeout.signal.aborted,
          timeoutMs: call.timeoutMs,
        });
      }

      const queryId = response.headers.get('x-ovh-queryid') ?? undefined;
      if (queryId) debug.queryId = queryId;
      if (!response.ok) {
        throw errorFromResponse({
          status: response.status,
          statusText: response.statusText,
          bodyText,
          method: call.method,
          path: call.path,
          queryId,
          retryAfter: response.headers.get('retry-after'),
          nowMs: this.now(),
        });
      }
      const data = this.parseBody<T>(bodyText, call, response.status, queryId);
      const result: OvhResponse<T> = { data, status: response.status, headers: response.headers };
      if (queryId) result.queryId = queryId;
      return result;
    } catch (error) {
      debug.error = error instanceof Error ? error.name : 'Error';
      throw error;
    } finally {
      clearTimeout(timer);
      release();
      debug.durationMs = Math.round(performance.now() - startedAt);
      this.emitDebug(debug);
    }
  }

  private parseBody<T>(bodyText: string, call: PreparedCall, status: number, queryId?: string): T {
    if (bodyText === '') return undefined as T;
    try {
      return JSON.parse(bodyText) as T;
    } catch (error) {
      throw new InvalidResponseError({
        status,
        method: call.method,
        path: call.path,
        reason: `The API answered HTTP ${status} with a body that is not JSON`,
        queryId,
        cause: error,
      });
    }
  }

  private emitDebug(event: OvhDebugEvent): void {
    if (!this.onDebug) return;
    try {
      this.onDebug(event);
    } catch {
      // A failing debug hook must not fail the call.
    }
  }

  private async fetchServerSeconds(): Promise<number> {
    const seconds = await this.request<unknown>('GET', '/auth/time', { signed: false });
    if (typeof seconds !== 'number' || !Number.isInteger(seconds)) {
      throw new InvalidResponseError({
        status: 200,
        method: 'GET',
        path: '/auth/time',
        reason: 'The API answered GET /auth/time with something other than an integer',
      });
    }
    return seconds;
  }
}
