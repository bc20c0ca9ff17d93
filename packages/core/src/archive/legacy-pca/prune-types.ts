import type { ArchiveErrorInfo } from '../archive-error-info.js';
import type { ArchiveSession, ArchiveTask } from './legacy-pca-types.js';

export interface PrunePlanOptions {
  /** Sessions whose end is older than this are deleted: seconds, or an age like `90d` (see parseAge). */
  olderThan: string | number;
  /** Keep the N newest complete sessions (state done) of each service even when old. Default 0. */
  keepNewest?: number;
  /** Restrict to one service (`passport/pca`); defaults to the model's pinned service, else all. */
  service?: string;
  signal?: AbortSignal;
}

/** Why an old-enough session is left alone. */
// `cancelled`: the run was aborted before this session's turn.
export type PruneSkipReason = 'uploading' | 'deleting' | 'restoring' | 'busy' | 'kept-newest' | 'cancelled';

export interface PruneSkippedSession {
  session: ArchiveSession;
  reason: PruneSkipReason;
}

/** Everything a caller shows before deleting anything. Plain JSON. */
export interface PrunePlan {
  olderThanSeconds: number;
  keepNewest: number;
  /** Services the plan covers. */
  serviceIds: string[];
  /** The server's clock when the plan was made (ISO). Ages are measured on it, never the local clock. */
  serverTime: string;
  /** Seconds, server − local, as measured by the client. */
  clockOffsetSeconds: number;
  /** Sessions that ended before this instant are old enough (serverTime − olderThan). */
  cutoff: string;
  /** Sessions to delete, oldest end first. */
  sessions: ArchiveSession[];
  totalBytes: number;
  /** Old-enough sessions that will not be touched, with the reason. */
  skipped: PruneSkippedSession[];
  /** How many sessions are younger than the cutoff (not listed). */
  recentCount: number;
}

export type PruneOutcome =
  /** DELETE accepted: `task` is the deletion task. */
  | 'deleted'
  /**
   * The DELETE's answer was lost (5xx, dropped connection) or was a 409 after the client's retry,
   * and a read shows the session being deleted: counted as success; the task is unknown.
   */
  | 'already-deleting'
  /** The session no longer exists: nothing to do. */
  | 'gone'
  /** Re-checked just before deleting, the session had become busy (restore started, …). */
  | 'skipped'
  | 'failed';

export interface PruneSessionResult {
  sessionId: string;
  serviceId: string;
  name: string;
  size: number;
  outcome: PruneOutcome;
  task?: ArchiveTask;
  /** For `skipped`: the reason. */
  reason?: PruneSkipReason;
  /** For `failed`. */
  error?: ArchiveErrorInfo;
}

export interface PruneProgressEvent {
  result: PruneSessionResult;
  completed: number;
  total: number;
}

export interface ExecutePruneOptions {
  /** Deletions in flight at once. Default 4. */
  concurrency?: number;
  onProgress?: (event: PruneProgressEvent) => void;
  signal?: AbortSignal;
  /**
   * DELETE calls made for one session at most, each after the first only once a read shows it still
   * deletable. Default 3. (Within one call the client may resend a DELETE whose answer was lost.)
   */
  deleteAttempts?: number;
}

export interface PruneResult {
  /** One entry per planned session, in plan order. */
  results: PruneSessionResult[];
  /** deleted + already-deleting. */
  deletedCount: number;
  deletedBytes: number;
  goneCount: number;
  skippedCount: number;
  failedCount: number;
  /** The deletion tasks, ready for waitForTasks. */
  tasks: ArchiveTask[];
}
