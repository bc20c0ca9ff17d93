import { describe, expect, it } from 'vitest';
import { ValidationError } from './archive-errors.js';
import { parseAge } from './parse-age.js';

describe('parseAge', () => {
  it.each([
    ['3600', 3600],
    [3600, 3600],
    ['45s', 45],
    ['30m', 1800],
    ['12h', 43_200],
    ['90d', 7_776_000],
    ['2w', 1_209_600],
    [' 7D ', 604_800],
  ])('%j is %d seconds', (input, seconds) => {
    expect(parseAge(input)).toBe(seconds);
  });

  it.each([
    '0',
    0,
    '0d',
    '-5',
    -5,
    '1.5h',
    1.5,
    '',
    'abc',
    '5y',
    '5 days',
    '1e3',
    'Infinity',
    '99999y',
    '40000w',
  ])('rejects %j', (input) => {
    expect(() => parseAge(input)).toThrow(ValidationError);
  });

  it('names the field and shows the input', () => {
    expect(() => parseAge('-3d')).toThrow(
      expect.objectContaining({ field: 'age', message: expect.stringContaining('"-3d"') }),
    );
  });
});
