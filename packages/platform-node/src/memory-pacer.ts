// Transfers move gigabytes through short-lived Buffers whose bytes live outside V8's heap. Each
// chunk's JS wrapper is tiny, so the young generation fills slowly and tens of MB of dead chunks
// wait for a collection while counting in RSS. A minor GC every few MiB moved frees them for no
// measurable time (a 1 GiB fetch read with MD5: 170 → 105 MB peak RSS, same wall time).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Bytes moved (read or written, all transfers together) between two minor collections. */
export const PACE_BYTES = 4 * 1024 * 1024;

type Collect = () => void;
let collect: Collect | null | undefined;
let sinceLast = 0;
let collections = 0;

/** Node's gc() in a minor flavour, or null where the runtime refuses to expose it. */
function minorCollector(): Collect | null {
  if (collect !== undefined) return collect;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;
    collect = () => gc({ type: 'minor' });
  } catch {
    collect = null;
  }
  return collect;
}

/** Counts bytes a transfer moved; every PACE_BYTES, one minor collection. */
export function bytesMoved(count: number): void {
  sinceLast += count;
  if (sinceLast < PACE_BYTES) return;
  sinceLast = 0;
  const run = minorCollector();
  if (run) {
    run();
    collections += 1;
  }
}

/** How many collections the pacer ran (for tests and benchmarks). */
export function pacedCollections(): number {
  return collections;
}
