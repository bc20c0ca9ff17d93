import { describe, expect, it } from 'vitest';
import {
  BadParametersError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  TimeoutError,
} from './errors.js';
import { backoffDelayMs, decideRetry, type RetryPolicyOptions } from './retry-policy.js';

const options: RetryPolicyOptions = { retries: 3, baseDelayMs: 100, maxDelayMs: 1_000, random: () => 0.5 };
const where = { method: 'GET', path: '/x', reason: 'r' };
const networkError = (connectionRefused: boolean) => new NetworkError({ ...where, connectionRefused });
const server = (status: number) => new ServerError({ ...where, status });

describe('decideRetry', () => {
  it.each(['GET', 'PUT', 'DELETE'])(
    'retries %s on network errors, timeouts, 429 and 502/503/504',
    (method) => {
      const context = { method, retriesDone: 0 };
      for (const error of [
        networkError(false),
        new TimeoutError({ ...where, status: 0 }),
        new RateLimitedError({ ...where, status: 429 }),
        server(502),
        server(503),
        server(504),
      ]) {
        expect(decideRetry(error, context, options).retry).toBe(true);
      }
    },
  );

  it('does not retry client errors', () => {
    const context = { method: 'GET', retriesDone: 0 };
    expect(decideRetry(new NotFoundError({ ...where, status: 404 }), context, options)).toEqual({
      retry: false,
    });
    expect(decideRetry(new BadParametersError({ ...where, status: 400 }), context, options)).toEqual({
      retry: false,
    });
    expect(decideRetry(new Error('bug'), context, options)).toEqual({ retry: false });
  });

  it('retries a 500 only for GET, or a call declared idempotent', () => {
    expect(decideRetry(server(500), { method: 'GET', retriesDone: 0 }, options).retry).toBe(true);
    expect(decideRetry(server(500), { method: 'PUT', retriesDone: 0 }, options).retry).toBe(false);
    expect(decideRetry(server(500), { method: 'POST', retriesDone: 0 }, options).retry).toBe(false);
    expect(
      decideRetry(server(500), { method: 'POST', idempotent: true, retriesDone: 0 }, options).retry,
    ).toBe(true);
  });

  it('retries a POST only when the connection was refused', () => {
    const post = { method: 'POST', retriesDone: 0 };
    expect(decideRetry(networkError(true), post, options).retry).toBe(true);
    expect(decideRetry(networkError(false), post, options).retry).toBe(false);
    expect(decideRetry(server(503), post, options).retry).toBe(false);
    expect(decideRetry(new RateLimitedError({ ...where, status: 429 }), post, options).retry).toBe(false);
    expect(decideRetry(new TimeoutError({ ...where, status: 0 }), post, options).retry).toBe(false);
  });

  it('lets the caller declare a call idempotent or not', () => {
    expect(
      decideRetry(server(503), { method: 'POST', idempotent: true, retriesDone: 0 }, options).retry,
    ).toBe(true);
    expect(
      decideRetry(server(503), { method: 'GET', idempotent: false, retriesDone: 0 }, options).retry,
    ).toBe(false);
  });

  it('stops after the configured number of retries', () => {
    expect(decideRetry(server(503), { method: 'GET', retriesDone: 2 }, options).retry).toBe(true);
    expect(decideRetry(server(503), { method: 'GET', retriesDone: 3 }, options).retry).toBe(false);
  });

  it('honours Retry-After, and gives up when it is longer than the longest wait', () => {
    const limited = (retryAfterSeconds: number) =>
      new RateLimitedError({ ...where, status: 429, retryAfterSeconds });
    expect(decideRetry(limited(1), { method: 'GET', retriesDone: 0 }, options)).toEqual({
      retry: true,
      delayMs: 1_000,
    });
    expect(decideRetry(limited(2), { method: 'GET', retriesDone: 0 }, options)).toEqual({ retry: false });
  });
});

describe('backoffDelayMs', () => {
  it('draws uniformly below base × 2^n, capped (full jitter)', () => {
    const at = (random: number, retryIndex: number) =>
      backoffDelayMs(retryIndex, { ...options, random: () => random });
    expect(at(0.5, 0)).toBe(50);
    expect(at(0.5, 1)).toBe(100);
    expect(at(0.5, 3)).toBe(400);
    expect(at(0.999, 10)).toBe(999);
    expect(at(0, 5)).toBe(0);
  });
});
