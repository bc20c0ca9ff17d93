import { setTimeout as sleep } from 'node:timers/promises';
import { type S3KeyRenewal, withKeyRenewal } from './s3-key-renewal.js';

// Which S3 failures are worth another attempt, and the backoff between attempts. The SDK retries
// requests without a streamed body by itself; streamed ones (part and object PUTs) it never
// repeats, so transfers repeat them here, each attempt re-reading its bytes from the file.

export interface RetryOptions {
  /** Attempts in all, per request (default 6). */
  attempts?: number;
  /** First backoff, doubled each time, full jitter (default 200 ms, capped at 5 s). */
  baseDelayMs?: number;
  signal?: AbortSignal;
  /** Replaces a key S3 no longer knows (deleted on the OVH side) and repeats the attempt. */
  keys?: S3KeyRenewal;
}

const TRANSIENT_CODES = new Set([
  'BadDigest',
  'IncompleteBody',
  'InternalError',
  'RequestTimeout',
  'RequestTimeTooSkewed',
  'ServiceUnavailable',
  'SlowDown',
  'ThrottlingException',
  'TimeoutError',
  'XAmzContentSHA256Mismatch',
]);

interface SdkFailure {
  name?: string;
  code?: string;
  syscall?: string;
  $metadata?: { httpStatusCode?: number };
}

export function s3StatusOf(error: unknown): number | undefined {
  return (error as SdkFailure | undefined)?.$metadata?.httpStatusCode;
}

export function s3CodeOf(error: unknown): string | undefined {
  return (error as SdkFailure | undefined)?.name;
}

/**
 * 5xx, 429, throttling, a clock the SDK has just corrected (RequestTimeTooSkewed), a body the
 * server saw damaged, and any failure without an HTTP answer (dropped connection, answer cut
 * short) — but not a local file error nor an abort.
 */
export function isTransientS3Failure(error: unknown): boolean {
  const failure = error as SdkFailure | undefined;
  if (!failure || typeof failure !== 'object') return false;
  if (failure.name === 'AbortError') return false;
  if (failure.syscall && /^(open|read|stat|fstat|close)$/.test(failure.syscall)) return false;
  if (failure.name && TRANSIENT_CODES.has(failure.name)) return true;
  const status = failure.$metadata?.httpStatusCode;
  if (status === undefined) return true;
  return status >= 500 || status === 429 || status === 408;
}

export function backoffMs(attempt: number, baseDelayMs = 200, random = Math.random): number {
  return Math.floor(random() * Math.min(5000, baseDelayMs * 2 ** attempt));
}

/** Runs `attempt` until it succeeds, a non-transient failure, or the attempts are spent. */
export async function withRetries<T>(
  run: (attempt: number) => Promise<T>,
  options: RetryOptions & { isRetryable?: (error: unknown) => boolean } = {},
): Promise<T> {
  const attempts = options.attempts ?? 6;
  const retryable = options.isRetryable ?? isTransientS3Failure;
  for (let attempt = 0; ; attempt += 1) {
    options.signal?.throwIfAborted();
    try {
      return await withKeyRenewal(() => run(attempt), options.keys);
    } catch (error) {
      if (options.signal?.aborted || attempt + 1 >= attempts || !retryable(error)) throw error;
      await sleep(backoffMs(attempt, options.baseDelayMs), undefined, { signal: options.signal });
    }
  }
}

/** What a command marked `singleAttempt` throws instead of letting the SDK send it again. */
export class RetrySuppressedError extends Error {
  override readonly name = 'RetrySuppressed';
  /** A client error to the SDK's retry strategy: it gives up at once. */
  readonly $metadata = { httpStatusCode: 400 };
  constructor(override readonly cause: unknown) {
    super('not sent again before checking whether the first attempt went through');
  }
}

type Handler = (args: unknown) => Promise<unknown>;
type AddMiddleware = (
  middleware: (next: Handler) => Handler,
  options: { step: 'finalizeRequest'; priority: 'low'; name: string },
) => void;

/**
 * Stops the SDK from repeating this command by itself (it repeats any request without a streamed
 * body after a dropped connection): a request that changes state and whose answer may have been
 * lost must be checked first (a HEAD), then sent again by the caller. The first failure comes
 * back as it was; a repeat the SDK tries fails with RetrySuppressedError carrying it.
 */
export function singleAttempt<C extends { middlewareStack: object }>(command: C): C {
  let attempts = 0;
  let first: unknown;
  const stack = command.middlewareStack as { add: AddMiddleware };
  stack.add(
    (next) => async (args) => {
      attempts += 1;
      if (attempts > 1) throw new RetrySuppressedError(first);
      try {
        return await next(args);
      } catch (error) {
        first = error;
        throw error;
      }
    },
    { step: 'finalizeRequest', priority: 'low', name: 'ovhPcaSingleAttempt' },
  );
  return command;
}
