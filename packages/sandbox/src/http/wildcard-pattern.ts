/**
 * Wildcard matching without regular expressions, for patterns that clients choose: the `*` globs
 * of access rules, the SQL LIKE `name` filters and Iceberg's `like`. A regular expression such as
 * `^.*a.*a.*a.*a.*a.*a.*a.*a.*b$` backtracks for hours on a 60-character value, so one request could
 * freeze the server; greedy matching with a single backtrack point needs at most
 * pattern × value steps.
 */

/** One code point, any one code point, or any run of code points (possibly empty). */
export type WildcardToken = { literal: string } | 'one' | 'run';

export type WildcardMatcher = (value: string) => boolean;

export function compileWildcards(
  tokens: readonly WildcardToken[],
  { ignoreCase = false }: { ignoreCase?: boolean } = {},
): WildcardMatcher {
  const fold = (text: string) => (ignoreCase ? text.toLowerCase() : text);
  const pattern = tokens.map((token) =>
    typeof token === 'string' ? token : { literal: fold(token.literal) },
  );
  return (value) => matches(pattern, [...fold(value)]);
}

function matches(pattern: readonly WildcardToken[], value: readonly string[]): boolean {
  let p = 0;
  let v = 0;
  // Where the last run started in the pattern, and how much of the value it has swallowed.
  let runAt = -1;
  let runEnd = 0;
  while (v < value.length) {
    const token = pattern[p];
    if (token === 'run') {
      runAt = p++;
      runEnd = v;
    } else if (token !== undefined && (token === 'one' || token.literal === value[v])) {
      p++;
      v++;
    } else if (runAt >= 0) {
      // Let the last run swallow one more code point and retry from just after it.
      p = runAt + 1;
      v = ++runEnd;
    } else {
      return false;
    }
  }
  while (pattern[p] === 'run') p++;
  return p === pattern.length;
}

/** A `*` glob: `*` is any run, everything else literal. */
export function globTokens(glob: string): WildcardToken[] {
  return [...glob].map((character) => (character === '*' ? 'run' : { literal: character }));
}
