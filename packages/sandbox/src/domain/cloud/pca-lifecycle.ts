/**
 * Where a task or a session stands at a given instant, computed from timestamps alone (no
 * timers): a task created at c with steps of s ms is
 *   delete, restore:   todo on [c, c+s), doing on [c+s, c+2s), its end status from c+2s;
 *   other functions:   todo on [c, c+s), its end status from c+s.
 * A session follows its latest delete or restore task: toDelete → doingDelete → gone, or
 * toRestore → doingRestore → back to its own state.
 */
import type { PcaServiceRecord, PcaSessionRecord, PcaTaskRecord } from './cloud-state.js';
import { ownEntry } from './own-entry.js';
import type { PcaSessionState, PcaTaskFunction, PcaTaskStatus } from './pca-enums.js';

export type TaskPhase = 'waiting' | 'running' | 'finished';

/** Functions that run in two steps (wait, then work); the others finish after one. */
export function stepsOf(taskFunction: PcaTaskFunction): number {
  return taskFunction === 'delete' || taskFunction === 'restore' ? 2 : 1;
}

export function taskPhaseAt(task: PcaTaskRecord, nowMs: number): TaskPhase {
  const elapsed = nowMs - task.createdAtMs;
  const steps = stepsOf(task.function);
  if (elapsed >= steps * task.stepMs) return 'finished';
  if (steps === 2 && elapsed >= task.stepMs) return 'running';
  return 'waiting';
}

export function taskStatusAt(task: PcaTaskRecord, nowMs: number): PcaTaskStatus {
  const phase = taskPhaseAt(task, nowMs);
  if (phase === 'finished') return task.endStatus;
  return phase === 'running' ? 'doing' : 'todo';
}

/** When the task is due to run: after its wait for two-step tasks, at once for the others. */
export function taskTodoDateMs(task: PcaTaskRecord): number {
  return stepsOf(task.function) === 2 ? task.createdAtMs + task.stepMs : task.createdAtMs;
}

export type SessionStanding = PcaSessionState | 'gone';

export function sessionStateAt(
  service: PcaServiceRecord,
  session: PcaSessionRecord,
  nowMs: number,
): SessionStanding {
  const task =
    session.operationTaskId === null ? undefined : ownEntry(service.tasks, session.operationTaskId);
  if (task?.endStatus !== 'done') return session.baseState;
  const phase = taskPhaseAt(task, nowMs);
  if (task.function === 'delete') {
    if (phase === 'finished') return 'gone';
    return phase === 'running' ? 'doingDelete' : 'toDelete';
  }
  if (task.function === 'restore' && phase !== 'finished') {
    return phase === 'running' ? 'doingRestore' : 'toRestore';
  }
  return session.baseState;
}

export function isUploading(state: SessionStanding): boolean {
  return state === 'doing' || state === 'doingBackup' || state === 'new' || state === 'toBackup';
}

export function isBeingDeleted(state: SessionStanding): boolean {
  return state === 'toDelete' || state === 'doingDelete';
}

export function isBeingRestored(state: SessionStanding): boolean {
  return state === 'toRestore' || state === 'doingRestore';
}
