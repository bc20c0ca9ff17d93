import { ValidationError } from './archive-errors.js';

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };
const AGE = /^(\d+)\s*([smhdw]?)$/;
// Ages beyond a century are typos, not retention policies.
const MAX_AGE_SECONDS = 100 * 365 * 86_400;

/**
 * Parses a retention age into seconds: `3600` (seconds, as the Perl `-d` took), `30s`, `30m`,
 * `12h`, `90d`, `2w`. Zero, negatives, fractions and anything else are a ValidationError: an age of
 * zero would select every finished session, which is never what a typo meant.
 */
export function parseAge(value: string | number): number {
  const text = typeof value === 'number' ? String(value) : value.trim().toLowerCase();
  const match = AGE.exec(text);
  if (!match) {
    throw new ValidationError(
      'age',
      `Invalid age ${JSON.stringify(String(value))}: expected a positive whole number of seconds or a duration like 90d, 12h, 30m, 2w`,
    );
  }
  const seconds = Number(match[1]) * (UNIT_SECONDS[match[2] || 's'] ?? 1);
  if (seconds <= 0) {
    throw new ValidationError(
      'age',
      `Invalid age ${JSON.stringify(String(value))}: must be greater than zero`,
    );
  }
  if (seconds > MAX_AGE_SECONDS) {
    throw new ValidationError('age', `Invalid age ${JSON.stringify(String(value))}: more than 100 years`);
  }
  return seconds;
}
