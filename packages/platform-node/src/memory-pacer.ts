// Transfers move gigabytes through short-lived Buffers whose bytes live outside V8's heap. Each
// chunk's JS wrapper is tiny, so the young generation fills slowly and tens of MB of dead chunks
// wait for a collection while counting in RSS. A minor GC every few MiB moved frees them for no
// measurable time (a 1 GiB fetch read with MD5: 170 → 105 MB peak RSS, same wall time).
// Chunks still in flight at two minor GCs in a row (a part body waiting on its socket) are
// promoted, and only a major GC frees them: with four S3 parts at once they piled up to ~40 MB
// between V8's own major GCs. So a major GC runs too, when buffers pass ARRAY_BUFFER_CEILING.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Bytes moved (read or written, all transfers together) between two minor collections. */
export const PACE_BYTES = 4 * 1024 * 1024;
/** Bytes held by ArrayBuffers past which the pacer runs a major collection instead. */
export const ARRAY_BUFFER_CEILING = 24 * 1024 * 1024;

type Collect = (type: 'minor' | 'major') => void;
let collect: Collect | null | undefined;
let sinceLast = 0;
let collections = 0;
let majorCollections = 0;

/** Node's gc() with a chosen flavour, or null where the runtime refuses to expose it. */
function collector(): Collect | null {
  if (collect !== undefined) return collect;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;
    collect = (type) => gc({ type });
  } catch {
    collect = null;
  }
  return collect;
}

/** Counts bytes a transfer moved; every PACE_BYTES, one collection (major past the ceiling). */
export function bytesMoved(count: number): void {
  sinceLast += count;
  if (sinceLast < PACE_BYTES) return;
  sinceLast = 0;
  const run = collector();
  if (!run) return;
  if (process.memoryUsage().arrayBuffers > ARRAY_BUFFER_CEILING) {
    run('major');
    majorCollections += 1;
  } else {
    run('minor');
  }
  collections += 1;
}

/** How many collections the pacer ran, and how many of them were major (tests, benchmarks). */
export function pacedCollections(): number {
  return collections;
}

export function pacedMajorCollections(): number {
  return majorCollections;
}
