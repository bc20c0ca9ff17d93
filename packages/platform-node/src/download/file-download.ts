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
import { RangeVerifier } from './range-verifier.js';

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

/** What sits beside a partial file: which version of which object its bytes belong to. */
interface PartRecord {
  key: string;
  etag: string;
  bytes: number;
}

const MAX_RETRY_MS = 10_000;
/** Writes of at least this size: fewer system calls than one per network chunk. */
const WRITE_BATCH = 1024 * 1024;

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
  for await (const chunk of createReadStream(path, { start: 0, end: length - 1, signal })) {
    verifier.update(chunk as Buffer);
  }
}

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

async function writeAll(handle: FileHandle, buffer: Uint8Array, position: number): Promise<void> {
  let written = 0;
  while (written < buffer.length) {
    const { bytesWritten } = await handle.write(buffer, written, buffer.length - written, position + written);
    written += bytesWritten;
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
 * name), one buffer at a time (memory stays bounded whatever the size: the next bytes are read only
 * once the last ones are written), MD5 computed as they arrive. A dropped connection or a cut body
 * is resumed with a Range from the last byte written, with backoff, `attempts` times in a row at
 * most; an interrupted run leaves the partial file and its record (`.part.json`: key, ETag, size),
 * and the next run keeps its bytes (re-hashed) when the object is still the same version, else
 * starts from zero. When whole and verified: fsync, rename to `target`, fsync of the folder.
 * An existing `target` that is already complete and identical is left alone (`skipped`).
 */
export async function downloadToFile(options: FileDownloadOptions): Promise<FileDownloadResult> {
  const { target, signal } = options;
  const attempts = Math.max(1, options.attempts ?? 6);
  const retryBaseMs = options.retryBaseMs ?? 250;
  const part = partPathOf(target);
  const recordPath = recordPathOf(part);
  await mkdir(dirname(target), { recursive: true });
  let source = await options.open(signal);
  if (await isIdentical(target, source, signal)) {
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
  let reads = 0;
  for (let restarts = 0; ; restarts += 1) {
    const record = await readRecord(recordPath);
    const partBytes = (await sizeOf(part)) ?? 0;
    const sameVersion =
      record?.etag === source.etag && record.bytes === source.bytes && record.key === source.key;
    let offset = sameVersion && partBytes <= source.bytes ? partBytes : 0;
    if (offset === 0) {
      await writeFile(part, '');
      await writeFile(
        recordPath,
        JSON.stringify({ key: source.key, etag: source.etag, bytes: source.bytes }),
      );
    }
    const verifier = new RangeVerifier(source.key, source.checksums);
    const handle = await open(part, 'r+');
    try {
      await handle.truncate(offset);
      await rehash(part, offset, verifier, signal);
      const resumedFrom = offset;
      options.onProgress?.({ key: source.key, received: offset, total: source.bytes });
      let failures = 0;
      const written = { offset };
      while (offset < source.bytes) {
        reads += 1;
        try {
          const stream = await source.openRange(offset, source.bytes, signal);
          const before = offset;
          await copyInto(handle, stream, written, source, verifier, options).finally(() => {
            offset = written.offset;
            if (offset > before) failures = 0;
          });
          if (offset < source.bytes) throw new ShortBodyError(`body ended at byte ${offset}`);
        } catch (error) {
          if (signal?.aborted) throw signal.reason;
          failures += 1;
          if (!isRetryable(error) || failures >= attempts) throw error;
          const ceiling = Math.min(MAX_RETRY_MS, retryBaseMs * 2 ** (failures - 1));
          await delay(ceiling / 2 + Math.random() * (ceiling / 2), undefined, { signal });
        }
      }
      if (source.bytes === 0) verifier.update(new Uint8Array(0));
      await handle.sync();
      await handle.close();
      await rename(part, target);
      await syncFolder(dirname(target));
      await rm(recordPath, { force: true });
      return {
        key: source.key,
        path: target,
        bytes: source.bytes,
        outcome: 'downloaded',
        resumedFrom,
        reads,
        verification: source.verification,
      };
    } catch (error) {
      await handle.close().catch(() => {});
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

/**
 * Copies a range's body into the partial file from `written.offset`, moving it on as bytes reach
 * the file (also when the body fails midway: those bytes are kept).
 */
async function copyInto(
  handle: FileHandle,
  stream: ReadableStream<Uint8Array>,
  written: { offset: number },
  source: DownloadSource,
  verifier: RangeVerifier,
  options: FileDownloadOptions,
): Promise<void> {
  const reader = stream.getReader();
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const buffer = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    await writeAll(handle, buffer, written.offset);
    written.offset += buffer.length;
    options.onProgress?.({ key: source.key, received: written.offset, total: source.bytes });
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (written.offset + pendingBytes + value.length > source.bytes) {
        throw new ObjectChangedError(source.key, 'more bytes than its size');
      }
      verifier.update(value);
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
