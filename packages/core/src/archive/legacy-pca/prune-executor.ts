import { errorStatus, toArchiveErrorInfo } from '../archive-error-info.js';
import { mapBounded } from '../bounded-map.js';
import { isTransientFailure } from '../transient-failure.js';
import type { ArchiveSession, ArchiveTask } from './legacy-pca-types.js';
import { isPrunable } from './prune-planner.js';
import type {
  ExecutePruneOptions,
  PrunePlan,
  PruneResult,
  PruneSessionResult,
  PruneSkipReason,
} from './prune-types.js';

export const DEFAULT_PRUNE_CONCURRENCY = 4;
export const DEFAULT_DELETE_ATTEMPTS = 3;

/** What the executor needs from the model, each call aimed at one known service. */
export interface PruneOperations {
  /** Current sessions of these services (a constant number of requests). */
  listSessions(serviceIds: string[], signal?: AbortSignal): Promise<ArchiveSession[]>;
  getSession(serviceId: string, sessionId: string, signal?: AbortSignal): Promise<ArchiveSession>;
  deleteSession(serviceId: string, sessionId: string, signal?: AbortSignal): Promise<ArchiveTask>;
}

const SKIP_BY_PHASE: Record<string, PruneSkipReason> = {
  uploading: 'uploading',
  deleting: 'deleting',
  restoring: 'restoring',
};

function sessionKey(serviceId: string, sessionId: string): string {
  return `${serviceId}#${sessionId}`;
}

/**
 * Deletes exactly the planned sessions, each once. States are re-read first, in one listing per
 * service, so a session that started a restore since the plan was shown is left alone. After a
 * failed or conflicting DELETE the session is read again before anything else is sent.
 */
export async function executePrunePlan(
  plan: PrunePlan,
  operations: PruneOperations,
  options: ExecutePruneOptions = {},
): Promise<PruneResult> {
  const total = plan.sessions.length;
  let completed = 0;
  const serviceIds = [...new Set(plan.sessions.map((session) => session.serviceId))];
  const current = new Map<string, ArchiveSession>();
  if (total > 0) {
    for (const session of await operations.listSessions(serviceIds, options.signal)) {
      current.set(sessionKey(session.serviceId, session.id), session);
    }
  }

  const base = (session: ArchiveSession): Omit<PruneSessionResult, 'outcome'> => ({
    sessionId: session.id,
    serviceId: session.serviceId,
    name: session.name,
    size: session.size,
  });

  const deleteOne = async (planned: ArchiveSession): Promise<PruneSessionResult> => {
    const now = current.get(sessionKey(planned.serviceId, planned.id));
    if (!now) return { ...base(planned), outcome: 'gone' };
    if (!isPrunable(now)) {
      return { ...base(planned), outcome: 'skipped', reason: SKIP_BY_PHASE[now.phase] ?? 'busy' };
    }
    const attempts = Math.max(1, options.deleteAttempts ?? DEFAULT_DELETE_ATTEMPTS);
    for (let attempt = 1; ; attempt++) {
      try {
        const task = await operations.deleteSession(planned.serviceId, planned.id, options.signal);
        return { ...base(planned), outcome: 'deleted', task };
      } catch (error) {
        const status = errorStatus(error);
        if (status === 404) return { ...base(planned), outcome: 'gone' };
        if (status !== 409 && !isTransientFailure(error)) {
          return { ...base(planned), outcome: 'failed', error: toArchiveErrorInfo(error) };
        }
        // A 409, or an answer lost after the server may have acted: read before sending again,
        // so a session is never deleted twice.
        const standing = await readStanding(planned);
        if (standing === 'deleting') return { ...base(planned), outcome: 'already-deleting' };
        if (standing === 'gone') return { ...base(planned), outcome: 'gone' };
        if (standing !== 'prunable' || status === 409 || attempt >= attempts) {
          return { ...base(planned), outcome: 'failed', error: toArchiveErrorInfo(error) };
        }
      }
    }
  };

  const readStanding = async (
    planned: ArchiveSession,
  ): Promise<'deleting' | 'gone' | 'prunable' | 'other' | 'unknown'> => {
    try {
      const now = await operations.getSession(planned.serviceId, planned.id, options.signal);
      if (now.phase === 'deleting') return 'deleting';
      return isPrunable(now) ? 'prunable' : 'other';
    } catch (error) {
      return errorStatus(error) === 404 ? 'gone' : 'unknown';
    }
  };

  const results = await mapBounded(
    plan.sessions,
    options.concurrency ?? DEFAULT_PRUNE_CONCURRENCY,
    async (planned) => {
      const result = await deleteOne(planned);
      completed += 1;
      options.onProgress?.({ result, completed, total });
      return result;
    },
    {
      signal: options.signal,
      onSkip: (planned) => {
        const result: PruneSessionResult = { ...base(planned), outcome: 'skipped', reason: 'cancelled' };
        completed += 1;
        options.onProgress?.({ result, completed, total });
        return result;
      },
    },
  );

  const count = (...outcomes: PruneSessionResult['outcome'][]): PruneSessionResult[] =>
    results.filter((result) => outcomes.includes(result.outcome));
  const deleted = count('deleted', 'already-deleting');
  return {
    results,
    deletedCount: deleted.length,
    deletedBytes: deleted.reduce((sum, result) => sum + result.size, 0),
    goneCount: count('gone').length,
    skippedCount: count('skipped').length,
    failedCount: count('failed').length,
    tasks: results.flatMap((result) => (result.task ? [result.task] : [])),
  };
}
