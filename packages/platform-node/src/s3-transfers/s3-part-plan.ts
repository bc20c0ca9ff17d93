// How a file is cut into S3 multipart parts: S3 allows at most 10,000 parts of 5 MiB to 5 GiB each
// (the last one may be smaller) and objects up to 5 TiB; one PUT takes up to 5 GiB.

export const MIB = 1024 * 1024;
export const S3_MIN_PART_BYTES = 5 * MIB;
export const S3_MAX_PART_BYTES = 5 * 1024 * MIB;
export const S3_MAX_PARTS = 10_000;
export const S3_MAX_OBJECT_BYTES = 5 * 1024 * 1024 * MIB;

/** 16 MiB: few enough requests for speed, small enough that 4 parts in flight stay cheap. */
export const DEFAULT_PART_BYTES = 16 * MIB;

export interface PartRange {
  /** 1-based, as S3 numbers parts. */
  number: number;
  start: number;
  /** Exclusive. */
  end: number;
}

export interface PartPlan {
  partBytes: number;
  parts: PartRange[];
}

/**
 * The part size for a file of `size` bytes: the preferred size, raised (in whole MiB) until the
 * file fits in 10,000 parts. Throws a RangeError above S3's 5 TiB object limit.
 */
export function choosePartBytes(size: number, preferredBytes = DEFAULT_PART_BYTES): number {
  if (size > S3_MAX_OBJECT_BYTES) {
    throw new RangeError(`${size} bytes is more than S3's largest object (5 TiB)`);
  }
  const floor = Math.max(preferredBytes, S3_MIN_PART_BYTES);
  const needed = Math.ceil(size / S3_MAX_PARTS / MIB) * MIB;
  return Math.min(Math.max(floor, needed), S3_MAX_PART_BYTES);
}

export function planParts(size: number, partBytes: number): PartPlan {
  const parts: PartRange[] = [];
  for (let start = 0, number = 1; start < size; start += partBytes, number += 1) {
    parts.push({ number, start, end: Math.min(size, start + partBytes) });
  }
  return { partBytes, parts };
}
