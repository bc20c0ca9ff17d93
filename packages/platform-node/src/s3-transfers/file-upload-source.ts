import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import type { S3UploadSource } from './s3-upload.js';

// A local file as an upload source: bytes [start, end) streamed 256 KiB at a time (never a whole
// part in memory), with their MD5.

const CHUNK_BYTES = 256 * 1024;

function readRange(path: string, start: number, end: number, signal?: AbortSignal): Readable {
  if (end <= start) return Readable.from([]);
  // createReadStream's `end` is inclusive.
  return createReadStream(path, {
    start,
    end: end - 1,
    highWaterMark: CHUNK_BYTES,
    ...(signal && { signal }),
  });
}

export interface FileUploadSource extends S3UploadSource {
  readonly path: string;
  readonly modifiedMs: number;
}

export async function fileUploadSource(path: string, key: string): Promise<FileUploadSource> {
  const info = await stat(path);
  if (!info.isFile()) throw new Error(`not a regular file: ${path}`);
  return {
    path,
    key,
    bytes: info.size,
    modifiedMs: info.mtimeMs,
    openPart(start, end) {
      const hash = createHash('md5');
      let resolve!: (md5: string) => void;
      let reject!: (error: Error) => void;
      const md5 = new Promise<string>((ok, fail) => {
        resolve = ok;
        reject = fail;
      });
      let seen = 0;
      const tap = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          seen += chunk.length;
          done(null, chunk);
        },
        flush(done) {
          if (seen === end - start) resolve(hash.digest('hex'));
          else reject(new Error(`${path}: read ${seen} bytes of ${end - start}; the file changed`));
          done();
        },
      });
      const source = readRange(path, start, end);
      source.on('error', (error) => {
        reject(error);
        tap.destroy(error);
      });
      return { body: Readable.toWeb(source.pipe(tap)) as ReadableStream<Uint8Array>, md5 };
    },
    async md5(start, end, signal) {
      const hash = createHash('md5');
      for await (const chunk of readRange(path, start, end, signal)) hash.update(chunk as Buffer);
      return hash.digest('hex');
    },
  };
}
