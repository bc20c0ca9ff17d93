/** The longest prefix all keys share: one listing covers them all. */
export function longestCommonPrefix(keys: readonly string[]): string {
  if (keys.length === 0) return '';
  let prefix = keys[0]!;
  for (const key of keys) {
    while (!key.startsWith(prefix)) prefix = prefix.slice(0, -1);
    if (prefix === '') break;
  }
  // Never cut a UTF-16 surrogate pair in two.
  const last = prefix.charCodeAt(prefix.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? prefix.slice(0, -1) : prefix;
}
