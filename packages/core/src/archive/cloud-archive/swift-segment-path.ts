/** A segment as a manifest names it: `/container/key` (stored as is, not percent-encoded). */
export interface SwiftSegmentPath {
  container: string;
  key: string;
}

/** Splits an SLO manifest entry's `name` (`/container/key`) at its first `/` after the container. */
export function parseSegmentPath(name: string): SwiftSegmentPath {
  const path = name.replace(/^\//, '');
  const cut = path.indexOf('/');
  return { container: path.slice(0, cut), key: path.slice(cut + 1) };
}
