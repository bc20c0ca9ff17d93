import { describe, expect, it } from 'vitest';
import {
  ARRAY_BUFFER_CEILING,
  bytesMoved,
  PACE_BYTES,
  pacedCollections,
  pacedMajorCollections,
} from './memory-pacer.js';

describe('memory pacer', () => {
  it('runs one minor collection per PACE_BYTES moved, whatever the chunk sizes', () => {
    const before = pacedCollections();
    const majorBefore = pacedMajorCollections();
    for (let moved = 0; moved < PACE_BYTES * 3; moved += 64 * 1024) bytesMoved(64 * 1024);
    expect(pacedCollections() - before).toBe(3);
    bytesMoved(PACE_BYTES - 1);
    expect(pacedCollections() - before).toBe(3);
    bytesMoved(1);
    expect(pacedCollections() - before).toBe(4);
    expect(pacedMajorCollections() - majorBefore).toBe(0);
  });

  it('runs a major collection instead while ArrayBuffers hold more than the ceiling', () => {
    // Live buffers past the ceiling, as chunks promoted while waiting on sockets would be.
    const held = Array.from({ length: 4 }, () => Buffer.alloc(ARRAY_BUFFER_CEILING / 2));
    const before = pacedMajorCollections();
    bytesMoved(PACE_BYTES);
    expect(pacedMajorCollections() - before).toBe(1);
    held.length = 0;
    // Released: paces stay major until a collection frees them (a marking V8 began while they
    // were live keeps them one cycle more), then they are minor again.
    let paces = 0;
    while (process.memoryUsage().arrayBuffers > ARRAY_BUFFER_CEILING && paces < 4) {
      bytesMoved(PACE_BYTES);
      paces += 1;
    }
    expect(process.memoryUsage().arrayBuffers).toBeLessThanOrEqual(ARRAY_BUFFER_CEILING);
    expect(pacedMajorCollections() - before).toBe(1 + paces);
    const collectionsBefore = pacedCollections();
    bytesMoved(PACE_BYTES);
    expect(pacedCollections() - collectionsBefore).toBe(1);
    expect(pacedMajorCollections() - before).toBe(1 + paces);
  });
});
