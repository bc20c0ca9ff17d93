import { describe, expect, it } from 'vitest';
import type { ArchiveRow } from '../../../shared/ipc-types.js';
import { sampleSessions } from '../../testing/sample-data.js';
import { usageBy, usageByMonth, usageByProduct } from './storage-data.js';

describe('storage aggregations', () => {
  it('adds sizes by upload month and keeps a running total', () => {
    const sessions = sampleSessions(3).map((session, index) => ({
      ...session,
      startDate: ['2026-01-31T23:00:00.000Z', '2026-03-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z'][index]!,
      size: [100, 50, 10][index]!,
    }));
    expect(usageByMonth(sessions)).toEqual([
      { month: '2026-01', added: 110, cumulative: 110 },
      { month: '2026-03', added: 50, cumulative: 160 },
    ]);
  });

  it('groups bytes and counts by a key, largest first', () => {
    const sessions = sampleSessions(4).map((session, index) => ({
      ...session,
      phase: (index < 3 ? 'ready' : 'uploading') as 'ready' | 'uploading',
      size: 10,
    }));
    expect(usageBy(sessions, (session) => session.phase)).toEqual([
      { key: 'ready', bytes: 30, count: 3 },
      { key: 'uploading', bytes: 10, count: 1 },
    ]);
  });
});

describe('usageByProduct', () => {
  const row = (product: ArchiveRow['product'], bytes: number | null): ArchiveRow => ({
    product,
    project: 'p',
    region: 'GRA',
    name: `${product}-${bytes}`,
    state: 'active',
    phase: 'open',
    objects: 1,
    bytes,
    capabilities: ['list'],
    lockedUntil: null,
    restoredUntil: null,
    steps: [],
  });
  it('adds bytes and counts archives per product, largest first', () => {
    expect(
      usageByProduct([
        row('cloud-archive', 10),
        row('legacy-pca', 500),
        row('cloud-archive', 5),
        row('cloud-archive', null),
      ]),
    ).toEqual([
      { key: 'legacy-pca', bytes: 500, count: 1 },
      { key: 'cloud-archive', bytes: 15, count: 3 },
    ]);
  });
});
