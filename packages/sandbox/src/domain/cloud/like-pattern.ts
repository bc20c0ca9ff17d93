/**
 * The `name` filter of the session and file lists, which OVH documents as "(like)": SQL LIKE,
 * where `%` matches any run of characters and `_` exactly one, `\` escapes either. Without a
 * wildcard it is plain equality. Case-sensitive, as PostgreSQL's LIKE.
 */
export type LikeMatcher = (value: string) => boolean;

export function compileLikePattern(pattern: string): LikeMatcher {
  let source = '';
  let hasWildcard = false;
  const characters = [...pattern];
  for (let i = 0; i < characters.length; i++) {
    const character = characters[i]!;
    if (character === '\\' && i + 1 < characters.length) {
      source += escapeRegExp(characters[++i]!);
    } else if (character === '%') {
      source += '.*';
      hasWildcard = true;
    } else if (character === '_') {
      source += '.';
      hasWildcard = true;
    } else {
      source += escapeRegExp(character);
    }
  }
  if (!hasWildcard) {
    const literal = pattern.replace(/\\(.)/gsu, '$1');
    return (value) => value === literal;
  }
  // `s` lets wildcards cross newlines, `u` makes `_` one code point even outside the BMP.
  const expression = new RegExp(`^${source}$`, 'su');
  return (value) => expression.test(value);
}

function escapeRegExp(text: string): string {
  // Only syntax characters: the `u` flag refuses needless escapes such as `\-`.
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
