import { describe, expect, it } from 'vitest';
import { latestSession } from './latest-session.js';
import type { ArchiveSession } from './legacy-pca-types.js';

function session(id: string, startDate: string, endDate: string | null = startDate): ArchiveSession {
  return {
    id: id.padStart(24, '0'),
    serviceId: 'p/pca-1',
    name: id,
    startDate,
    endDate,
    size: 1,
    state: 'done',
    phase: 'ready',
    login: 'pca',
    srcIp: null,
  };
}

describe('latestSession', () => {
  it('picks the most recent start date, not the last or the highest id', () => {
    const sessions = [
      session('ff', '2025-01-01T00:00:00.000Z'),
      session('01', '2026-03-01T00:00:00.000Z'),
      session('aa', '2025-12-31T23:59:59.000Z'),
    ];
    expect(latestSession(sessions)?.name).toBe('01');
    expect(latestSession([...sessions].reverse())?.name).toBe('01');
  });

  it('compares instants, whatever the written offset', () => {
    const sessions = [session('a', '2026-03-01T10:00:00+02:00'), session('b', '2026-03-01T09:30:00+00:00')];
    expect(latestSession(sessions)?.name).toBe('b');
  });

  it('breaks ties on start by end (still uploading = newest), then id', () => {
    const start = '2026-03-01T00:00:00.000Z';
    expect(
      latestSession([session('a', start, '2026-03-02T00:00:00.000Z'), session('b', start, null)])?.name,
    ).toBe('b');
    expect(latestSession([session('a', start), session('b', start)])?.name).toBe('b');
  });

  it('passes over a session already being deleted', () => {
    const deleting = {
      ...session('new', '2026-03-02T00:00:00.000Z'),
      state: 'doingDelete',
      phase: 'deleting',
    } as const;
    expect(latestSession([session('old', '2026-03-01T00:00:00.000Z'), deleting])?.name).toBe('old');
    expect(latestSession([deleting])).toBeNull();
  });

  it('is null for no sessions', () => {
    expect(latestSession([])).toBeNull();
  });
});
