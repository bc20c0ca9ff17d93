import { describe, expect, it } from 'vitest';
import { ValidationError } from '../archive-errors.js';
import { pcaSessionPhase } from './legacy-pca-phases.js';
import type { ArchiveSession, ArchiveSessionState } from './legacy-pca-types.js';
import { buildPrunePlan, parseKeepNewest } from './prune-planner.js';

const NOW = Date.parse('2026-06-01T00:00:00.000Z');
const DAY = 86_400_000;

let counter = 0;
function session(
  daysAgoEnded: number | null,
  state: ArchiveSessionState = 'done',
  options: { serviceId?: string; size?: number; daysAgoStarted?: number } = {},
): ArchiveSession {
  counter += 1;
  const started = options.daysAgoStarted ?? (daysAgoEnded ?? 0) + 1;
  const endDate = daysAgoEnded === null ? null : new Date(NOW - daysAgoEnded * DAY).toISOString();
  return {
    id: counter.toString(16).padStart(24, '0'),
    serviceId: options.serviceId ?? 'p/pca-1',
    name: `s${counter}`,
    startDate: new Date(NOW - started * DAY).toISOString(),
    endDate,
    size: options.size ?? 1000,
    state,
    phase: pcaSessionPhase(state, endDate),
    login: 'pca',
    srcIp: null,
  };
}

function plan(sessions: ArchiveSession[], olderThanDays: number, keepNewest = 0) {
  return buildPrunePlan({
    sessions,
    serviceIds: ['p/pca-1', 'p/pca-2'],
    serverNowMs: NOW,
    clockOffsetSeconds: 0,
    olderThanSeconds: olderThanDays * 86_400,
    keepNewest,
  });
}

describe('buildPrunePlan', () => {
  it('selects finished sessions whose end is older than the age, oldest first, with their bytes', () => {
    const old1 = session(100, 'done', { size: 5 });
    const old2 = session(200, 'error', { size: 7 });
    const recent = session(10);
    const result = plan([old1, recent, old2], 90);
    expect(result.sessions.map((s) => s.name)).toEqual([old2.name, old1.name]);
    expect(result.totalBytes).toBe(12);
    expect(result.recentCount).toBe(1);
    expect(result.cutoff).toBe(new Date(NOW - 90 * DAY).toISOString());
    expect(result.serverTime).toBe(new Date(NOW).toISOString());
  });

  it('an end exactly at the cutoff is not older than it', () => {
    const edge = session(90);
    expect(plan([edge], 90).sessions).toEqual([]);
  });

  it('never touches uploading, deleting, restoring or other busy sessions, and says why', () => {
    const uploading = session(null, 'doing', { daysAgoStarted: 400 });
    const uploadingDone = session(null, 'done', { daysAgoStarted: 400 });
    const toDelete = session(300, 'toDelete');
    const doingDelete = session(300, 'doingDelete');
    const toRestore = session(300, 'toRestore');
    const doingRestore = session(300, 'doingRestore');
    const tagging = session(300, 'tagging');
    const failedDelete = session(300, 'failedDelete');
    const result = plan(
      [uploading, uploadingDone, toDelete, doingDelete, toRestore, doingRestore, tagging, failedDelete],
      90,
    );
    expect(result.sessions.map((s) => s.name)).toEqual([failedDelete.name]);
    expect(Object.fromEntries(result.skipped.map((s) => [s.session.name, s.reason]))).toEqual({
      [uploading.name]: 'uploading',
      [uploadingDone.name]: 'uploading',
      [toDelete.name]: 'deleting',
      [doingDelete.name]: 'deleting',
      [toRestore.name]: 'restoring',
      [doingRestore.name]: 'restoring',
      [tagging.name]: 'busy',
    });
  });

  it('keeps the newest N complete sessions of each service, counting recent ones', () => {
    const a1 = session(100, 'done', { serviceId: 'p/pca-1' });
    const a2 = session(200, 'done', { serviceId: 'p/pca-1' });
    const a3 = session(300, 'done', { serviceId: 'p/pca-1' });
    const aErr = session(50, 'error', { serviceId: 'p/pca-1' });
    const b1 = session(5, 'done', { serviceId: 'p/pca-2' });
    const b2 = session(150, 'done', { serviceId: 'p/pca-2' });
    const b3 = session(250, 'done', { serviceId: 'p/pca-2' });
    const result = plan([a1, a2, a3, aErr, b1, b2, b3], 90, 2);
    expect(result.sessions.map((s) => s.name)).toEqual([a3.name, b3.name]);
    expect(result.skipped.map((s) => [s.session.name, s.reason])).toEqual([
      [a1.name, 'kept-newest'],
      [a2.name, 'kept-newest'],
      [b2.name, 'kept-newest'],
    ]);
  });

  it('keeps sessions with unparsable dates', () => {
    const odd = { ...session(300), endDate: 'not a date' };
    expect(plan([odd], 1).sessions).toEqual([]);
  });
});

describe('parseKeepNewest', () => {
  it('accepts whole numbers from zero', () => {
    expect(parseKeepNewest(undefined)).toBe(0);
    expect(parseKeepNewest(3)).toBe(3);
  });

  it.each([-1, 1.5, Number.NaN, '3'])('rejects %j', (value) => {
    expect(() => parseKeepNewest(value)).toThrow(ValidationError);
  });
});
