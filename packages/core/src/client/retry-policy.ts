/**
 * When a failed attempt may be sent again, and after how long (exponential backoff, full jitter).
 * Only calls that are safe to repeat are retried: GET, PUT and DELETE, or any call (POST included)
 * that provably never reached a server (connection refused).
 */
import { NetworkError, RateLimitedError, ServerError, TimeoutError } from './errors.js';

export interface RetryPolicyOptions {
  /** Retries after the first attempt. */
  retries: number;
  baseDelayMs: number;
  /** Cap of one backoff delay; a Retry-After longer than this is not waited for. */
  maxDelayMs: number;
  /** Random source in [0, 1), for the jitter. */
  random: () => number;
}

export interface RetryContext {
  method: string;
  /** Caller's override of the method's idempotency (e.g. a POST known to be safe to repeat). */
  idempotent?: boolean | undefined;
  /** Retries already made for this call. */
  retriesDone: number;
}

export type RetryDecision = { retry: false } | { retry: true; delayMs: number };

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);
const RETRIED_SERVER_STATUSES = new Set([502, 503, 504]);

/** Full jitter: uniform in [0, min(max, base × 2^retryIndex)). */
export function backoffDelayMs(retryIndex: number, options: RetryPolicyOptions): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retryIndex);
  return Math.floor(options.random() * ceiling);
}

function isRetryableFailure(error: unknown, method: string, declaredIdempotent: boolean): boolean {
  if (error instanceof NetworkError || error instanceof TimeoutError || error instanceof RateLimitedError) {
    return true;
  }
  if (error instanceof ServerError) {
    // A 500 may come from a half-done change; only a GET, or a call its caller declared safe to
    // repeat (a token request), cannot have changed anything that matters.
    return (
      RETRIED_SERVER_STATUSES.has(error.status) ||
      (error.status === 500 && (method === 'GET' || declaredIdempotent))
    );
  }
  return false;
}

export function decideRetry(
  error: unknown,
  context: RetryContext,
  options: RetryPolicyOptions,
): RetryDecision {
  if (context.retriesDone >= options.retries) return { retry: false };
  const neverReachedServer = error instanceof NetworkError && error.connectionRefused;
  const repeatable = context.idempotent ?? IDEMPOTENT_METHODS.has(context.method);
  if (!neverReachedServer && !repeatable) return { retry: false };
  if (!isRetryableFailure(error, context.method, context.idempotent === true)) return { retry: false };

  const backoff = backoffDelayMs(context.retriesDone, options);
  if (error instanceof RateLimitedError && error.retryAfterSeconds !== undefined) {
    const retryAfterMs = error.retryAfterSeconds * 1000;
    if (retryAfterMs > options.maxDelayMs) return { retry: false };
    return { retry: true, delayMs: Math.max(retryAfterMs, backoff) };
  }
  return { retry: true, delayMs: backoff };
}
