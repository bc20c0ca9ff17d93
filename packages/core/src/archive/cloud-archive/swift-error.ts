// A Swift answer that is not a success. Carries the status and a path without any token; Swift's
// bodies are short HTML pages, reduced to their text.

export class SwiftError extends Error {
  override readonly name = 'SwiftError';
  readonly status: number;
  readonly method: string;
  /** Container and object, as addressed (never the account URL's token). */
  readonly path: string;
  /** Swift's X-Trans-Id, for support. */
  readonly queryId: string | undefined;
  /** Retry-After of a 429, in seconds. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: {
    status: number;
    method: string;
    path: string;
    reason: string;
    queryId?: string;
    retryAfterSeconds?: number;
  }) {
    super(
      `Swift ${init.method} ${init.path}: ${init.status} ${init.reason}${init.queryId ? ` [${init.queryId}]` : ''}`,
    );
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.queryId = init.queryId;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

/** Retry-After as seconds (delta or HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - nowMs) / 1000));
}

/** The text of Swift's HTML error page, cut short. */
export function swiftReason(body: string, fallback: string): string {
  const text = body
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return (text || fallback).slice(0, 200);
}
