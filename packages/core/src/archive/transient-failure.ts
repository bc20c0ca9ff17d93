import { NetworkError, RateLimitedError, ServerError, TimeoutError } from '../client/index.js';

/**
 * A failure after which the server may or may not have acted: 5xx, 429, a dropped connection, a
 * timeout. The client does not repeat a DELETE answered 500 (it may be half done), so the model
 * reads the object's state before deciding to send it again.
 */
export function isTransientFailure(error: unknown): boolean {
  return (
    error instanceof ServerError ||
    error instanceof NetworkError ||
    error instanceof TimeoutError ||
    error instanceof RateLimitedError
  );
}
