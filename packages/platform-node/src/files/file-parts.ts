// Bytes [start, end) of a local file, streamed with their MD5: what an upload sends, whatever the
// protocol (a Swift object or segment, an S3 part). Read in chunks on demand (the consumer's pace),
// so memory stays at a chunk or two per open part, whatever the file's size.
import { createHash } from 'node:crypto';
import { type FileHandle, open } from 'node:fs/promises';
import { bytesMoved } from '../memory-pacer.js';

/** Bytes read per step: few system calls, little memory (1 MiB chunks measured no faster). */
const CHUNK_BYTES = 256 * 1024;

/** The file no longer holds what was planned: it shrank, or was modified while it was read. */
export class FileChangedError extends Error {
  override readonly name = 'FileChangedError';
  readonly path: string;

  constructor(path: string, detail: string) {
    super(`${path} changed while it was being read (${detail}): run again once it is stable`);
    this.path = path;
  }
}

export interface FilePart {
  body: ReadableStream<Uint8Array>;
  /** Hex MD5 of the bytes, once `body` has been read to its end; rejects when the file changed. */
  md5: Promise<string>;
}

export interface FilePartOptions {
  /** The modification time the file had when it was planned (ms): another one at the end is a change. */
  modifiedMs?: number;
}

/** Streams bytes [start, end) of `path` and hashes them as they pass. */
export function openFilePart(
  path: string,
  start: number,
  end: number,
  options: FilePartOptions = {},
): FilePart {
  let settle: { resolve(md5: string): void; reject(error: unknown): void } | undefined;
  const md5 = new Promise<string>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // Nobody may be waiting for it (a failed send is checked another way): never an unhandled rejection.
  md5.catch(() => {});
  const hash = createHash('md5');
  let handle: FileHandle | undefined;
  let position = start;
  const fail = async (error: unknown) => {
    settle?.reject(error);
    await handle?.close().catch(() => {});
    handle = undefined;
  };
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          handle ??= await open(path, 'r');
          const length = Math.min(CHUNK_BYTES, end - position);
          if (length > 0) {
            const buffer = Buffer.allocUnsafe(length);
            const { bytesRead } = await handle.read(buffer, 0, length, position);
            if (bytesRead === 0) throw new FileChangedError(path, `ends before byte ${end}`);
            const chunk = buffer.subarray(0, bytesRead);
            hash.update(chunk);
            position += bytesRead;
            bytesMoved(bytesRead);
            controller.enqueue(chunk);
            if (position < end) return;
          }
          if (options.modifiedMs !== undefined) {
            const { mtimeMs } = await handle.stat();
            if (Math.round(mtimeMs) !== Math.round(options.modifiedMs)) {
              throw new FileChangedError(path, 'modified meanwhile');
            }
          }
          await handle.close();
          handle = undefined;
          settle?.resolve(hash.digest('hex'));
          controller.close();
        } catch (error) {
          await fail(error);
          controller.error(error);
        }
      },
      async cancel(reason) {
        await fail(reason ?? new Error('cancelled'));
      },
    },
    { highWaterMark: 1 },
  );
  return { body, md5 };
}

/** The MD5 of bytes [start, end) of `path`, read without keeping them. */
export async function md5OfFilePart(
  path: string,
  start: number,
  end: number,
  options: FilePartOptions & { signal?: AbortSignal } = {},
): Promise<string> {
  const part = openFilePart(path, start, end, options);
  const reader = part.body.getReader();
  try {
    for (;;) {
      options.signal?.throwIfAborted();
      const { done } = await reader.read();
      if (done) return await part.md5;
    }
  } finally {
    reader.releaseLock();
    if (options.signal?.aborted) await part.body.cancel(options.signal.reason).catch(() => {});
  }
}
