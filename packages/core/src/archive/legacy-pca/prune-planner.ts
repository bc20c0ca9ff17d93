import { ValidationError } from '../archive-errors.js';
import { dateMs } from '../iso-date.js';
import { compareNewestFirst } from './latest-session.js';
import type { ArchiveSession, ArchiveSessionPhase } from './legacy-pca-types.js';
import type { PrunePlan, PruneSkippedSession, PruneSkipReason } from './prune-types.js';

export interface PrunePlanInput {
  sessions: readonly ArchiveSession[];
  serviceIds: string[];
  /** The server's clock, ms. */
  serverNowMs: number;
  clockOffsetSeconds: number;
  olderThanSeconds: number;
  keepNewest: number;
}

const SKIP_BY_PHASE: Partial<Record<ArchiveSessionPhase, PruneSkipReason>> = {
  uploading: 'uploading',
  deleting: 'deleting',
  restoring: 'restoring',
  busy: 'busy',
};

/** A session prune may delete: finished (end date set) and in a final state. */
export function isPrunable(session: ArchiveSession): boolean {
  return session.endDate !== null && (session.phase === 'ready' || session.phase === 'failed');
}

export function parseKeepNewest(value: unknown): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new ValidationError('keepNewest', `Invalid keep-newest count ${String(value)}: expected 0 or more`);
  }
  return value;
}

/** The N newest complete sessions (state done) of each service, by startDate. */
function newestCompletePerService(
  sessions: readonly ArchiveSession[],
  keepNewest: number,
): Set<ArchiveSession> {
  const kept = new Set<ArchiveSession>();
  if (keepNewest === 0) return kept;
  const byService = new Map<string, ArchiveSession[]>();
  for (const session of sessions) {
    if (session.phase !== 'ready' || session.endDate === null) continue;
    const list = byService.get(session.serviceId) ?? [];
    list.push(session);
    byService.set(session.serviceId, list);
  }
  for (const list of byService.values()) {
    for (const session of list.sort(compareNewestFirst).slice(0, keepNewest)) kept.add(session);
  }
  return kept;
}

/**
 * Decides which sessions a retention run deletes. Pure: the caller supplies the sessions and the
 * server's clock. A session is old when its end is strictly before `serverNow − olderThan`; a
 * session still uploading is judged by its start (it has no end) and always skipped.
 */
export function buildPrunePlan(input: PrunePlanInput): PrunePlan {
  const cutoffMs = input.serverNowMs - input.olderThanSeconds * 1000;
  const kept = newestCompletePerService(input.sessions, input.keepNewest);
  const toDelete: ArchiveSession[] = [];
  const skipped: PruneSkippedSession[] = [];
  let recentCount = 0;

  for (const session of input.sessions) {
    const referenceMs = session.endDate === null ? dateMs(session.startDate) : dateMs(session.endDate);
    // Unparsable dates compare false here, so such a session counts as recent and stays.
    if (!(referenceMs < cutoffMs)) {
      recentCount += 1;
      continue;
    }
    if (!isPrunable(session)) {
      skipped.push({ session, reason: SKIP_BY_PHASE[session.phase] ?? 'busy' });
    } else if (kept.has(session)) {
      skipped.push({ session, reason: 'kept-newest' });
    } else {
      toDelete.push(session);
    }
  }

  toDelete.sort((a, b) => dateMs(a.endDate) - dateMs(b.endDate) || (a.id < b.id ? -1 : 1));
  return {
    olderThanSeconds: input.olderThanSeconds,
    keepNewest: input.keepNewest,
    serviceIds: input.serviceIds,
    serverTime: new Date(input.serverNowMs).toISOString(),
    clockOffsetSeconds: input.clockOffsetSeconds,
    cutoff: new Date(cutoffMs).toISOString(),
    sessions: toDelete,
    totalBytes: toDelete.reduce((sum, session) => sum + session.size, 0),
    skipped,
    recentCount,
  };
}
