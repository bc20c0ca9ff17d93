import { dateMs } from '../iso-date.js';
import type { ArchiveSession } from './legacy-pca-types.js';

/**
 * Orders sessions newest first: by startDate, then endDate (a session still uploading counts as
 * newest), then id, so the order is total and the same on every run.
 */
export function compareNewestFirst(a: ArchiveSession, b: ArchiveSession): number {
  const byStart = (dateMs(b.startDate) || 0) - (dateMs(a.startDate) || 0);
  if (byStart !== 0) return byStart;
  const endA = a.endDate === null ? Number.POSITIVE_INFINITY : dateMs(a.endDate) || 0;
  const endB = b.endDate === null ? Number.POSITIVE_INFINITY : dateMs(b.endDate) || 0;
  if (endA !== endB) return endB > endA ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * "Last session" = the most recent by startDate (never the last ID of an unordered list), among
 * sessions not already on their way out: a session being deleted cannot be renamed any more.
 */
export function latestSession(sessions: readonly ArchiveSession[]): ArchiveSession | null {
  let latest: ArchiveSession | null = null;
  for (const session of sessions) {
    if (session.phase === 'deleting') continue;
    if (latest === null || compareNewestFirst(session, latest) < 0) latest = session;
  }
  return latest;
}
