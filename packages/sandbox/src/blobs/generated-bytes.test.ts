import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENERATED_CHUNK, generatedMd5, generatedMd5Sync, generatedStream } from './generated-bytes.js';

async function collect(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for await (const piece of stream) pieces.push(piece as Buffer);
  return Buffer.concat(pieces);
}

describe('generated object bytes', () => {
  const size = 3 * GENERATED_CHUNK + 123;

  it('are the same for a seed, differ between seeds and between chunks', async () => {
    const one = await collect(generatedStream(7, size));
    expect(one.length).toBe(size);
    expect((await collect(generatedStream(7, size))).equals(one)).toBe(true);
    expect((await collect(generatedStream(8, size))).equals(one)).toBe(false);
    const first = one.subarray(0, GENERATED_CHUNK);
    const second = one.subarray(GENERATED_CHUNK, 2 * GENERATED_CHUNK);
    expect(first.equals(second)).toBe(false);
    // Only the index stamp differs: the rest of a chunk is the seed's block.
    expect(first.subarray(8).equals(second.subarray(8))).toBe(true);
  });

  it('read any range as the same bytes as a whole read, across chunk boundaries', async () => {
    const whole = await collect(generatedStream(9, size));
    for (const [start, end] of [
      [0, 0],
      [GENERATED_CHUNK - 3, GENERATED_CHUNK + 10],
      [size - 200, size - 1],
      [12345, 2 * GENERATED_CHUNK + 5],
    ] as const) {
      expect(
        (await collect(generatedStream(9, size, start, end))).equals(whole.subarray(start, end + 1)),
      ).toBe(true);
    }
  });

  it('hash to the MD5 of their bytes, streamed or at once', async () => {
    const whole = await collect(generatedStream(10, size));
    const md5 = createHash('md5').update(whole).digest('hex');
    expect(await generatedMd5(10, size)).toBe(md5);
    expect(generatedMd5Sync(10, size)).toBe(md5);
  });
});
