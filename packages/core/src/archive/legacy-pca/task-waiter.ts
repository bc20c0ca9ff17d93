import { type WaitItem, waitForStates } from '../state-waiter.js';
import type { ArchiveTaskRead } from './legacy-pca-backend-port.js';
import type { ArchiveTask } from './legacy-pca-types.js';
import type { ArchiveTaskRef, WaitForTasksOptions } from './task-wait-types.js';

export { DEFAULT_WAIT_POLL_INTERVAL_MS as DEFAULT_TASK_POLL_INTERVAL_MS } from '../state-waiter.js';

/** Reads several tasks of one service in a constant number of requests. */
export type ReadTasks = (
  serviceId: string,
  taskIds: string[],
  signal?: AbortSignal,
) => Promise<ArchiveTaskRead[]>;

function isFinished(task: Partial<ArchiveTask>): boolean {
  return task.phase === 'done' || task.phase === 'failed' || task.phase === 'cancelled';
}

/** A task that vanished from the server (404) is reported as `deleted`, a final status. */
function vanished(ref: ArchiveTaskRef): ArchiveTask {
  return {
    id: ref.id,
    serviceId: ref.serviceId,
    function: ref.function ?? 'delete',
    status: 'deleted',
    phase: 'cancelled',
    todoDate: ref.todoDate ?? '',
    login: ref.login ?? '',
    ipAddress: ref.ipAddress ?? null,
    comment: ref.comment ?? null,
  };
}

/**
 * Follows legacy tasks by id until each is done, failed or cancelled: the shared state waiter,
 * grouped by service (one batch read per service per round). Calls `onProgress` on every status
 * change.
 */
export async function waitForArchiveTasks(
  refs: readonly ArchiveTaskRef[],
  readTasks: ReadTasks,
  options: WaitForTasksOptions = {},
): Promise<ArchiveTask[]> {
  const items: Array<WaitItem<ArchiveTask>> = refs.map((ref) => ({
    id: ref.id,
    group: ref.serviceId,
    // A full task counts as read; a bare { id, serviceId } is read first.
    value: ref.status !== undefined ? (ref as ArchiveTask) : undefined,
  }));
  const refsByKey = new Map(refs.map((ref) => [`${ref.serviceId}#${ref.id}`, ref]));
  return waitForStates<ArchiveTask>(items, {
    read: async (serviceId, ids, signal) =>
      (await readTasks(serviceId, [...ids], signal)).map((read) => ({
        id: read.id,
        value: read.task,
        error: read.task
          ? undefined
          : (read.error ?? new Error(`Task ${read.id} of ${serviceId}: no answer`)),
      })),
    isSettled: isFinished,
    stateOf: (task) => task.status,
    onGone: (item, last) => vanished(last ?? refsByKey.get(`${item.group}#${item.id}`)!),
    onProgress: options.onProgress
      ? (event) =>
          options.onProgress?.({
            task: event.value,
            previousStatus: (event.previousState as ArchiveTask['status'] | null) ?? null,
            finished: event.settled,
            total: event.total,
          })
      : undefined,
    pollIntervalMs: options.pollIntervalMs,
    signal: options.signal,
  });
}
