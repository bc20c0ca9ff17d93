// Plain JSON shapes of the legacy PCA sessions model (`sessions …`, `services …`, `tasks …`). Every
// value here crosses IPC and `--json` output as is: dates are ISO 8601 strings in UTC
// (`2026-03-14T02:00:00.000Z`), sizes are exact byte counts (JavaScript numbers: exact up to 2^53
// bytes, 8 PiB, far above any archive). The product-neutral nouns are in ../archive-entities.ts.

/** A legacy Public Cloud Archive service: `id` is `passport/pcaServiceName`. */
export interface PcaArchiveService {
  /** Kept as it always was in `services list --json`; the product name is `legacy-pca`. */
  kind: 'pca';
  /** `passport/pcaServiceName`, the value `--service` and `{ service }` accept. */
  id: string;
  /** The Public Cloud passport (`serviceName` in the OVH routes). */
  passport: string;
  /** The PCA offer (`pcaServiceName` in the OVH routes). */
  serviceName: string;
}

export type ArchiveService = PcaArchiveService;

/** Raw session states of the legacy API (reference doc §6). */
export const SESSION_STATES = [
  'doing',
  'doingBackup',
  'doingDelete',
  'doingRestore',
  'done',
  'error',
  'failedDelete',
  'failedRestore',
  'new',
  'tagging',
  'toBackup',
  'toDelete',
  'toRestore',
] as const;
export type ArchiveSessionState = (typeof SESSION_STATES)[number];

/**
 * What a session is doing, product-independent. Only `ready` and `failed` are final: anything else
 * is left alone by prune.
 */
export type ArchiveSessionPhase = 'uploading' | 'deleting' | 'restoring' | 'busy' | 'ready' | 'failed';

export interface ArchiveSession {
  /** 24 hex characters. */
  id: string;
  /** Id of the service holding it (`passport/pcaServiceName`). */
  serviceId: string;
  name: string;
  startDate: string;
  /** `null` while the upload is still running. */
  endDate: string | null;
  size: number;
  state: ArchiveSessionState;
  phase: ArchiveSessionPhase;
  login: string;
  srcIp: string | null;
}

export interface ArchiveFile {
  /** 24 hex characters (the session's prefix plus a counter). */
  id: string;
  sessionId: string;
  serviceId: string;
  /** Path relative to the session root. */
  name: string;
  size: number;
  type: string;
  state: string;
  md5: string;
  sha1: string;
  sha256: string;
}

/** Task functions of the legacy API (reference doc §6). */
export const TASK_FUNCTIONS = [
  'createUser',
  'delete',
  'restore',
  'setPassword',
  'setSessionName',
  'setSshKey',
] as const;
export type ArchiveTaskFunction = (typeof TASK_FUNCTIONS)[number];

/** Task statuses of the legacy API (reference doc §6). */
export const TASK_STATUSES = [
  'cancelled',
  'deleted',
  'doing',
  'doingBackup',
  'doingDelete',
  'doingRestore',
  'done',
  'error',
  'failedDelete',
  'failedRestore',
  'new',
  'tagging',
  'toBackup',
  'toDelete',
  'toRestore',
  'todo',
] as const;
export type ArchiveTaskStatus = (typeof TASK_STATUSES)[number];

/** What a task is doing, product-independent. `done`, `failed` and `cancelled` are final. */
export type ArchiveTaskPhase = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';

export interface ArchiveTask {
  /** Numeric string. */
  id: string;
  serviceId: string;
  function: ArchiveTaskFunction;
  status: ArchiveTaskStatus;
  phase: ArchiveTaskPhase;
  todoDate: string;
  login: string;
  ipAddress: string | null;
  comment: string | null;
}

export interface ArchiveUsage {
  totalBytes: number;
  services: Array<{ serviceId: string; bytes: number }>;
}

/** Result of a rename: the server answers nothing, so this echoes what was sent where. */
export interface ArchiveRenameResult {
  serviceId: string;
  sessionId: string;
  name: string;
}
