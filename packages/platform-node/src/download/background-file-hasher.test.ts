import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ObjectChecksumError } from '@ovh-pca/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackgroundFileHasher } from './background-file-hasher.js';

const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');
const MIB = 1024 * 1024;
let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'ovh-pca-hasher-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('BackgroundFileHasher', () => {
  it('checks each range of a file written piece by piece while it hashes behind the writes', async () => {
    const bytes = randomBytes(5 * MIB + 123);
    const path = join(folder, 'object.part');
    await writeFile(path, '');
    const cuts = [0, 2 * MIB, 2 * MIB, 3 * MIB + 7, bytes.length];
    const ranges = cuts.slice(1).map((end, index) => {
      const start = cuts[index]!;
      return { start, end, md5: md5(bytes.subarray(start, end)) };
    });
    const hasher = new BackgroundFileHasher('k', path, ranges);
    const handle = await open(path, 'r+');
    try {
      // Written in order in 1 MiB steps, the hasher told after each (and once out of date).
      for (let at = 0; at < bytes.length; at += MIB) {
        const end = Math.min(bytes.length, at + MIB);
        await handle.write(bytes.subarray(at, end), 0, end - at, at);
        hasher.hashUpTo(end);
        hasher.hashUpTo(at);
      }
    } finally {
      await handle.close();
    }
    await expect(hasher.verify(bytes.length)).resolves.toBeUndefined();
  });

  it('names the first range whose bytes differ', async () => {
    const bytes = randomBytes(3 * MIB);
    const path = join(folder, 'object.part');
    const changed = Buffer.from(bytes);
    changed[2 * MIB + 5] = (changed[2 * MIB + 5]! + 1) % 256;
    await writeFile(path, changed);
    const ranges = [
      { start: 0, end: 2 * MIB, md5: md5(bytes.subarray(0, 2 * MIB)) },
      { start: 2 * MIB, end: 3 * MIB, md5: md5(bytes.subarray(2 * MIB)) },
    ];
    const hasher = new BackgroundFileHasher('k', path, ranges);
    const failure = await hasher.verify(bytes.length).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ObjectChecksumError);
    expect(failure).toMatchObject({ start: 2 * MIB, end: 3 * MIB });
  });

  it('fails, without a checksum verdict, when the file is shorter than the ranges', async () => {
    const path = join(folder, 'short.part');
    await writeFile(path, randomBytes(1000));
    const hasher = new BackgroundFileHasher('k', path, [{ start: 0, end: 2000, md5: 'x'.repeat(32) }]);
    const failure = await hasher.verify(2000).catch((error: unknown) => error);
    expect(failure).not.toBeInstanceOf(ObjectChecksumError);
    expect(String(failure)).toMatch(/ended at byte 1000/);
  });

  it('stops when the download is cancelled', async () => {
    const path = join(folder, 'object.part');
    await writeFile(path, randomBytes(MIB));
    const hasher = new BackgroundFileHasher('k', path, [{ start: 0, end: MIB, md5: md5(new Uint8Array(0)) }]);
    const cancel = new AbortController();
    cancel.abort(new Error('cancelled by the user'));
    await expect(hasher.verify(MIB, cancel.signal)).rejects.toThrow('cancelled by the user');
    await hasher.stop();
  });
});
