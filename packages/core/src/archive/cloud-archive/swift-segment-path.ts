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

/** Where a dynamic large object's segments are: every object of `container` under `prefix`. */
export interface SwiftManifestPrefix {
  container: string;
  prefix: string;
}

/** `container/prefix` of an X-Object-Manifest header (percent-encoded by whoever wrote it, or not). */
export function parseManifestHeader(value: string): SwiftManifestPrefix {
  const path = value.replace(/^\//, '');
  const cut = path.indexOf('/');
  const decode = (part: string) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  };
  return cut < 0
    ? { container: decode(path), prefix: '' }
    : { container: decode(path.slice(0, cut)), prefix: decode(path.slice(cut + 1)) };
}
