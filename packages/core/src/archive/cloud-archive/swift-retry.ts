import { sleep } from '../../client/abortable-wait.js';
import { SwiftError } from './swift-error.js';

/** Retries of one Swift call after a 5xx, a 429, a dropped connection or a cut body. */
const MAX_RETRIES = 5;
const RETRY_BASE_MS = 200;
const RETRY_CAP_MS = 5000;
/** A Retry-After longer than this is not waited for here. */
const MAX_RETRY_AFTER_MS = 30_000;

/**
 * Runs `work` again after a transient failure (jittered backoff), at most MAX_RETRIES times. Only
 * for calls that are safe to repeat as they are: a GET, a HEAD, a container PUT; an object PUT
 * whose answer may have been lost is checked by its caller before it is sent again.
 */
export async function retryingSwiftCall<T>(
  signal: AbortSignal | undefined,
  work: () => Promise<T>,
): Promise<T> {
  for (let retries = 0; ; retries += 1) {
    try {
      return await work();
    } catch (error) {
      if (signal?.aborted || retries >= MAX_RETRIES) throw error;
      const delayMs = swiftRetryDelayMs(error, retries);
      if (delayMs === undefined) throw error;
      await sleep(delayMs, signal);
    }
  }
}

/** How long to wait before repeating a failed call, or undefined when it must not be repeated. */
export function swiftRetryDelayMs(error: unknown, retries: number): number | undefined {
  const backoff = Math.floor(Math.random() * Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** retries));
  // fetch's TypeError (connection dropped, body terminated) or JSON cut short; API v1 errors (the
  // access request) were retried by the OVH client already.
  if (!(error instanceof SwiftError)) {
    return error instanceof TypeError || error instanceof SyntaxError ? backoff : undefined;
  }
  if (error.status === 429) {
    const hinted = (error.retryAfterSeconds ?? 1) * 1000;
    return hinted <= MAX_RETRY_AFTER_MS ? Math.max(hinted, backoff) : undefined;
  }
  return [500, 502, 503, 504].includes(error.status) ? backoff : undefined;
}
