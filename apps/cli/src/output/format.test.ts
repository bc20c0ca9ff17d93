import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';
import { formatLocalDate, toIsoDate } from './format-date.js';
import { formatSize } from './format-size.js';
import { toJsonText } from './json.js';

describe('formatSize', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1000, '1.0 kB'],
    [1_500_000, '1.5 MB'],
    [999_960, '1.0 MB'],
    [12_345_678_901, '12.3 GB'],
    [-1, '?'],
  ])('%d bytes → %s', (bytes, text) => {
    expect(formatSize(bytes)).toBe(text);
  });
});

describe('dates', () => {
  it('formats in the local time zone and marks missing values', () => {
    const date = new Date(2013, 9, 26, 22, 53, 53);
    expect(formatLocalDate(date.toISOString())).toBe('2013-10-26 22:53');
    expect(formatLocalDate(null, 'uploading')).toBe('uploading');
  });

  it('turns offsets into UTC ISO strings for machines', () => {
    expect(toIsoDate('2013-10-26T22:53:53+02:00')).toBe('2013-10-26T20:53:53.000Z');
    expect(toIsoDate(null)).toBeNull();
  });
});

describe('csv and json', () => {
  it('quotes only fields that need it', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['plain', 'with, comma'],
          ['say "hi"', 'two\nlines'],
        ],
      ),
    ).toBe('a,b\nplain,"with, comma"\n"say ""hi""","two\nlines"\n');
  });

  it('indents JSON and ends with one newline', () => {
    expect(toJsonText({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}\n');
  });
});
