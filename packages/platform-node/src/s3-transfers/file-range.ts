import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';

// Bytes [start, end) of a file, streamed (256 KiB at a time, never the whole range in memory).

const CHUNK_BYTES = 256 * 1024;

export function readFileRange(path: string, start: number, end: number, signal?: AbortSignal): Readable {
  if (end <= start) return Readable.from([]);
  // createReadStream's `end` is inclusive.
  return createReadStream(path, {
    start,
    end: end - 1,
    highWaterMark: CHUNK_BYTES,
    ...(signal && { signal }),
  });
}

/** Passes bytes through unchanged, hashing them (MD5) and counting them as they go. */
export class Md5Tap extends Transform {
  private readonly hash = createHash('md5');
  bytes = 0;

  constructor(private readonly onBytes?: (count: number) => void) {
    super({ highWaterMark: CHUNK_BYTES });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    this.onBytes?.(chunk.length);
    done(null, chunk);
  }

  /** Hex MD5 of everything that went through; call once, after the end. */
  digest(): string {
    return this.hash.digest('hex');
  }
}

/** Hex MD5 of bytes [start, end) of a file. */
export async function md5OfFileRange(
  path: string,
  start: number,
  end: number,
  signal?: AbortSignal,
): Promise<string> {
  if (end <= start) return createHash('md5').digest('hex');
  const hash = createHash('md5');
  await pipeline(readFileRange(path, start, end, signal), async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) hash.update(chunk);
  });
  return hash.digest('hex');
}
