import type { ArchiveObjectPhase } from '../archive-entities.js';
import type {
  ArchiveSessionPhase,
  ArchiveSessionState,
  ArchiveTaskPhase,
  ArchiveTaskStatus,
} from './legacy-pca-types.js';

// How the legacy states map onto the product-independent phases. Unknown states fall to `busy` /
// `running`: never final, so prune and task waiting stay on the safe side.

const SESSION_PHASE: Record<ArchiveSessionState, ArchiveSessionPhase> = {
  toDelete: 'deleting',
  doingDelete: 'deleting',
  toRestore: 'restoring',
  doingRestore: 'restoring',
  new: 'uploading',
  toBackup: 'uploading',
  doing: 'uploading',
  doingBackup: 'uploading',
  tagging: 'busy',
  done: 'ready',
  error: 'failed',
  failedDelete: 'failed',
  failedRestore: 'failed',
};

export function pcaSessionPhase(state: string, endDate: string | null): ArchiveSessionPhase {
  const phase = SESSION_PHASE[state as ArchiveSessionState] ?? 'busy';
  // No end date means the upload has not finished, whatever the state says.
  if (endDate === null && (phase === 'ready' || phase === 'failed')) return 'uploading';
  return phase;
}

const TASK_PHASE: Record<ArchiveTaskStatus, ArchiveTaskPhase> = {
  todo: 'pending',
  new: 'pending',
  toBackup: 'pending',
  toDelete: 'pending',
  toRestore: 'pending',
  doing: 'running',
  doingBackup: 'running',
  doingDelete: 'running',
  doingRestore: 'running',
  tagging: 'running',
  done: 'done',
  error: 'failed',
  failedDelete: 'failed',
  failedRestore: 'failed',
  cancelled: 'cancelled',
  deleted: 'cancelled',
};

export function pcaTaskPhase(status: string): ArchiveTaskPhase {
  return TASK_PHASE[status as ArchiveTaskStatus] ?? 'running';
}

// A legacy session read as an archive object. Restoring brings a session back to `done`: on this
// product nothing is ever `online` from the model's point of view (files came back by SFTP).
const OBJECT_PHASE: Record<ArchiveSessionPhase, ArchiveObjectPhase> = {
  ready: 'offline',
  restoring: 'retrieving',
  uploading: 'uploading',
  deleting: 'deleting',
  failed: 'failed',
  busy: 'busy',
};

export function legacySessionObjectPhase(phase: ArchiveSessionPhase): ArchiveObjectPhase {
  return OBJECT_PHASE[phase];
}
