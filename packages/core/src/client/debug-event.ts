/** What the `onDebug` hook receives: one event per attempt, with the consumer key and signature masked. */

export interface OvhDebugEvent {
  method: string;
  /** The absolute URL sent (it carries no secret). */
  url: string;
  /** 1 for the first attempt of a call, 2 for its first retry, … */
  attempt: number;
  /** HTTP status; 0 when no answer arrived. */
  status: number;
  durationMs: number;
  queryId?: string;
  /** Request headers; X-Ovh-Consumer and X-Ovh-Signature are masked. */
  headers: Record<string, string>;
  /** Name of the error this attempt ended with (e.g. `NetworkError`), if any. */
  error?: string;
}

const MASKED_HEADERS = new Set(['x-ovh-consumer', 'x-ovh-signature']);
export const MASK = '***';

export function maskHeaders(headers: Record<string, string>): Record<string, string> {
  const masked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    masked[name] = MASKED_HEADERS.has(name.toLowerCase()) ? MASK : value;
  }
  return masked;
}
