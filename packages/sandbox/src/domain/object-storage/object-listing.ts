/**
 * Swift's listing order (UTF-8 byte order, i.e. code point order) and its paging parameters
 * (`marker`, `end_marker`, `prefix`, `delimiter`, `limit`). Sorted keys are cached per container and
 * dropped by the two mutators below, the only ways objects change.
 */
import type { ContainerRecord, ObjectRecord } from './object-storage-state.js';

/** Code point order, which is UTF-8 byte order: surrogates sort above U+E000..U+FFFF. */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

const sortedCache = new WeakMap<Record<string, ObjectRecord>, string[]>();
const usageCache = new WeakMap<Record<string, ObjectRecord>, { objects: number; bytes: number }>();

export function sortedKeys(container: ContainerRecord): string[] {
  let keys = sortedCache.get(container.objects);
  if (!keys) {
    keys = Object.keys(container.objects).sort(compareKeys);
    sortedCache.set(container.objects, keys);
  }
  return keys;
}

export function putObject(container: ContainerRecord, object: ObjectRecord): void {
  if (!(object.key in container.objects)) sortedCache.delete(container.objects);
  usageCache.delete(container.objects);
  container.objects[object.key] = object;
}

export function removeObject(container: ContainerRecord, key: string): ObjectRecord | undefined {
  const object = container.objects[key];
  if (!object) return undefined;
  delete container.objects[key];
  sortedCache.delete(container.objects);
  usageCache.delete(container.objects);
  return object;
}

export interface ListOptions {
  prefix?: string;
  marker?: string;
  endMarker?: string;
  delimiter?: string;
  limit: number;
}

export type ListEntry = { object: ObjectRecord } | { subdir: string };

/** First index whose key is above `bound` (or at it, when `inclusive`). */
function firstIndex(keys: readonly string[], bound: string, inclusive: boolean): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const order = compareKeys(keys[mid]!, bound);
    if (order < 0 || (order === 0 && !inclusive)) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function listObjects(container: ContainerRecord, options: ListOptions): ListEntry[] {
  const keys = sortedKeys(container);
  const prefix = options.prefix ?? '';
  const marker = options.marker ?? '';
  const start = Math.max(firstIndex(keys, prefix, true), marker ? firstIndex(keys, marker, false) : 0);
  const entries: ListEntry[] = [];
  let lastSubdir: string | undefined;
  for (let i = start; i < keys.length && entries.length < options.limit; i++) {
    const key = keys[i]!;
    if (!key.startsWith(prefix)) break;
    if (
      options.endMarker !== undefined &&
      options.endMarker !== '' &&
      compareKeys(key, options.endMarker) >= 0
    )
      break;
    if (options.delimiter) {
      const cut = key.indexOf(options.delimiter, prefix.length);
      if (cut >= 0) {
        const subdir = key.slice(0, cut + options.delimiter.length);
        if (subdir !== lastSubdir && (!marker || compareKeys(subdir, marker) > 0)) entries.push({ subdir });
        lastSubdir = subdir;
        continue;
      }
    }
    entries.push({ object: container.objects[key]! });
  }
  return entries;
}

/** Object count and bytes used (every HEAD and listing shows them), cached like the sorted keys. */
export function containerUsage(container: ContainerRecord): { objects: number; bytes: number } {
  const cached = usageCache.get(container.objects);
  if (cached) return cached;
  let bytes = 0;
  let objects = 0;
  for (const key in container.objects) {
    const object = container.objects[key]!;
    objects++;
    // A manifest stores no data of its own: its segments are counted where they are.
    if (!object.manifest) bytes += object.bytes;
  }
  const usage = { objects, bytes };
  usageCache.set(container.objects, usage);
  return usage;
}
