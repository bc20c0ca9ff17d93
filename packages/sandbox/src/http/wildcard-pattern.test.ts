import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../state/seeded-random.js';
import { compileWildcards, globTokens, type WildcardToken } from './wildcard-pattern.js';

const glob = (pattern: string) => compileWildcards(globTokens(pattern));

/** The obvious regular expression for the same tokens: right, but exponential on some inputs. */
function referenceMatcher(tokens: readonly WildcardToken[]) {
  const source = tokens
    .map((token) => {
      if (token === 'run') return '.*';
      if (token === 'one') return '.';
      return token.literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    })
    .join('');
  const expression = new RegExp(`^${source}$`, 'su');
  return (value: string) => expression.test(value);
}

describe('compileWildcards', () => {
  it('globs: `*` is any run (slashes included, possibly empty), the rest literal', () => {
    expect(glob('/cloud/*')('/cloud/pp-1/pca')).toBe(true);
    expect(glob('/cloud/*')('/cloud/')).toBe(true);
    expect(glob('/cloud')('/cloud/x')).toBe(false);
    expect(glob('/cloud/*/pca')('/cloud/pp-1/pca')).toBe(true);
    expect(glob('/cloud/*/pca')('/cloud/pp-1/pca/x')).toBe(false);
    expect(glob('/c.oud')('/cloud')).toBe(false);
    expect(glob('*')('')).toBe(true);
  });

  it('`one` is one code point, outside the BMP too; ignoreCase folds both sides', () => {
    expect(compileWildcards([{ literal: 'a' }, 'one', { literal: 'b' }])('a😀b')).toBe(true);
    expect(compileWildcards([{ literal: 'a' }, 'one', { literal: 'b' }])('ab')).toBe(false);
    const like = compileWildcards(['run', { literal: 'W' }, { literal: 'e' }, 'run'], { ignoreCase: true });
    expect(like('www-weekly')).toBe(true);
    expect(like('daily')).toBe(false);
  });

  it('agrees with a regular expression on thousands of random small cases', () => {
    const random = createSeededRandom(42);
    const alphabet = ['a', 'b', '/'];
    const draw = () => alphabet[Math.floor(random() * alphabet.length)]!;
    for (let round = 0; round < 3000; round++) {
      const tokens: WildcardToken[] = Array.from({ length: Math.floor(random() * 6) }, () => {
        const roll = random();
        if (roll < 0.25) return 'run';
        if (roll < 0.35) return 'one';
        return { literal: draw() };
      });
      const value = Array.from({ length: Math.floor(random() * 7) }, draw).join('');
      expect(compileWildcards(tokens)(value), JSON.stringify({ tokens, value })).toBe(
        referenceMatcher(tokens)(value),
      );
    }
  });

  it('answers at once where a backtracking regular expression would run for hours', () => {
    // `^.*a.*a….*b$` against 64 `a`s takes a regular expression about C(64, 12) steps.
    const pattern = `${'*a'.repeat(12)}*b`;
    expect(glob(pattern)('a'.repeat(64))).toBe(false);
    expect(glob(pattern)(`${'a'.repeat(64)}b`)).toBe(true);
  });
});
