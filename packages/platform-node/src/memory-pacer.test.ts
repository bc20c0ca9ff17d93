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
    // Released: at most one more major collection frees them, then the paces are minor again.
    bytesMoved(PACE_BYTES);
    expect(process.memoryUsage().arrayBuffers).toBeLessThan(ARRAY_BUFFER_CEILING);
    const afterFreeing = pacedMajorCollections();
    expect(afterFreeing - before).toBeLessThanOrEqual(2);
    bytesMoved(PACE_BYTES);
    expect(pacedMajorCollections()).toBe(afterFreeing);
  });
});
