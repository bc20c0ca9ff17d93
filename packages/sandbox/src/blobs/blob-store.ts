/**
 * Where object bytes live: one file per object under a directory (`--object-dir`, else beside the
 * `--data` file, else a temp directory removed on close). Uploads stream into a `.part` file and are
 * renamed only when whole and checked, so a partial upload never stands under a final name.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BlobRef } from '../domain/object-storage/object-storage-state.js';
import { generatedStream } from './generated-bytes.js';

export interface WrittenBlob {
  ref: BlobRef;
  bytes: number;
  md5: string;
}

export class BlobTooLargeError extends Error {
  override name = 'BlobTooLargeError';
}

export class BlobStore {
  private constructor(
    readonly dir: string,
    private readonly ownsDir: boolean,
  ) {}

  /** `dir` is created when missing; without one, a private temp directory is used. */
  static async open(dir: string | undefined): Promise<BlobStore> {
    if (dir) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      return new BlobStore(dir, false);
    }
    return new BlobStore(await mkdtemp(join(tmpdir(), 'ovh-sandbox-objects-')), true);
  }

  /**
   * Streams `source` into a new blob, hashing on the way. `check` runs on the MD5 before the blob
   * takes its final name; throwing there (or a source error) removes the partial file.
   */
  async write(source: Readable, maxBytes: number, check?: (md5: string) => void): Promise<WrittenBlob> {
    const id = randomBytes(16).toString('hex');
    const part = join(this.dir, `${id}.part`);
    const hash = createHash('md5');
    let bytes = 0;
    const meter = new Transform({
      transform(piece: Buffer, _encoding, done) {
        bytes += piece.length;
        if (bytes > maxBytes) {
          done(new BlobTooLargeError(`object larger than ${maxBytes} bytes`));
          return;
        }
        hash.update(piece);
        done(null, piece);
      },
    });
    try {
      await pipeline(source, meter, createWriteStream(part, { mode: 0o600 }));
      const md5 = hash.digest('hex');
      check?.(md5);
      if (bytes === 0) {
        await unlink(part);
        return { ref: { kind: 'empty' }, bytes, md5 };
      }
      await rename(part, join(this.dir, id));
      return { ref: { kind: 'file', id }, bytes, md5 };
    } catch (error) {
      await rm(part, { force: true });
      throw error;
    }
  }

  /** Bytes [start, end] (inclusive) of a blob of `size` bytes. */
  read(ref: BlobRef, size: number, start = 0, end = size - 1): Readable {
    if (ref.kind === 'empty' || size === 0 || end < start) {
      const empty = new PassThrough();
      empty.end();
      return empty;
    }
    if (ref.kind === 'generated') return generatedStream(ref.seed, size, start, end);
    return createReadStream(join(this.dir, ref.id), { start, end, highWaterMark: 256 * 1024 });
  }

  /** Removes a stored blob; generated and empty ones have nothing on disk. */
  async remove(ref: BlobRef): Promise<void> {
    if (ref.kind === 'file') await rm(join(this.dir, ref.id), { force: true });
  }

  async close(): Promise<void> {
    if (this.ownsDir) await rm(this.dir, { recursive: true, force: true });
  }
}
