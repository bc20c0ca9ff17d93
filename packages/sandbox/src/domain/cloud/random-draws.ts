/** Draws from a seeded random source used when seeding: hex ids, picks, log-uniform sizes. */
import type { RandomSource } from '../../state/seeded-random.js';

export function randomHex(random: RandomSource, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += Math.floor(random() * 16).toString(16);
  return text;
}

export function pick<T>(random: RandomSource, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Uniform on a log scale: as many values between 1 KB and 1 MB as between 1 GB and 1 TB. */
export function logUniform(random: RandomSource, min: number, max: number): number {
  return Math.exp(Math.log(min) + random() * (Math.log(max) - Math.log(min)));
}

/** Distinct indices in [0, count), at most `wanted` of them, skipping those in `taken`. */
export function distinctIndices(
  random: RandomSource,
  count: number,
  wanted: number,
  taken: Set<number>,
): Set<number> {
  const chosen = new Set<number>();
  const limit = Math.min(wanted, count - taken.size);
  while (chosen.size < limit) {
    const index = Math.floor(random() * count);
    if (!taken.has(index)) chosen.add(index);
  }
  return chosen;
}
