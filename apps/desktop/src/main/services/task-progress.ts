import type { ArchiveTask } from '@ovh-pca/core';

// The legacy API reports no percentage: progress is the task's step in its lifecycle.
const STEP_BY_STATUS: Record<string, number> = {
  todo: 0.1,
  new: 0.1,
  toDelete: 0.25,
  toRestore: 0.25,
  toBackup: 0.25,
  doing: 0.5,
  tagging: 0.5,
  doingDelete: 0.6,
  doingRestore: 0.6,
  doingBackup: 0.6,
};

export function taskProgress(task: Pick<ArchiveTask, 'status' | 'phase'>): number {
  if (task.phase === 'done' || task.phase === 'failed' || task.phase === 'cancelled') return 1;
  return STEP_BY_STATUS[task.status] ?? (task.phase === 'running' ? 0.5 : 0.1);
}
