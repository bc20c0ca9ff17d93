import type { ListTasksOptions } from './legacy-pca-query-types.js';
import type { ArchiveFile, ArchiveService, ArchiveSession, ArchiveTask } from './legacy-pca-types.js';

/** A task read in a batch: the task, or the error that one read met. */
export interface ArchiveTaskRead {
  id: string;
  task?: ArchiveTask;
  error?: Error;
}

/**
 * The legacy routes the sessions model (LegacyPcaModel) drives, as a port so the composition root
 * injects the implementation (LegacyPcaBackend). Every call targets exactly one service; a missing
 * object rejects with an error whose `status` is 404. Products of today are `ArchiveBackend`s.
 */
export interface LegacyPcaBackendPort<S extends ArchiveService = ArchiveService> {
  readonly kind: S['kind'];
  /** The accounts services hang from (Public Cloud passports). */
  listPassports(signal?: AbortSignal): Promise<string[]>;
  /** The services of one passport; rejects with status 404 when the passport does not exist. */
  listServicesOfPassport(passport: string, signal?: AbortSignal): Promise<S[]>;
  /** Session ids only: one request, for counts. */
  listSessionIds(service: S, signal?: AbortSignal): Promise<string[]>;
  listSessions(service: S, options: { name?: string; signal?: AbortSignal }): Promise<ArchiveSession[]>;
  getSession(service: S, sessionId: string, signal?: AbortSignal): Promise<ArchiveSession>;
  renameSession(service: S, sessionId: string, name: string, signal?: AbortSignal): Promise<void>;
  deleteSession(service: S, sessionId: string, signal?: AbortSignal): Promise<ArchiveTask>;
  restoreSession(service: S, sessionId: string, signal?: AbortSignal): Promise<ArchiveTask>;
  listFiles(
    service: S,
    sessionId: string,
    options: { name?: string; signal?: AbortSignal },
  ): Promise<ArchiveFile[]>;
  getFile(service: S, sessionId: string, fileId: string, signal?: AbortSignal): Promise<ArchiveFile>;
  listTasks(service: S, filter: Omit<ListTasksOptions, 'service'>): Promise<ArchiveTask[]>;
  getTask(service: S, taskId: string, signal?: AbortSignal): Promise<ArchiveTask>;
  /** Several tasks of one service in a constant number of requests. */
  getTasks(service: S, taskIds: readonly string[], signal?: AbortSignal): Promise<ArchiveTaskRead[]>;
  /** Bytes stored. */
  getUsage(service: S, signal?: AbortSignal): Promise<number>;
  /** Seconds, server − local: prune measures ages on the server's clock. */
  getTimeOffset(signal?: AbortSignal): Promise<number>;
}
