import { describe, expect, it } from 'vitest';
import { buildObjectPrunePlan, type PruneCandidate, parseKeepCount } from './object-prune.js';

const DAY_MS = 86_400_000;
const NOW = Date.parse('2026-06-01T00:00:00Z');
const daysAgo = (days: number) => new Date(NOW - days * DAY_MS).toISOString();

const plan = (
  candidates: PruneCandidate[],
  extra: Partial<Parameters<typeof buildObjectPrunePlan>[0]> = {},
) =>
  buildObjectPrunePlan({
    product: 'cloud-archive',
    archive: 'p/GRA/a',
    candidates,
    serverNowMs: NOW,
    clockOffsetSeconds: 0,
    olderThanSeconds: 30 * 86_400,
    keepNewest: 0,
    prefix: null,
    ...extra,
  });

describe('buildObjectPrunePlan', () => {
  it('deletes what is strictly older than the cut-off, oldest first; no date is never old; busy stays', () => {
    const result = plan([
      { key: 'b', bytes: 2, lastModified: daysAgo(40) },
      { key: 'a', bytes: 1, lastModified: daysAgo(50) },
      { key: 'edge', bytes: 1, lastModified: daysAgo(30) },
      { key: 'undated', bytes: 1, lastModified: null },
      { key: 'busy', bytes: 1, lastModified: daysAgo(90), busy: true },
      { key: 'new', bytes: 1, lastModified: daysAgo(1) },
    ]);
    expect(result.objects.map((object) => object.key)).toEqual(['a', 'b']);
    expect(result.skipped).toEqual([{ key: 'busy', bytes: 1, lastModified: daysAgo(90), reason: 'busy' }]);
    expect(result.recentCount).toBe(3);
    expect(result.cutoff).toBe(daysAgo(30));
    expect(result).toMatchObject({ deleteCount: 2, totalBytes: 3 });
  });

  it('keeps the N most recent in scope, then spreads protection until stable, and attaches parts', () => {
    // m1 (kept) needs s1; s1 is a manifest too and needs s2: both stay. m2 goes with its part.
    const needs: Record<string, string[]> = { m1: ['s1'], s1: ['s2'], m2: ['x'] };
    const result = plan(
      [
        { key: 'm1', bytes: 0, lastModified: daysAgo(31) },
        { key: 's1', bytes: 0, lastModified: daysAgo(60) },
        { key: 's2', bytes: 5, lastModified: daysAgo(60) },
        { key: 'm2', bytes: 0, lastModified: daysAgo(70) },
      ],
      {
        keepNewest: 1,
        mustStay: (selected) => {
          const stays = new Map<string, 'referenced'>();
          for (const [manifest, segments] of Object.entries(needs)) {
            if (!selected.has(manifest)) for (const segment of segments) stays.set(segment, 'referenced');
          }
          return stays;
        },
        partsOf: (selected) =>
          new Map(
            [...selected].map((key) => [
              key,
              key === 'm2' ? [{ archive: 'a_segments', key: 'x', bytes: 7 }] : [],
            ]),
          ),
      },
    );
    expect(result.objects.map((object) => [object.key, object.parts.length])).toEqual([['m2', 1]]);
    expect(result.skipped.map((skip) => [skip.key, skip.reason])).toEqual([
      ['m1', 'kept-newest'],
      ['s1', 'referenced'],
      ['s2', 'referenced'],
    ]);
    expect(result).toMatchObject({ deleteCount: 2, totalBytes: 7 });
  });

  it('a keep count is a whole number from 0 to 1,000,000', () => {
    expect(parseKeepCount(undefined)).toBe(0);
    expect(parseKeepCount('12')).toBe(12);
    for (const bad of ['-1', '1.5', 'two', '', '1000001', ' 3'])
      expect(() => parseKeepCount(bad)).toThrow(/keep count/);
  });
});
