import { UsageError } from '../cli-errors.js';

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };
const DURATION = /^(\d+)([smhdw]?)$/;

/**
 * A retention age: plain seconds (`3600`, what the Perl script took) or a number with a unit
 * (`90d`, `12h`, `30m`, `2w`). Negative, fractional, zero or unparsable ages are usage errors.
 */
export function parseDurationSeconds(raw: string): number {
  const match = DURATION.exec(raw.trim());
  if (!match) {
    throw new UsageError(
      `Invalid age ${JSON.stringify(raw)}: expected seconds (3600) or a number with a unit s, m, h, d, w (90d).`,
    );
  }
  const seconds = Number(match[1]) * UNIT_SECONDS[match[2] || 's']!;
  if (!Number.isSafeInteger(seconds) || seconds <= 0) {
    throw new UsageError(`Invalid age ${JSON.stringify(raw)}: it must be a positive duration.`);
  }
  return seconds;
}
