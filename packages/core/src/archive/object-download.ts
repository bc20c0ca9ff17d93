// The product-neutral side of a download: what a backend tells about one object before its bytes
// are read, how to read a byte range of it, and the typed refusals. A writer (platform-node's file
// download, the desktop's) needs nothing else, whatever the protocol (Swift, S3).

/** The MD5 the bytes [start, end) must have (a whole object, or one segment of a manifest). */
export interface ByteRangeChecksum {
  start: number;
  /** Exclusive. */
  end: number;
  /** Lower-case hex. */
  md5: string;
}

/**
 * What can be checked once the bytes are in:
 * - `md5`: the whole body against its ETag (a plain object);
 * - `segments`: each segment of a manifest against the MD5 the server lists for it (the
 *   manifest's own ETag is not an MD5 of the body);
 * - `size`: the byte count only (nothing the server lists can be checked).
 */
export type DownloadVerification = 'md5' | 'segments' | 'size';

/** One object ready to be read. Plain data plus one function: open a byte range. */
export interface DownloadSource {
  key: string;
  bytes: number;
  /**
   * The server's entity tag, as it answered it. Every range is read under it (`If-Match`), so a
   * resumed range of an object replaced meanwhile fails with ObjectChangedError instead of
   * splicing two versions together. A writer keeps it beside a partial file to resume later.
   */
  etag: string;
  lastModified: string | null;
  verification: DownloadVerification;
  /** Ordered, non-overlapping; empty when `verification` is `size`. */
  checksums: readonly ByteRangeChecksum[];
  /**
   * The bytes [start, end) of this version of the object (end exclusive, at most `bytes`). Rejects
   * with ObjectChangedError when the object is no longer the one described, ObjectNotReadyError
   * when it is sealed (again); the stream itself errors when the connection drops mid-body.
   */
  openRange(start: number, end: number, signal?: AbortSignal): Promise<ReadableStream<Uint8Array>>;
}

/** The object is archived (sealed, restoring): it can be read once retrieved, at `readyAt`. */
export class ObjectNotReadyError extends Error {
  override readonly name = 'ObjectNotReadyError';
  readonly key: string;
  /** The product's own state (`sealed`, `unsealing`). */
  readonly state: string;
  /** When it should be readable (ISO); null when the server did not say. */
  readonly readyAt: string | null;

  constructor(key: string, state: string, readyAt: string | null) {
    super(
      readyAt === null
        ? `${key} is ${state}: retrieve it before downloading`
        : `${key} is ${state}: ready at ${readyAt}`,
    );
    this.key = key;
    this.state = state;
    this.readyAt = readyAt;
  }

  toJSON(): { name: string; key: string; state: string; readyAt: string | null; message: string } {
    return {
      name: this.name,
      key: this.key,
      state: this.state,
      readyAt: this.readyAt,
      message: this.message,
    };
  }
}

/** The object changed since it was described (If-Match answered 412, another size). */
export class ObjectChangedError extends Error {
  override readonly name = 'ObjectChangedError';
  readonly key: string;

  constructor(key: string, reason: string) {
    super(`${key} changed on the server while it was being downloaded (${reason})`);
    this.key = key;
  }
}

/** Bytes read do not have the MD5 the server lists for them. */
export class ObjectChecksumError extends Error {
  override readonly name = 'ObjectChecksumError';
  readonly key: string;
  readonly expected: string;
  readonly actual: string;
  readonly start: number;
  readonly end: number;

  constructor(key: string, range: ByteRangeChecksum, actual: string) {
    super(`${key}: MD5 mismatch on bytes ${range.start}-${range.end}: expected ${range.md5}, got ${actual}`);
    this.key = key;
    this.expected = range.md5;
    this.actual = actual;
    this.start = range.start;
    this.end = range.end;
  }
}
