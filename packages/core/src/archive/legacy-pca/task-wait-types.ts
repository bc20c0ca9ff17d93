import type { ArchiveTask, ArchiveTaskStatus } from './legacy-pca-types.js';

/** A task to follow: a full ArchiveTask or just its id and service. */
export type ArchiveTaskRef = Pick<ArchiveTask, 'id' | 'serviceId'> & Partial<ArchiveTask>;

export interface TaskProgressEvent {
  /** The task as just read. */
  task: ArchiveTask;
  /** Status before this change; null the first time a task is seen. */
  previousStatus: ArchiveTaskStatus | null;
  /** Tasks in a final phase (done, failed, cancelled) so far. */
  finished: number;
  total: number;
}

export interface WaitForTasksOptions {
  signal?: AbortSignal;
  /** Called on every status change of every task. */
  onProgress?: (event: TaskProgressEvent) => void;
  /** Delay between polls. Default 2000 ms. */
  pollIntervalMs?: number;
}
