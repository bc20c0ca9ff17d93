import { quoteInput } from '@ovh-pca/core/text';
import { UsageError } from '../cli-errors.js';

const UNITS: Readonly<Record<string, number>> = {
  '': 1,
  b: 1,
  k: 1e3,
  kb: 1e3,
  m: 1e6,
  mb: 1e6,
  g: 1e9,
  gb: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};

/**
 * A size as typed: bytes (`1048576`), SI units (`500MB`, `5GB`: powers of 1000) or binary ones
 * (`64MiB`, `1GiB`); a decimal point is allowed before a unit (`1.5GiB`). Anything else, zero
 * included, is bad input (exit 2).
 */
export function parseByteSize(option: string, text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-zA-Z]*)$/.exec(text.trim());
  const unit = match ? UNITS[match[2]!.toLowerCase()] : undefined;
  const bytes = match && unit !== undefined ? Math.round(Number(match[1]) * unit) : Number.NaN;
  if (!Number.isSafeInteger(bytes) || bytes <= 0) {
    throw new UsageError(
      `${option} ${quoteInput(text)} is not a size: give bytes, or a number with B, kB, MB, GB, KiB, MiB or GiB (64MiB).`,
    );
  }
  return bytes;
}
