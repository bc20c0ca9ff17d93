/** What the sandbox received, so tests can prove what was and was not sent. */
export interface RequestLogEntry {
  method: string;
  /**
   * Raw path with its query, as received (`/1.0/cloud?x=1`). One longer than
   * MAX_LOGGED_PATH_CHARS keeps its start, then `…[truncated from N chars]`.
   */
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
  /** The Range header of a protocol request (`bytes=1048576-`), so a resumed download shows. */
  range?: string;
}

export type RequestProtocol = 'ovh' | 'keystone' | 'swift' | 's3';

/** `truncate`: the connection drops in the middle of a body (protocol entry points only). */
export type FaultKind = '429' | '500' | '503' | 'drop' | 'truncate';

export const MAX_LOGGED_PATH_CHARS = 2048;

export interface RequestLogLimits {
  /** Newest entries kept at most. */
  maxEntries?: number;
  /** Approximate memory the entries may hold, bytes. */
  maxBytes?: number;
}

/** Per entry beyond its strings: the object, the time and the query id (measured: ~290 bytes in all for a short path). */
const ENTRY_OVERHEAD_BYTES = 280;

/** A copy that holds no reference to the (possibly huge) string it was cut from. */
function detached(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

function loggedPath(path: string): string {
  if (path.length <= MAX_LOGGED_PATH_CHARS) return path;
  return detached(`${path.slice(0, MAX_LOGGED_PATH_CHARS)}…[truncated from ${path.length} chars]`);
}

function sizeOf(entry: RequestLogEntry): number {
  // V8 keeps these one byte per character (latin1 from the parser), two when they hold more.
  return ENTRY_OVERHEAD_BYTES + entry.method.length + entry.path.length;
}

/**
 * The newest entries within a count and a byte budget, oldest evicted first, so a long-running or
 * fuzzed sandbox stays bounded in memory whatever its requests look like.
 */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  /** Index of the oldest kept entry: evicting is moving it, compaction happens now and then. */
  private head = 0;
  private bytes = 0;
  private readonly maxEntries: number;
  private readonly maxBytes: number;

  constructor(limits: RequestLogLimits = {}) {
    this.maxEntries = limits.maxEntries ?? 100_000;
    this.maxBytes = limits.maxBytes ?? 16 * 1024 * 1024;
  }

  add(input: RequestLogEntry): RequestLogEntry {
    // The method needs no cut: Node's parser accepts only the known ones.
    const entry = { ...input, path: loggedPath(input.path) };
    this.entries.push(entry);
    this.bytes += sizeOf(entry);
    while (this.size > this.maxEntries || (this.bytes > this.maxBytes && this.size > 1)) {
      this.bytes -= sizeOf(this.entries[this.head]!);
      this.entries[this.head++] = undefined as unknown as RequestLogEntry;
    }
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
    return entry;
  }

  private get size(): number {
    return this.entries.length - this.head;
  }

  /** Approximate bytes held, for tests and benchmarks. */
  get heldBytes(): number {
    return this.bytes;
  }

  list(): RequestLogEntry[] {
    return this.entries.slice(this.head).map((entry) => ({ ...entry }));
  }

  clear(): void {
    this.entries = [];
    this.head = 0;
    this.bytes = 0;
  }
}
