import { quoteInput } from '../text/quote-input.js';
import { ValidationError } from './archive-errors.js';

/**
 * The duration grammar of every age and wait the user types (`--older-than`, `-d`, `--timeout`).
 * Case-sensitive and unambiguous: `1M` could be a month or a minute and once deleted every
 * finished session, so a unit is exactly one of these; `m`/`M` alone are refused with a suggestion.
 */
const UNITS = {
  s: { seconds: 1, word: 'second' },
  min: { seconds: 60, word: 'minute' },
  h: { seconds: 3_600, word: 'hour' },
  d: { seconds: 86_400, word: 'day' },
  w: { seconds: 604_800, word: 'week' },
  mo: { seconds: 30 * 86_400, word: 'month' },
  y: { seconds: 365 * 86_400, word: 'year' },
} as const;
type Unit = keyof typeof UNITS;

// What people type instead of a unit, mapped to the unit they meant (suggestions only).
const UNIT_SPELLINGS: Readonly<Record<string, Unit>> = {
  sec: 's',
  secs: 's',
  second: 's',
  seconds: 's',
  mins: 'min',
  minute: 'min',
  minutes: 'min',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  hours: 'h',
  day: 'd',
  days: 'd',
  week: 'w',
  weeks: 'w',
  mon: 'mo',
  month: 'mo',
  months: 'mo',
  yr: 'y',
  yrs: 'y',
  year: 'y',
  years: 'y',
};

export const DURATION_GRAMMAR =
  'a whole number of seconds (7776000), a whole number with a unit: s, min, h, d, w, mo (30 days), y (365 days) (90d, 12h, 30min, 3mo), or an ISO 8601 duration (P3M, P1Y, PT90M)';

const SECONDS = /^[0-9]{1,15}$/;
const WITH_UNIT = /^([0-9]{1,15})(s|min|h|d|w|mo|y)$/;
const ISO =
  /^P(?:([0-9]{1,15})Y)?(?:([0-9]{1,15})M)?(?:([0-9]{1,15})W)?(?:([0-9]{1,15})D)?(?:T(?:([0-9]{1,15})H)?(?:([0-9]{1,15})M)?(?:([0-9]{1,15})S)?)?$/;
const ISO_FACTORS = [
  UNITS.y.seconds,
  UNITS.mo.seconds,
  UNITS.w.seconds,
  UNITS.d.seconds,
  UNITS.h.seconds,
  UNITS.min.seconds,
  1,
];

export interface DurationField {
  /** ValidationError field: `age`, `timeout`. */
  field: string;
  /** In messages: `age`, `--timeout`. */
  label: string;
  /** Longest accepted, in seconds. */
  maxSeconds: number;
  /** What is too long, in words (`more than 100 years`). */
  maxWords: string;
}

/** Seconds of a duration in the grammar above, or undefined when the text is not in it. */
function secondsOf(text: string): number | undefined {
  if (SECONDS.test(text)) return Number(text);
  const unit = WITH_UNIT.exec(text);
  if (unit) return Number(unit[1]) * UNITS[unit[2] as Unit].seconds;
  const iso = ISO.exec(text);
  if (!iso || text === 'P' || text.endsWith('T')) return undefined;
  return iso.slice(1).reduce((sum, part, index) => sum + Number(part ?? 0) * ISO_FACTORS[index]!, 0);
}

/** A likely intended spelling of a refused duration, for the error message. */
function suggestionFor(text: string): string | undefined {
  const compact = text.replace(/\s+/g, '');
  if (compact !== text && compact !== '' && secondsOf(compact) !== undefined)
    return `did you mean ${compact}?`;
  const match = /^([0-9]+)([A-Za-z]+)$/.exec(compact);
  if (match) {
    const [, amount, unit] = match as unknown as [string, string, string];
    if (unit === 'm' || unit === 'M') return `did you mean ${amount}mo (month) or ${amount}min (minute)?`;
    if (unit === 'ms') return 'milliseconds are not a unit here: use s, min, h, d, w, mo or y.';
    const lower = unit.toLowerCase();
    const meant = lower in UNITS ? (lower as Unit) : UNIT_SPELLINGS[lower];
    if (meant) return `units are case-sensitive: did you mean ${amount}${meant} (${UNITS[meant].word})?`;
    return undefined;
  }
  const upper = compact.toUpperCase();
  if (upper !== compact && upper.startsWith('P') && secondsOf(upper) !== undefined) {
    return `ISO 8601 durations are upper case: did you mean ${upper}?`;
  }
  if (/^[0-9]+[.,][0-9]+/.test(compact)) return 'whole numbers only: use a smaller unit (90min, not 1.5h).';
  return undefined;
}

/**
 * Parses a duration into seconds (see DURATION_GRAMMAR). Zero, negatives, fractions, spaces,
 * unknown or wrongly cased units and `m`/`M` are a ValidationError, with a suggestion when one fits.
 */
export function parseDuration(value: string | number, field: DurationField): number {
  const fail = (reason: string): never => {
    throw new ValidationError(field.field, `Invalid ${field.label} ${quoteInput(String(value))}: ${reason}`);
  };
  let seconds: number | undefined;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) fail('expected a whole number of seconds');
    seconds = value;
  } else {
    seconds = secondsOf(value);
    if (seconds === undefined) {
      const suggestion = suggestionFor(value);
      fail(`${suggestion ? `${suggestion} ` : ''}Expected ${DURATION_GRAMMAR}.`);
    }
  }
  if (seconds! <= 0) fail('must be greater than zero');
  if (seconds! > field.maxSeconds) fail(field.maxWords);
  return seconds!;
}

// Ages beyond a century are typos, not retention policies.
const AGE_FIELD: DurationField = {
  field: 'age',
  label: 'age',
  maxSeconds: 100 * UNITS.y.seconds,
  maxWords: 'more than 100 years',
};

/**
 * Parses a retention age into seconds: `7776000` (seconds, as the Perl `-d` took), `90d`, `12h`,
 * `30min`, `2w`, `3mo`, `1y`, `P3M`, `PT90M`. An age of zero would select every finished session,
 * which is never what a typo meant; `1M` is refused (month or minute?).
 */
export function parseAge(value: string | number): number {
  return parseDuration(value, AGE_FIELD);
}

/** `7776000` → `90 days`, `3600` → `1 hour`: the largest unit that divides it exactly. */
export function describeDuration(seconds: number): string {
  const units: Unit[] = ['y', 'd', 'h', 'min', 's'];
  for (const unit of units) {
    const size = UNITS[unit].seconds;
    if (seconds % size === 0) {
      const count = seconds / size;
      return `${count} ${UNITS[unit].word}${count === 1 ? '' : 's'}`;
    }
  }
  return `${seconds} seconds`;
}
