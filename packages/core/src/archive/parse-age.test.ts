import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from './archive-errors.js';
import { describeDuration, parseAge } from './parse-age.js';

const DAY = 86_400;

describe('parseAge', () => {
  it.each([
    ['3600', 3600],
    [3600, 3600],
    ['45s', 45],
    ['30min', 1800],
    ['12h', 43_200],
    ['90d', 7_776_000],
    ['2w', 1_209_600],
    ['3mo', 90 * DAY],
    ['1y', 365 * DAY],
    ['P3M', 90 * DAY],
    ['P1Y', 365 * DAY],
    ['P2W', 14 * DAY],
    ['P1DT12H', 1.5 * DAY],
    ['PT90M', 5400],
    ['PT45S', 45],
  ])('%j is %d seconds', (input, seconds) => {
    expect(parseAge(input)).toBe(seconds);
  });

  // The data-loss bug: `1M` was read case-insensitively as one minute and a prune deleted every
  // finished session. Each of these returned a number before.
  it.each(['1M', '1m', '90M', '1Min', '1MIN', '7D', '12H', '2W', ' 7d ', '7d\n', '\t90d'])(
    'refuses the ambiguous or mis-cased %j',
    (input) => {
      expect(() => parseAge(input)).toThrow(ValidationError);
    },
  );

  it.each([
    ['1M', 'did you mean 1mo (month) or 1min (minute)?'],
    ['1m', 'did you mean 1mo (month) or 1min (minute)?'],
    ['7D', 'did you mean 7d (day)?'],
    ['30MIN', 'did you mean 30min (minute)?'],
    ['5days', 'did you mean 5d (day)?'],
    ['90 d', 'did you mean 90d?'],
    ['p3m', 'did you mean P3M?'],
    ['1.5h', 'whole numbers only'],
    ['10ms', 'milliseconds are not a unit'],
  ])('suggests a spelling for %j', (input, suggestion) => {
    expect(() => parseAge(input)).toThrow(
      expect.objectContaining({ message: expect.stringContaining(suggestion) }),
    );
  });

  it.each([
    '0',
    0,
    '0d',
    'PT0S',
    '-5',
    -5,
    1.5,
    '',
    'abc',
    '5x',
    'P',
    'PT',
    'P1DT',
    'P1H',
    'PT1D',
    '1e3',
    'Infinity',
    '99999y',
    '40000w',
    '1000000000000000000d',
  ])('rejects %j', (input) => {
    expect(() => parseAge(input)).toThrow(ValidationError);
  });

  it('names the field and shows the input escaped', () => {
    expect(() => parseAge('-3d')).toThrow(
      expect.objectContaining({ field: 'age', message: expect.stringContaining('"-3d"') }),
    );
    expect(() => parseAge('1\u001b]0;x\u0007')).toThrow(
      expect.objectContaining({ message: expect.not.stringMatching(/\p{Cc}/u) }),
    );
  });

  it('reads every spelling of the grammar as the seconds it says (seeded)', () => {
    const units = { s: 1, min: 60, h: 3600, d: DAY, w: 7 * DAY, mo: 30 * DAY, y: 365 * DAY };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 36_500 }),
        fc.constantFrom(...(Object.keys(units) as Array<keyof typeof units>)),
        (amount, unit) => {
          const seconds = amount * units[unit];
          if (seconds > 100 * 365 * DAY) expect(() => parseAge(`${amount}${unit}`)).toThrow(ValidationError);
          else expect(parseAge(`${amount}${unit}`)).toBe(seconds);
        },
      ),
      { seed: 9, numRuns: 300 },
    );
  });

  it('for any text, either refuses it or returns whole seconds within bounds (seeded)', () => {
    const alphabet = fc.constantFrom(...'0123456789smhdwoyMHDWOYSPT .-\n\u001b'.split(''));
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: alphabet, maxLength: 8 }), fc.string({ maxLength: 12 })),
        (text) => {
          let seconds: number | undefined;
          try {
            seconds = parseAge(text);
          } catch (error) {
            expect(error).toBeInstanceOf(ValidationError);
            expect((error as Error).message).not.toMatch(/\p{Cc}/u);
            return;
          }
          expect(Number.isSafeInteger(seconds)).toBe(true);
          expect(seconds).toBeGreaterThan(0);
          expect(seconds).toBeLessThanOrEqual(100 * 365 * DAY);
          // Accepted text is exactly the grammar: no whitespace, no lone m/M unit.
          expect(text).toMatch(/^([0-9]+(s|min|h|d|w|mo|y)?|P[0-9YMWDTHS]+)$/);
        },
      ),
      { seed: 9, numRuns: 2000 },
    );
  });
});

describe('describeDuration', () => {
  it.each([
    [90 * DAY, '90 days'],
    [365 * DAY, '1 year'],
    [DAY, '1 day'],
    [60, '1 minute'],
    [5400, '90 minutes'],
    [45, '45 seconds'],
  ])('%d is %s', (seconds, words) => {
    expect(describeDuration(seconds)).toBe(words);
  });
});
