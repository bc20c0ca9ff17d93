import { UsageError } from '../cli-errors.js';

const HEX_24 = /^[0-9a-f]{24}$/i;
const NUMERIC = /^[0-9]{1,20}$/;

/** True when `raw` has the shape of a PCA session or file ID (24 hexadecimal characters). */
export function looksLikeObjectId(raw: string): boolean {
  return HEX_24.test(raw);
}

/**
 * A session or file ID as typed by the user. Rejected before any request: anything but 24 hex
 * characters, which also rules out `../`, `%2F` and other path tricks.
 */
export function parseObjectId(raw: string, what: 'session' | 'file' = 'session'): string {
  if (!HEX_24.test(raw)) {
    throw new UsageError(
      `Invalid ${what} ID ${JSON.stringify(raw)}: expected 24 hexadecimal characters, e.g. 51d542f302ee4c5466000000.`,
    );
  }
  return raw.toLowerCase();
}

/** A task ID: a decimal number, as OVH returns them. */
export function parseTaskId(raw: string): string {
  if (!NUMERIC.test(raw)) {
    throw new UsageError(`Invalid task ID ${JSON.stringify(raw)}: expected a number, e.g. 4242.`);
  }
  return raw;
}
