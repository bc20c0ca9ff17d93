/**
 * The `name` filter of the session and file lists, which OVH documents as "(like)": SQL LIKE,
 * where `%` matches any run of characters and `_` exactly one, `\` escapes either. Without a
 * wildcard it is plain equality. Case-sensitive, as PostgreSQL's LIKE.
 */
import { compileWildcards, type WildcardMatcher, type WildcardToken } from '../../http/wildcard-pattern.js';

export type LikeMatcher = WildcardMatcher;

export function compileLikePattern(pattern: string): LikeMatcher {
  const tokens: WildcardToken[] = [];
  const characters = [...pattern];
  for (let i = 0; i < characters.length; i++) {
    const character = characters[i]!;
    if (character === '\\' && i + 1 < characters.length) tokens.push({ literal: characters[++i]! });
    else if (character === '%') tokens.push('run');
    else if (character === '_') tokens.push('one');
    else tokens.push({ literal: character });
  }
  if (tokens.every((token) => typeof token !== 'string')) {
    const literal = tokens.map((token) => (token as { literal: string }).literal).join('');
    return (value) => value === literal;
  }
  // Wildcards cross newlines; `_` is one code point, even outside the BMP.
  return compileWildcards(tokens);
}
