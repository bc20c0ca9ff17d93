/** Classifies a failed fetch (no HTTP answer) as a timeout or a network error. */
import { NetworkError, TimeoutError } from './errors.js';

/** Searches the `cause` chain (and AggregateError members, as happy-eyeballs connects produce) for a code. */
export function hasErrorCode(error: unknown, code: string, depth = 0): boolean {
  if (depth > 8 || typeof error !== 'object' || error === null) return false;
  const candidate = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (candidate.code === code) return true;
  if (
    Array.isArray(candidate.errors) &&
    candidate.errors.some((inner) => hasErrorCode(inner, code, depth + 1))
  ) {
    return true;
  }
  return hasErrorCode(candidate.cause, code, depth + 1);
}

function innermostMessage(error: unknown): string {
  let current: unknown = error;
  let message = error instanceof Error ? error.message : String(error);
  for (let depth = 0; depth < 8 && current instanceof Error; depth++) {
    if (current.message) message = current.message;
    current = current.cause;
  }
  return message;
}

export interface FailedAttempt {
  method: string;
  path: string;
  error: unknown;
  timedOut: boolean;
  timeoutMs: number;
}

export function failureFromFetchError(attempt: FailedAttempt): NetworkError | TimeoutError {
  const { method, path, error } = attempt;
  if (attempt.timedOut) {
    return new TimeoutError({ status: 0, method, path, reason: `No answer within ${attempt.timeoutMs} ms` });
  }
  const connectionRefused = hasErrorCode(error, 'ECONNREFUSED');
  const reason = connectionRefused
    ? 'Connection refused by the API server'
    : `Network error: ${innermostMessage(error)}`;
  return new NetworkError({ method, path, reason, connectionRefused, cause: error });
}
