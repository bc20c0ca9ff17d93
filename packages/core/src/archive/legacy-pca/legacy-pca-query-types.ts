import type { ArchiveTaskFunction, ArchiveTaskStatus } from './legacy-pca-types.js';

export interface ArchiveCallOptions {
  /** One service (`passport/pca`) instead of the model's pinned one / all of them. */
  service?: string;
  signal?: AbortSignal;
}

export interface ListSessionsOptions extends ArchiveCallOptions {
  /** Server-side "like" filter on the name (`%` wildcard). */
  name?: string;
}

export interface ListFilesOptions extends ArchiveCallOptions {
  /** Server-side "like" filter on the file path (`%` wildcard). */
  name?: string;
}

export interface ListTasksOptions extends ArchiveCallOptions {
  function?: ArchiveTaskFunction;
  status?: ArchiveTaskStatus;
  /** Tasks due at or after this instant (ISO string or Date). */
  todoDateFrom?: string | Date;
  /** Tasks due at or before this instant (ISO string or Date). */
  todoDateTo?: string | Date;
}
