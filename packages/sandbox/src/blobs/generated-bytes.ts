/**
 * Deterministic object bytes from a seed, so seeded objects of gigabytes cost no disk and no memory:
 * chunk i (1 MiB) is the seed's 1 MiB block with its first 8 bytes XORed with i, so an offset
 * mistake of whole chunks still shows as different bytes.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { createSeededRandom } from '../state/seeded-random.js';

export const GENERATED_CHUNK = 1024 * 1024;

/**
 * 2 MiB of seeded bytes, made once; a seed's 1 MiB block is the window at `seed mod 1 MiB`. Seeding
 * 100,000 objects thus costs no byte generation at all, and objects of different seeds differ.
 */
let master: Buffer | undefined;

function masterBytes(): Buffer {
  if (!master) {
    const random = createSeededRandom(0x5eed_b10b);
    master = Buffer.allocUnsafe(2 * GENERATED_CHUNK);
    for (let i = 0; i < master.length; i += 4) master.writeUInt32LE(Math.floor(random() * 0x1_0000_0000), i);
  }
  return master;
}

function chunk(seed: number, index: number, length: number): Buffer {
  const offset = (seed >>> 0) % GENERATED_CHUNK;
  const out = Buffer.from(masterBytes().subarray(offset, offset + length));
  if (index > 0) {
    const stamp = Buffer.alloc(8);
    stamp.writeBigUInt64LE(BigInt(index));
    for (let i = 0; i < Math.min(8, length); i++) out[i]! ^= stamp[i]!;
  }
  return out;
}

/** Bytes [start, end] (inclusive) of the object of `size` bytes generated from `seed`. */
export function generatedStream(seed: number, size: number, start = 0, end = size - 1): Readable {
  let offset = start;
  return new Readable({
    read() {
      if (offset > end) {
        this.push(null);
        return;
      }
      const index = Math.floor(offset / GENERATED_CHUNK);
      const chunkStart = index * GENERATED_CHUNK;
      const chunkLength = Math.min(GENERATED_CHUNK, size - chunkStart);
      const full = chunk(seed, index, chunkLength);
      const from = offset - chunkStart;
      const to = Math.min(chunkLength, end - chunkStart + 1);
      offset = chunkStart + to;
      this.push(full.subarray(from, to));
    },
  });
}

/** MD5 hex of a generated object, streamed chunk by chunk (yields to the event loop). */
export async function generatedMd5(seed: number, size: number): Promise<string> {
  const hash = createHash('md5');
  for await (const piece of generatedStream(seed, size)) hash.update(piece as Buffer);
  return hash.digest('hex');
}

/** The same, at once: for small objects when seeding. */
export function generatedMd5Sync(seed: number, size: number): string {
  const hash = createHash('md5');
  for (let start = 0, index = 0; start < size; start += GENERATED_CHUNK, index++) {
    hash.update(chunk(seed, index, Math.min(GENERATED_CHUNK, size - start)));
  }
  return hash.digest('hex');
}
