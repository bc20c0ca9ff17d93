import { describe, expect, it } from 'vitest';
import { compileLikePattern } from './like-pattern.js';

describe('compileLikePattern', () => {
  it('is plain, case-sensitive equality without wildcards', () => {
    const matches = compileLikePattern('www-weekly');
    expect(matches('www-weekly')).toBe(true);
    expect(matches('WWW-weekly')).toBe(false);
    expect(matches('www-weekly-2')).toBe(false);
  });

  it('matches any run with % and one character with _', () => {
    expect(compileLikePattern('backup-db-%')('backup-db-2026-03-14')).toBe(true);
    expect(compileLikePattern('%weekly')('www-weekly')).toBe(true);
    expect(compileLikePattern('%weekly')('weekly-www')).toBe(false);
    expect(compileLikePattern('%')('')).toBe(true);
    expect(compileLikePattern('db-_')('db-1')).toBe(true);
    expect(compileLikePattern('db-_')('db-12')).toBe(false);
  });

  it('counts _ as one code point, accented or not', () => {
    expect(compileLikePattern('caf_')('café')).toBe(true);
    expect(compileLikePattern('_バックアップ')('写バックアップ')).toBe(true);
    expect(compileLikePattern('a_b')('a😀b')).toBe(true);
  });

  it('takes regular-expression characters literally and honours backslash escapes', () => {
    expect(compileLikePattern('a.c')('abc')).toBe(false);
    expect(compileLikePattern('(x)%[y]')('(x) and [y]')).toBe(true);
    expect(compileLikePattern('100\\%')('100%')).toBe(true);
    expect(compileLikePattern('100\\%')('1000')).toBe(false);
    expect(compileLikePattern('a\\_%')('a_b')).toBe(true);
    expect(compileLikePattern('a\\_%')('ab')).toBe(false);
  });
});
