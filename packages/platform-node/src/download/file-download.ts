import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type FileHandle, mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import {
  ArchiveNotFoundError,
  type DownloadSource,
  ObjectChangedError,
  ObjectChecksumError,
  ObjectNotReadyError,
} from '@ovh-pca/core';
import { forEachBounded } from '../bounded-work.js';
import { bytesMoved } from '../memory-pacer.js';
import { BackgroundFileHasher } from './background-file-hasher.js';
import { completedPieces, type PartRecord, pieceRecord, planPieces } from './download-pieces.js';
import { RangeVerifier } from './range-verifier.js';
import { SharedDataSync } from './shared-data-sync.js';

export interface FileDownloadProgress {
  key: string;
  /** Bytes in the partial file (resumed ones included). */
  received: number;
  total: number;
}

export interface FileDownloadOptions {
  /** The file to create; its folder is created. Never written to: bytes go to `.<name>.part`. */
  target: string;
  /**
   * Describes the object: size, ETag, checksums and its ranges (a backend's `openDownload`). Called
   * once, and again when the object changed under the download (then it starts from zero, once).
   */
  open(signal?: AbortSignal): Promise<DownloadSource>;
  /** Failed reads in a row (no byte received between them) before giving up. Default 6. */
  attempts?: number;
  /** First retry delay, doubled each time up to 10 s, with jitter. Default 250 ms. */
  retryBaseMs?: number;
  /** Range reads at once for a large object (default 4, as rclone's multi-thread download); 1: one stream. */
  streams?: number;
  /** Objects of at least this size are read in parallel pieces (default 256 MiB, near rclone's cutoff). */
  parallelMinBytes?: number;
  /** Size of a piece when the server lists no segment MD5s to cut along (default 64 MiB). */
  pieceBytes?: number;
  onProgress?(progress: FileDownloadProgress): void;
  signal?: AbortSignal;
}

export interface FileDownloadResult {
  key: string;
  path: string;
  bytes: number;
  /** `skipped`: the file was already there, complete and identical (checked by its MD5s). */
  outcome: 'downloaded' | 'skipped';
  /** Bytes of an earlier partial file that were kept (re-hashed, not downloaded again). */
  resumedFrom: number;
  /** Range reads sent (first one included). */
  reads: number;
  verification: DownloadSource['verification'];
}

const MAX_RETRY_MS = 10_000;
/** Writes of at least this size: fewer system calls than one per network chunk. */
const WRITE_BATCH = 256 * 1024;
const MIB = 1024 * 1024;
/** Re-hashing a kept file or a resumed partial one: large reads, one MD5 pass. */
const READ_BACK_CHUNK = MIB;

export function partPathOf(target: string): string {
  return join(dirname(target), `.${basename(target)}.part`);
}
const recordPathOf = (part: string) => `${part}.json`;

class ShortBodyError extends Error {
  override readonly name = 'ShortBodyError';
}

/** Worth another read: a dropped connection, a cut body, a server error; not a refusal or a disk error. */
function isRetryable(error: unknown): boolean {
  if (
    error instanceof ObjectChangedError ||
    error instanceof ObjectChecksumError ||
    error instanceof ObjectNotReadyError ||
    error instanceof ArchiveNotFoundError
  ) {
    return false;
  }
  const fields = error as { syscall?: unknown; status?: unknown; name?: unknown };
  if (typeof fields?.syscall === 'string' || fields?.name === 'AbortError') return false;
  const status = typeof fields?.status === 'number' ? fields.status : 0;
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

async function readRecord(path: string): Promise<PartRecord | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as PartRecord;
  } catch {
    return undefined;
  }
}

async function sizeOf(path: string): Promise<number | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : undefined;
  } catch {
    return undefined;
  }
}

/** Feeds the first `length` bytes of a file to the verifier (a partial file resumed, a file kept). */
async function rehash(path: string, length: number, verifier: RangeVerifier, signal?: AbortSignal) {
  if (length === 0) return;
  const stream = createReadStream(path, {
    start: 0,
    end: length - 1,
    signal,
    highWaterMark: READ_BACK_CHUNK,
  });
  for await (const chunk of stream) {
    verifier.update(chunk as Buffer);
    bytesMoved((chunk as Buffer).length);
  }
}

/** The MD5 of bytes [start, end) of a file. */
async function md5Of(path: string, start: number, end: number, signal?: AbortSignal): Promise<string> {
  const hash = createHash('md5');
  const stream = createReadStream(path, { start, end: end - 1, signal, highWaterMark: READ_BACK_CHUNK });
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    bytesMoved((chunk as Buffer).length);
  }
  return hash.digest('hex');
}

const writeRecord = (path: string, record: PartRecord) => writeFile(path, JSON.stringify(record));

/** Whether `target` already holds exactly this object (size, and every MD5 the server lists). */
async function isIdentical(target: string, source: DownloadSource, signal?: AbortSignal): Promise<boolean> {
  if ((await sizeOf(target)) !== source.bytes || source.verification === 'size') return false;
  try {
    await rehash(target, source.bytes, new RangeVerifier(source.key, source.checksums), signal);
    return true;
  } catch (error) {
    if (error instanceof ObjectChecksumError) return false;
    throw error;
  }
}

/** Writes the buffers one after the other at `position` (one writev, more when it falls short). */
async function writeAll(
  handle: FileHandle,
  buffers: readonly Uint8Array[],
  length: number,
  position: number,
): Promise<void> {
  let written = (await handle.writev(buffers as Uint8Array[], position)).bytesWritten;
  while (written < length) {
    // A short write (rare on files): the rest, from where it stopped.
    let skip = written;
    const rest: Uint8Array[] = [];
    for (const buffer of buffers) {
      if (skip >= buffer.length) skip -= buffer.length;
      else {
        rest.push(buffer.subarray(skip));
        skip = 0;
      }
    }
    written += (await handle.writev(rest, position + written)).bytesWritten;
  }
}

/** fsync of a folder makes a rename in it durable; not every platform lets one open a folder. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a directory: the rename is as durable as it gets there.
  }
}

/**
 * Streams one object into `target`: bytes go to `<folder>/.<name>.part` (never under the final
 * name), one buffer at a time per reader (memory stays bounded whatever the size: the next bytes
 * are read only once the last ones are written). A dropped connection or a cut body is resumed
 * with a Range from the last byte written, with backoff, `attempts` times in a row at most.
 * An object of `parallelMinBytes` or more is read as pieces, `streams` at once, each written at
 * its offset; otherwise as one stream, MD5 computed as bytes arrive. An interrupted run leaves
 * the partial file and its record (`.part.json`: key, ETag, size; for pieces, which ones are
 * complete), and the next run keeps those bytes (re-hashed) when the object is still the same
 * version, else starts from zero. When whole and verified: fsync, rename to `target`, fsync of
 * the folder. An existing `target` already complete and identical is left alone (`skipped`).
 */
export async function downloadToFile(options: FileDownloadOptions): Promise<FileDownloadResult> {
  const { target, signal } = options;
  const part = partPathOf(target);
  const recordPath = recordPathOf(part);
  await mkdir(dirname(target), { recursive: true });
  let source = await options.open(signal);
  if (await isIdentical(target, source, signal)) {
    // A partial file left beside it by an earlier run has nothing left to give.
    await Promise.all([rm(part, { force: true }), rm(recordPath, { force: true })]);
    return {
      key: source.key,
      path: target,
      bytes: source.bytes,
      outcome: 'skipped',
      resumedFrom: 0,
      reads: 0,
      verification: source.verification,
    };
  }
  const streams = Math.max(1, options.streams ?? 4);
  const parallelMinBytes = Math.max(1, options.parallelMinBytes ?? 256 * MIB);
  const reads = { count: 0 };
  for (let restarts = 0; ; restarts += 1) {
    const record = await readRecord(recordPath);
    const partBytes = (await sizeOf(part)) ?? 0;
    const sameVersion =
      record?.etag === source.etag && record.bytes === source.bytes && record.key === source.key;
    // A partial file an earlier run wrote as one stream is resumed as one stream.
    const oneStreamLeft =
      sameVersion && record.pieces === undefined && partBytes > 0 && partBytes <= source.bytes;
    const job: DownloadJob = { source, part, recordPath, options, reads };
    try {
      const resumedFrom =
        streams > 1 && source.bytes >= parallelMinBytes && !oneStreamLeft
          ? await intoPieces(job, record, streams, options.pieceBytes ?? 64 * MIB)
          : await intoOneStream(job, oneStreamLeft ? partBytes : 0);
      await rename(part, target);
      await syncFolder(dirname(target));
      await rm(recordPath, { force: true });
      return {
        key: source.key,
        path: target,
        bytes: source.bytes,
        outcome: 'downloaded',
        resumedFrom,
        reads: reads.count,
        verification: source.verification,
      };
    } catch (error) {
      // Bytes that failed their MD5 are never kept; after a change, they belong to another version.
      const discard = error instanceof ObjectChecksumError || error instanceof ObjectChangedError;
      if (discard) await Promise.all([rm(part, { force: true }), rm(recordPath, { force: true })]);
      // Once: a partial file from an earlier run that did not verify, or a version replaced meanwhile.
      if (discard && restarts === 0) {
        if (error instanceof ObjectChangedError) source = await options.open(signal);
        continue;
      }
      throw error;
    }
  }
}

interface DownloadJob {
  source: DownloadSource;
  part: string;
  recordPath: string;
  options: FileDownloadOptions;
  reads: { count: number };
}

/** The whole object as one stream from `offset` (bytes before it kept and re-hashed); returns `offset`. */
async function intoOneStream(job: DownloadJob, offset: number): Promise<number> {
  const { source, part, options } = job;
  if (offset === 0) {
    await writeFile(part, '');
    await writeRecord(job.recordPath, { key: source.key, etag: source.etag, bytes: source.bytes });
  }
  const verifier = new RangeVerifier(source.key, source.checksums);
  const handle = await open(part, 'r+');
  try {
    await handle.truncate(offset);
    await rehash(part, offset, verifier, options.signal);
    let received = offset;
    options.onProgress?.({ key: source.key, received, total: source.bytes });
    await readRangeInto(job, handle, offset, source.bytes, options.signal, {
      take: (chunk) => verifier.update(chunk),
      written: (length) => {
        received += length;
        options.onProgress?.({ key: source.key, received, total: source.bytes });
      },
    });
    if (source.bytes === 0) verifier.update(new Uint8Array(0));
    await handle.sync();
  } finally {
    await handle.close().catch(() => {});
  }
  return offset;
}

/**
 * The object as pieces, `streams` read at once into a file of its full size, each at its offset.
 * A piece with its own MD5 (a manifest's segment) is checked as soon as it is in; otherwise a
 * worker thread reads the file back against the object's MD5 as the pieces complete from offset
 * 0, so little is left to hash after the last byte. A piece is listed complete in the record only
 * once its bytes are fsynced, by one shared fdatasync the readers do not wait for. Returns the
 * bytes kept from an earlier run.
 */
async function intoPieces(
  job: DownloadJob,
  record: PartRecord | undefined,
  streams: number,
  pieceBytes: number,
): Promise<number> {
  const { source, part, options } = job;
  const pieces = planPieces(source, Math.max(1, pieceBytes));
  let done = completedPieces(record, source, pieces);
  if (done.size > 0 && (await sizeOf(part)) !== source.bytes) done = new Set();
  if (done.size === 0) await writeFile(part, '');
  const handle = await open(part, 'r+');
  // The first failure stops the other readers.
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const readBack =
    !pieces.every((piece) => piece.md5) && source.checksums.length > 0
      ? new BackgroundFileHasher(source.key, part, source.checksums)
      : undefined;
  const syncs = new SharedDataSync(handle);
  const recorded: Promise<void>[] = [];
  try {
    await handle.truncate(source.bytes);
    // Kept segments are checked again (the run before may have died while writing one).
    for (const index of done) {
      const piece = pieces[index]!;
      if (piece.md5 && (await md5Of(part, piece.start, piece.end, signal)) !== piece.md5) done.delete(index);
    }
    let saving = writeRecord(job.recordPath, pieceRecord(source, pieces, done));
    await saving;
    let kept = 0;
    for (const index of done) kept += pieces[index]!.end - pieces[index]!.start;
    let received = kept;
    options.onProgress?.({ key: source.key, received, total: source.bytes });
    // Pieces whose bytes are written (fsynced or not): the read-back follows their prefix.
    const written = new Set(done);
    let prefix = 0;
    const advanceReadBack = () => {
      while (prefix < pieces.length && written.has(prefix)) prefix += 1;
      if (prefix > 0) readBack?.hashUpTo(pieces[prefix - 1]!.end);
    };
    advanceReadBack();
    const missing = pieces.flatMap((_, index) => (done.has(index) ? [] : [index]));
    await forEachBounded(missing, streams, async (index) => {
      const piece = pieces[index]!;
      const hash = piece.md5 ? createHash('md5') : undefined;
      try {
        await readRangeInto(job, handle, piece.start, piece.end, signal, {
          take: (chunk) => hash?.update(chunk),
          written: (length) => {
            received += length;
            options.onProgress?.({ key: source.key, received, total: source.bytes });
          },
        });
        if (hash && piece.md5) {
          const actual = hash.digest('hex');
          if (actual !== piece.md5) {
            throw new ObjectChecksumError(
              source.key,
              { start: piece.start, end: piece.end, md5: piece.md5 },
              actual,
            );
          }
        }
        written.add(index);
        advanceReadBack();
        // Listed complete once on disk; one record write at a time, each with every piece so far.
        const listing = syncs.request().then(() => {
          done.add(index);
          saving = saving.then(() => writeRecord(job.recordPath, pieceRecord(source, pieces, done)));
          return saving;
        });
        listing.catch((error) => stop.abort(error));
        recorded.push(listing);
      } catch (error) {
        stop.abort(error);
        throw error;
      }
    });
    await Promise.all(recorded);
    await readBack?.verify(source.bytes, options.signal);
    await handle.sync();
    return kept;
  } finally {
    await Promise.allSettled(recorded);
    await readBack?.stop();
    await handle.close().catch(() => {});
  }
}

/**
 * Bytes [start, end) of the object into the file at the same offsets: `take` sees each chunk in
 * order, `written` each batch once on disk. A dropped connection or a cut body is read again
 * from the last byte written, with backoff, `attempts` failures in a row at most.
 */
async function readRangeInto(
  job: DownloadJob,
  handle: FileHandle,
  start: number,
  end: number,
  signal: AbortSignal | undefined,
  sink: CopySink,
): Promise<void> {
  const attempts = Math.max(1, job.options.attempts ?? 6);
  const retryBaseMs = job.options.retryBaseMs ?? 250;
  const written = { offset: start };
  let failures = 0;
  while (written.offset < end) {
    job.reads.count += 1;
    const before = written.offset;
    try {
      const stream = await job.source.openRange(written.offset, end, signal);
      await copyInto(handle, stream, written, end, job.source.key, sink);
      if (written.offset < end) throw new ShortBodyError(`body ended at byte ${written.offset}`);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (written.offset > before) failures = 0;
      failures += 1;
      if (!isRetryable(error) || failures >= attempts) throw error;
      const ceiling = Math.min(MAX_RETRY_MS, retryBaseMs * 2 ** (failures - 1));
      await delay(ceiling / 2 + Math.random() * (ceiling / 2), undefined, { signal });
    }
  }
}

interface CopySink {
  take(chunk: Uint8Array): void;
  written(length: number): void;
}

/**
 * Copies a range's body into the partial file from `written.offset`, moving it on as bytes reach
 * the file (also when the body fails midway: those bytes are kept).
 */
async function copyInto(
  handle: FileHandle,
  stream: ReadableStream<Uint8Array>,
  written: { offset: number },
  end: number,
  key: string,
  sink: CopySink,
): Promise<void> {
  const reader = stream.getReader();
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const buffers = pending;
    const length = pendingBytes;
    pending = [];
    pendingBytes = 0;
    await writeAll(handle, buffers, length, written.offset);
    written.offset += length;
    sink.written(length);
    bytesMoved(length);
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (written.offset + pendingBytes + value.length > end) {
        throw new ObjectChangedError(key, 'more bytes than its size');
      }
      sink.take(value);
      pending.push(value);
      pendingBytes += value.length;
      if (pendingBytes >= WRITE_BATCH) await flush();
    }
  } catch (error) {
    // Our own refusal (a bad MD5, too many bytes) leaves the connection open: close it.
    await reader.cancel().catch(() => {});
    throw error;
  } finally {
    reader.releaseLock();
    // What arrived before a drop is kept: the next Range starts after it. A disk error here wins
    // over the network's (it is not worth a retry).
    await flush();
  }
}
