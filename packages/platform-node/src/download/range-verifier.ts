import { createHash, type Hash } from 'node:crypto';
import { type ByteRangeChecksum, ObjectChecksumError } from '@ovh-pca/core';

/**
 * Incremental MD5 of a download over the checksummed ranges it was given (the whole object, or
 * each segment of a manifest). Bytes arrive in order from offset 0; each range is checked the moment
 * its last byte is in, so a bad segment stops a download early.
 */
export class RangeVerifier {
  readonly #key: string;
  readonly #ranges: readonly ByteRangeChecksum[];
  #index = 0;
  #offset = 0;
  #hash: Hash | undefined;

  constructor(key: string, ranges: readonly ByteRangeChecksum[]) {
    this.#key = key;
    this.#ranges = ranges;
    this.#checkEmptyRanges();
  }

  /** Bytes taken in so far. */
  get offset(): number {
    return this.#offset;
  }

  /** Takes the next bytes; throws ObjectChecksumError when a range they complete does not match. */
  update(chunk: Uint8Array): void {
    let at = 0;
    while (at < chunk.length) {
      const range = this.#ranges[this.#index];
      if (range === undefined) break;
      const position = this.#offset + at;
      if (position < range.start) {
        at += Math.min(chunk.length - at, range.start - position);
        continue;
      }
      const take = Math.min(chunk.length - at, range.end - position);
      this.#hash ??= createHash('md5');
      this.#hash.update(chunk.subarray(at, at + take));
      at += take;
      if (position + take === range.end) this.#close(range);
    }
    this.#offset += chunk.length;
  }

  #close(range: ByteRangeChecksum): void {
    const actual = (this.#hash ?? createHash('md5')).digest('hex');
    this.#hash = undefined;
    this.#index += 1;
    if (actual !== range.md5) throw new ObjectChecksumError(this.#key, range, actual);
    this.#checkEmptyRanges();
  }

  /** A range of no bytes is complete before anything arrives (an empty object's MD5). */
  #checkEmptyRanges(): void {
    const range = this.#ranges[this.#index];
    if (range !== undefined && range.start === range.end && range.start === this.#offset) this.#close(range);
  }
}
