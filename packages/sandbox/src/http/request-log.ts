/** What the sandbox received, so tests can prove what was and was not sent. */
export interface RequestLogEntry {
  method: string;
  /** Raw path with its query, as received (`/1.0/cloud?x=1`). */
  path: string;
  /** HTTP status answered; 0 when the connection was dropped (fault) or closed before an answer. */
  status: number;
  /** Sandbox clock when the request arrived, ISO 8601. */
  time: string;
  queryId: string;
  /** Set when fault injection decided the answer: `429`, `500`, `503`, `drop` or `truncate`. */
  fault?: FaultKind;
  /** Which entry point received it: `ovh` (API v1), `keystone` or `swift`. */
  protocol?: RequestProtocol;
  /** Region of a Swift request. */
  region?: string;
}

export type RequestProtocol = 'ovh' | 'keystone' | 'swift' | 's3';

/** `truncate`: the connection drops in the middle of a body (protocol entry points only). */
export type FaultKind = '429' | '500' | '503' | 'drop' | 'truncate';

/** Keeps the newest entries only, so a long-running sandbox does not grow without bound. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];

  constructor(private readonly limit = 100_000) {}

  add(entry: RequestLogEntry): RequestLogEntry {
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
    return entry;
  }

  list(): RequestLogEntry[] {
    return this.entries.map((entry) => ({ ...entry }));
  }

  clear(): void {
    this.entries = [];
  }
}
