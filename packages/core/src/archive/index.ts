// Public surface of the archive model. See docs/archives.md.

// Product-neutral: products, capabilities, archives and objects, addresses, waiting.
export type { ArchiveAddress } from './archive-address.js';
export {
  ArchiveAddressError,
  MAX_ARCHIVE_NAME_BYTES,
  parseArchiveAddress,
  parseArchiveRegion,
  resolveArchiveAddress,
  validateArchiveName,
} from './archive-address.js';
export type {
  ArchiveBackend,
  ArchiveLifecycle,
  DeletePlan,
  LifecycleAction,
  LifecyclePreview,
  ListArchivesOptions,
  ListObjectsOptions,
  RetrieveOptions,
} from './archive-backend.js';
export { hasCapability, LIFECYCLE_ACTIONS } from './archive-backend.js';
export type { CatalogListOptions } from './archive-catalog.js';
export { ArchiveCatalog } from './archive-catalog.js';
export type { ArchiveApiClient, ArchiveBatchItem, ArchiveRequestOptions } from './archive-client.js';
export type { Archive, ArchiveObject, ArchiveObjectPhase, ArchivePhase } from './archive-entities.js';
export { ARCHIVE_OBJECT_PHASES, ARCHIVE_PHASES, formatArchiveAddress } from './archive-entities.js';
export type { ArchiveErrorInfo } from './archive-error-info.js';
export { toArchiveErrorInfo } from './archive-error-info.js';
export type { ArchiveObjectKind } from './archive-errors.js';
export {
  ArchiveNotFoundError,
  isValidationError,
  LifecycleRefusedError,
  ValidationError,
} from './archive-errors.js';
export type { ArchiveCapability, ArchiveProduct } from './archive-product.js';
export {
  ARCHIVE_CAPABILITIES,
  ARCHIVE_PRODUCTS,
  isArchiveProduct,
  parseArchiveProduct,
} from './archive-product.js';
export type {
  UploadedObject,
  UploadOptions,
  UploadOutcome,
  UploadPart,
  UploadProgress,
  UploadSource,
} from './archive-upload.js';
export type { ArchiveProductUsage, ArchiveUsageLocation, ArchiveUsageReport } from './archive-usage.js';
export { summarizeArchiveUsage } from './archive-usage.js';
export type { WaitForArchiveOptions } from './archive-waiter.js';
export { isArchiveMoving, waitForArchive } from './archive-waiter.js';
export { mapBounded } from './bounded-map.js';
export type { CloudArchiveBackendOptions } from './cloud-archive/cloud-archive-backend.js';
export { CloudArchiveBackend } from './cloud-archive/cloud-archive-backend.js';
export type {
  SwiftAccess,
  SwiftAccessProvider,
  SwiftContainerApi,
  SwiftListedObject,
  SwiftManifestSegment,
  SwiftObjectStat,
  ToSwiftAccess,
} from './cloud-archive/cloud-archive-ports.js';
export type { CloudArchivePruneDeps } from './cloud-archive/cloud-archive-prune.js';
export { SEGMENTS_SUFFIX } from './cloud-archive/cloud-archive-prune.js';
export type { CloudArchiveObjectState } from './cloud-archive/cloud-archive-states.js';
export {
  CLOUD_ARCHIVE_OBJECT_STATES,
  cloudArchiveObjectPhase,
} from './cloud-archive/cloud-archive-states.js';
export type {
  StorageAccessWire,
  StorageContainerDetailWire,
  StorageContainerWire,
  StorageCreationWire,
  StorageObjectWire,
} from './cloud-archive/cloud-archive-wire-types.js';
export { DEFAULT_SEGMENT_SIZE, segmentsContainerName, uploadSizes } from './cloud-archive/segment-plan.js';
export { ApiSwiftAccessProvider, toSwiftAccess } from './cloud-archive/swift-access-provider.js';
export type { FetchLike } from './cloud-archive/swift-container-client.js';
export { SWIFT_LISTING_LIMIT, SwiftContainerClient } from './cloud-archive/swift-container-client.js';
export { SwiftError } from './cloud-archive/swift-error.js';
// Cold Archive v1 (bucket-level, coldArchive routes) and v2 (DEEP_ARCHIVE objects).
export type { ColdArchiveBackendOptions } from './cold-archive/cold-archive-backend.js';
export { COLD_ARCHIVE_PAGE_SIZE, ColdArchiveBackend } from './cold-archive/cold-archive-backend.js';
export {
  COLD_ARCHIVE_DEFAULT_REGION,
  COLD_ARCHIVE_PLAN_CODE,
  ColdArchiveRegions,
} from './cold-archive/cold-archive-region.js';
export {
  checkColdArchiveDelete,
  parseLockDays,
  planColdArchiveStep,
} from './cold-archive/cold-archive-rules.js';
export type { ColdArchiveState } from './cold-archive/cold-archive-states.js';
export {
  COLD_ARCHIVE_MAX_LOCK_DAYS,
  COLD_ARCHIVE_MINIMUM_DAYS,
  COLD_ARCHIVE_RESTORED_DAYS,
  COLD_ARCHIVE_STATES,
  coldArchiveObjectPhase,
  coldArchivePhase,
} from './cold-archive/cold-archive-states.js';
export type { DeepArchiveBackendOptions } from './deep-archive/deep-archive-backend.js';
export {
  DEEP_ARCHIVE_PAGE_SIZE,
  DEEP_ARCHIVE_REGIONS,
  DeepArchiveBackend,
  parseRestoreDays,
} from './deep-archive/deep-archive-backend.js';
export type { DeepArchiveObjectState } from './deep-archive/deep-archive-states.js';
export {
  DEEP_ARCHIVE_OBJECT_STATES,
  deepArchiveObjectPhase,
  deepArchiveObjectState,
} from './deep-archive/deep-archive-states.js';
// Legacy Public Cloud Archive (/cloud/{passport}/pca/…): its backend, sessions model and enums.
export { compareNewestFirst, latestSession } from './legacy-pca/latest-session.js';
export { LegacyPcaArchiveBackend, sessionAsObject } from './legacy-pca/legacy-pca-archives.js';
export { LegacyPcaBackend } from './legacy-pca/legacy-pca-backend.js';
export type { ArchiveTaskRead, LegacyPcaBackendPort } from './legacy-pca/legacy-pca-backend-port.js';
export type { ParsedServiceId } from './legacy-pca/legacy-pca-ids.js';
export {
  formatServiceId,
  parseFileId,
  parseServiceId,
  parseSessionId,
  parseTaskId,
} from './legacy-pca/legacy-pca-ids.js';
export type { LegacyPcaModelOptions } from './legacy-pca/legacy-pca-model.js';
export { LegacyPcaModel } from './legacy-pca/legacy-pca-model.js';
export type {
  ArchiveCallOptions,
  ListFilesOptions,
  ListSessionsOptions,
  ListTasksOptions,
} from './legacy-pca/legacy-pca-query-types.js';
export type {
  ArchiveFile,
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
} from './legacy-pca/legacy-pca-types.js';
export { SESSION_STATES, TASK_FUNCTIONS, TASK_STATUSES } from './legacy-pca/legacy-pca-types.js';
export type { PrunePlanInput } from './legacy-pca/prune-planner.js';
export { buildPrunePlan, isPrunable } from './legacy-pca/prune-planner.js';
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
} from './legacy-pca/prune-types.js';
export { MAX_SESSION_NAME_LENGTH, validateSessionName } from './legacy-pca/session-name.js';
export type { ArchiveTaskRef, TaskProgressEvent, WaitForTasksOptions } from './legacy-pca/task-wait-types.js';
export { DEFAULT_TASK_POLL_INTERVAL_MS } from './legacy-pca/task-waiter.js';
export type {
  ByteRangeChecksum,
  DownloadSource,
  DownloadVerification,
} from './object-download.js';
export { ObjectChangedError, ObjectChecksumError, ObjectNotReadyError } from './object-download.js';
export { MAX_OBJECT_KEY_BYTES, validateObjectKey, validateObjectPrefix } from './object-key.js';
export type { ObjectPruneOperations, ObjectPrunePlanInput, PruneCandidate } from './object-prune.js';
export {
  buildObjectPrunePlan,
  DEFAULT_OBJECT_PRUNE_CONCURRENCY,
  executeObjectPrune,
  MAX_KEEP_NEWEST,
  parseKeepCount,
} from './object-prune.js';
export type {
  ExecuteObjectPruneOptions,
  ObjectPruneItemResult,
  ObjectPruneOptions,
  ObjectPruneOutcome,
  ObjectPrunePart,
  ObjectPrunePlan,
  ObjectPruneProgressEvent,
  ObjectPruneResult,
  ObjectPruneSkipped,
  ObjectPruneSkipReason,
  PlannedObjectDeletion,
} from './object-prune-types.js';
export type { WaitForObjectsOptions } from './object-waiter.js';
export { waitForObjects } from './object-waiter.js';
export type { DurationField } from './parse-age.js';
export { DURATION_GRAMMAR, describeDuration, parseAge, parseDuration } from './parse-age.js';
export { listPublicCloudProjects, onlyProject } from './public-cloud-projects.js';
// S3 access (Cold Archive v1 and v2): the port, endpoints and credentials through API v1.
export * from './s3/index.js';
export type { StateWaitOptions, WaitItem, WaitProgressEvent, WaitReading } from './state-waiter.js';
export { DEFAULT_WAIT_POLL_INTERVAL_MS, waitForStates } from './state-waiter.js';
