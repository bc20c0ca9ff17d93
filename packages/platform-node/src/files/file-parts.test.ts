import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileChangedError, md5OfFilePart, openFilePart } from './file-parts.js';

// Byte ranges of real files, streamed with their MD5.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ovh-pca-parts-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');

async function readAll(body: ReadableStream<Uint8Array>): Promise<{ bytes: Buffer; chunks: number[] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk));
  return { bytes: Buffer.concat(chunks), chunks: chunks.map((chunk) => chunk.length) };
}

describe('file parts', () => {
  it('streams any range in chunks of at most 256 KiB, with its MD5', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const path = join(dir, 'data.bin');
    await writeFile(path, bytes);
    for (const [start, end] of [
      [0, bytes.length],
      [1, 1024 * 1024 + 5],
      [bytes.length - 3, bytes.length],
      [10, 10],
    ] as const) {
      const part = openFilePart(path, start, end);
      const read = await readAll(part.body);
      expect(read.bytes.equals(bytes.subarray(start, end))).toBe(true);
      expect(Math.max(0, ...read.chunks)).toBeLessThanOrEqual(256 * 1024);
      expect(await part.md5).toBe(md5(bytes.subarray(start, end)));
      expect(await md5OfFilePart(path, start, end)).toBe(md5(bytes.subarray(start, end)));
    }
  });

  it('a file that shrank, or was modified after it was planned, is a FileChangedError', async () => {
    const path = join(dir, 'changing.bin');
    await writeFile(path, randomBytes(5000));
    const { mtimeMs } = await stat(path);
    await truncate(path, 1000);
    await expect(md5OfFilePart(path, 0, 5000)).rejects.toBeInstanceOf(FileChangedError);
    const part = openFilePart(path, 0, 5000);
    await expect(readAll(part.body)).rejects.toThrow(/changed while it was being read/);
    await expect(part.md5).rejects.toBeInstanceOf(FileChangedError);

    await writeFile(path, randomBytes(5000));
    await utimes(path, 1_700_000_000, 1_700_000_000);
    await expect(md5OfFilePart(path, 0, 5000, { modifiedMs: mtimeMs })).rejects.toThrow(/modified meanwhile/);
    expect(await md5OfFilePart(path, 0, 5000, { modifiedMs: 1_700_000_000_000 })).toMatch(/^[0-9a-f]{32}$/);
  });

  it('stops reading when aborted', async () => {
    const path = join(dir, 'abort.bin');
    await writeFile(path, randomBytes(4 * 1024 * 1024));
    const stop = new AbortController();
    stop.abort(new Error('stopped'));
    await expect(md5OfFilePart(path, 0, 4 * 1024 * 1024, { signal: stop.signal })).rejects.toThrow('stopped');
  });
});
