import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from '@smithy/types';

export interface S3RetryOptions {
  /** Attempts in all, the first one included. Default 6. */
  maxAttempts?: number;
  /** First backoff ceiling; doubles each retry (full jitter). Default 200 ms. */
  baseDelayMs?: number;
  /** Longest backoff, and longest Retry-After honoured. Default 5 000 ms. */
  maxDelayMs?: number;
  random?: () => number;
}

function token(count: number, delay: number): RetryToken {
  return { getRetryCount: () => count, getRetryDelay: () => delay };
}

/**
 * The SDK's standard strategy keeps a retry quota (500 tokens, 5 per retry) shared by the client:
 * under a 20 % fault rate over a thousand requests it runs dry and then gives up on transient
 * errors. This one retries every transient, throttling and server error (clock-skew errors are
 * transient: the SDK has corrected its clock by then) up to `maxAttempts`, with full-jitter
 * exponential backoff, and never a client error (a 403, a 404).
 */
export function createS3RetryStrategy(options: S3RetryOptions = {}): RetryStrategyV2 {
  const maxAttempts = options.maxAttempts ?? 6;
  const base = options.baseDelayMs ?? 200;
  const cap = options.maxDelayMs ?? 5000;
  const random = options.random ?? Math.random;
  return {
    acquireInitialRetryToken: async () => token(0, 0),
    refreshRetryTokenForRetry: async (previous: RetryToken, info: RetryErrorInfo) => {
      const count = previous.getRetryCount() + 1;
      if (info.errorType === 'CLIENT_ERROR' || count >= maxAttempts) throw info.error;
      const hinted = info.retryAfterHint ? info.retryAfterHint.getTime() - Date.now() : 0;
      const backoff = random() * Math.min(cap, base * 2 ** (count - 1));
      return token(count, Math.min(cap, Math.max(backoff, hinted)));
    },
    recordSuccess: () => {},
  };
}
