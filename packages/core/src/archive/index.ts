// Public surface of the archive model (issue 4). See docs/archives.md.
export type { ArchiveApiClient, ArchiveBatchItem, ArchiveRequestOptions } from './archive-client.js';
export type { ArchiveErrorInfo } from './archive-error-info.js';
export { toArchiveErrorInfo } from './archive-error-info.js';
export type { ArchiveObjectKind } from './archive-errors.js';
export { ArchiveNotFoundError, isValidationError, ValidationError } from './archive-errors.js';
export type { ParsedServiceId } from './archive-ids.js';
export { formatServiceId, parseFileId, parseServiceId, parseSessionId, parseTaskId } from './archive-ids.js';
export type { ArchiveModelOptions } from './archive-model.js';
export { ArchiveModel } from './archive-model.js';
export type {
  ArchiveCallOptions,
  ListFilesOptions,
  ListSessionsOptions,
  ListTasksOptions,
} from './archive-query-types.js';
export type {
  ArchiveFile,
  ArchiveKind,
  ArchiveRenameResult,
  ArchiveService,
  ArchiveSession,
  ArchiveSessionPhase,
  ArchiveSessionState,
  ArchiveTask,
  ArchiveTaskFunction,
  ArchiveTaskPhase,
  ArchiveTaskStatus,
  ArchiveUsage,
  PcaArchiveService,
} from './archive-types.js';
export { TASK_FUNCTIONS, TASK_STATUSES } from './archive-types.js';
export { compareNewestFirst, latestSession } from './latest-session.js';
export type { DurationField } from './parse-age.js';
export { DURATION_GRAMMAR, describeDuration, parseAge, parseDuration } from './parse-age.js';
export type { PrunePlanInput } from './prune-planner.js';
export { buildPrunePlan, isPrunable } from './prune-planner.js';
export type {
  ExecutePruneOptions,
  PruneOutcome,
  PrunePlan,
  PrunePlanOptions,
  PruneProgressEvent,
  PruneResult,
  PruneSessionResult,
  PruneSkippedSession,
  PruneSkipReason,
} from './prune-types.js';
export { MAX_SESSION_NAME_LENGTH, validateSessionName } from './session-name.js';
export type { ArchiveTaskRef, TaskProgressEvent, WaitForTasksOptions } from './task-wait-types.js';
export { DEFAULT_TASK_POLL_INTERVAL_MS } from './task-waiter.js';
