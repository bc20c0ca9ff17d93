import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeControlCharacters,
  hasControlCharacters,
  MAX_ECHOED_CHARS,
  quoteInput,
} from './quote-input.js';

const RAW_CONTROL = /\p{Cc}/u;

describe('quoteInput', () => {
  it('escapes what a terminal would interpret', () => {
    expect(quoteInput('\u001b]0;title\u0007')).toBe('"\\e]0;title\\u0007"');
    expect(quoteInput('/me\u0001')).toBe('"/me\\u0001"');
    expect(quoteInput('a\nb\tc\r')).toBe('"a\\nb\\tc\\r"');
    expect(quoteInput('\u009b31m')).toBe('"\\u009b31m"');
    expect(quoteInput('abc\u202edef')).toBe('"abc\\u202edef"');
    expect(quoteInput('say "hi" \\')).toBe('"say \\"hi\\" \\\\"');
    expect(quoteInput('\ud800x')).toBe('"\\ud800x"');
    expect(quoteInput('été 😀')).toBe('"été 😀"');
  });

  it('bounds what is echoed and says how much was left out', () => {
    const long = 'a'.repeat(100_000);
    const quoted = quoteInput(long);
    expect(quoted).toBe(`"${'a'.repeat(MAX_ECHOED_CHARS)}"… (${100_000 - MAX_ECHOED_CHARS} more bytes)`);
    // A pair straddling the limit is not cut in two.
    const pair = `${'a'.repeat(MAX_ECHOED_CHARS - 1)}😀😀`;
    expect(quoteInput(pair)).toBe(`"${'a'.repeat(MAX_ECHOED_CHARS - 1)}"… (8 more bytes)`);
  });

  it('never lets a raw control character through, whatever the input (seeded)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const quoted = quoteInput(text);
        expect(quoted).not.toMatch(RAW_CONTROL);
        expect(hasControlCharacters(quoted)).toBe(false);
        expect(quoted.length).toBeLessThanOrEqual(MAX_ECHOED_CHARS * 6 + 40);
      }),
      { seed: 9, numRuns: 500 },
    );
  });
});

describe('escapeControlCharacters', () => {
  it('keeps line feeds and tabs of a message, escapes the rest', () => {
    expect(escapeControlCharacters('line 1\n\tline 2\u001b[2J\r')).toBe('line 1\n\tline 2\\e[2J\\r');
  });
});
