import { sleep } from '../client/abortable-wait.js';
import type { ArchiveTaskRead } from './archive-backend.js';
import { errorStatus } from './archive-error-info.js';
import type { ArchiveTask } from './archive-types.js';
import type { ArchiveTaskRef, WaitForTasksOptions } from './task-wait-types.js';

export const DEFAULT_TASK_POLL_INTERVAL_MS = 2000;

/** Reads several tasks of one service in a constant number of requests. */
export type ReadTasks = (
  serviceId: string,
  taskIds: string[],
  signal?: AbortSignal,
) => Promise<ArchiveTaskRead[]>;

function isFinished(task: Partial<ArchiveTask>): task is ArchiveTask {
  return task.phase === 'done' || task.phase === 'failed' || task.phase === 'cancelled';
}

function key(ref: Pick<ArchiveTask, 'id' | 'serviceId'>): string {
  return `${ref.serviceId}#${ref.id}`;
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
 * Polls tasks until each is done, failed or cancelled. One batch read per service per round, so
 * the cost does not grow with the number of tasks. Calls `onProgress` on every status change.
 */
export async function waitForArchiveTasks(
  refs: readonly ArchiveTaskRef[],
  readTasks: ReadTasks,
  options: WaitForTasksOptions = {},
): Promise<ArchiveTask[]> {
  const interval = Math.max(0, options.pollIntervalMs ?? DEFAULT_TASK_POLL_INTERVAL_MS);
  const latest = new Map<string, Partial<ArchiveTask> & ArchiveTaskRef>();
  for (const ref of refs) latest.set(key(ref), ref);
  const total = latest.size;
  const finishedCount = (): number => [...latest.values()].filter(isFinished).length;

  const record = (ref: ArchiveTaskRef, task: ArchiveTask): void => {
    const previous = latest.get(key(ref));
    latest.set(key(ref), task);
    const previousStatus = previous?.status ?? null;
    if (previousStatus !== task.status) {
      options.onProgress?.({ task, previousStatus, finished: finishedCount(), total });
    }
  };

  let firstRound = true;
  for (;;) {
    const pending = [...latest.values()].filter((task) => !isFinished(task));
    if (pending.length === 0) break;
    if (!firstRound) await sleep(interval, options.signal);
    firstRound = false;
    options.signal?.throwIfAborted();

    const byService = new Map<string, ArchiveTaskRef[]>();
    for (const ref of pending) byService.set(ref.serviceId, [...(byService.get(ref.serviceId) ?? []), ref]);
    await Promise.all(
      [...byService].map(async ([serviceId, serviceRefs]) => {
        const reads = await readTasks(
          serviceId,
          serviceRefs.map((ref) => ref.id),
          options.signal,
        );
        serviceRefs.forEach((ref, index) => {
          const read = reads.find((item) => item.id === ref.id) ?? reads[index];
          if (read?.task) record(ref, read.task);
          else if (errorStatus(read?.error) === 404) record(ref, vanished(latest.get(key(ref)) ?? ref));
          else throw read?.error ?? new Error(`Task ${ref.id} of ${serviceId}: no answer`);
        });
      }),
    );
  }
  return refs.map((ref) => latest.get(key(ref)) as ArchiveTask);
}
