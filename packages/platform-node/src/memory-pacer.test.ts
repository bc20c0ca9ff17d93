import { describe, expect, it } from 'vitest';
import { bytesMoved, PACE_BYTES, pacedCollections } from './memory-pacer.js';

describe('memory pacer', () => {
  it('runs one minor collection per PACE_BYTES moved, whatever the chunk sizes', () => {
    const before = pacedCollections();
    for (let moved = 0; moved < PACE_BYTES * 3; moved += 64 * 1024) bytesMoved(64 * 1024);
    expect(pacedCollections() - before).toBe(3);
    bytesMoved(PACE_BYTES - 1);
    expect(pacedCollections() - before).toBe(3);
    bytesMoved(1);
    expect(pacedCollections() - before).toBe(4);
  });
});
