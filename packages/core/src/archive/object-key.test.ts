import { describe, expect, it } from 'vitest';
import { ValidationError } from './archive-errors.js';
import { validateObjectKey, validateObjectPrefix } from './object-key.js';

describe('object keys', () => {
  it('takes keys with /, spaces and any Unicode up to 1,024 UTF-8 bytes', () => {
    for (const key of ['a', 'backups/db/dump.sql.gz', 'été/日本語.txt', 'é'.repeat(512)]) {
      expect(validateObjectKey(key)).toBe(key);
    }
  });

  it.each([
    ['', /must not be empty/],
    ['x'.repeat(1025), /1025 bytes, at most 1024/],
    ['é'.repeat(513), /1026 bytes/],
    ['a\u0000b', /NUL/],
    ['\ud800', /unpaired/],
  ])('refuses %j', (key, message) => {
    expect(() => validateObjectKey(key)).toThrow(ValidationError);
    expect(() => validateObjectKey(key)).toThrow(message);
  });

  it('lets an empty prefix through, not an oversized one', () => {
    expect(validateObjectPrefix('')).toBe('');
    expect(() => validateObjectPrefix('p'.repeat(1025))).toThrow(/prefix/);
  });
});
