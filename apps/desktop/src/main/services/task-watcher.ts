import type { ArchiveTask, LegacyPcaModel } from '@ovh-pca/core';
import type { EmitEvent } from './app-events.js';
import { taskProgress } from './task-progress.js';

export interface TaskWatcherOptions {
  emit: EmitEvent;
  /** An OS notification; shown when a task that ran long ends. */
  notify: (title: string, body: string) => void;
  /** Words of the notification, in the language the window uses. */
  describeEnd: (
    tasks: readonly ArchiveTask[],
    sessionName: (task: ArchiveTask) => string | null,
  ) => {
    title: string;
    body: string;
  };
  now?: () => number;
  pollIntervalMs?: number;
  /** Tasks that end sooner are only announced in the window. Default 20 s. */
  longTaskMs?: number;
  log: (line: string) => void;
}

/**
 * Follows the tasks the window started until they end: a `task:progress` event at every change,
 * and an OS notification when a long one finishes. Keeps following after a profile switch.
 */
export class TaskWatcher {
  readonly #options: TaskWatcherOptions;
  readonly #watches = new Set<Promise<void>>();
  readonly #abort = new AbortController();

  constructor(options: TaskWatcherOptions) {
    this.#options = options;
  }

  watch(
    profileName: string,
    archive: LegacyPcaModel,
    tasks: ArchiveTask[],
    sessionNames: Map<string, string>,
  ): void {
    if (tasks.length === 0) return;
    const now = this.#options.now ?? Date.now;
    const startedAt = now();
    const nameOf = (task: ArchiveTask) => sessionNames.get(`${task.serviceId}|${task.id}`) ?? null;
    const lastStatus = new Map<string, string>();
    // One event per change: the waiter's progress and its final answer may repeat a status.
    const send = (task: ArchiveTask) => {
      const key = `${task.serviceId}|${task.id}`;
      if (lastStatus.get(key) === task.status) return;
      lastStatus.set(key, task.status);
      this.#options.emit('task:progress', {
        profileName,
        task,
        progress: taskProgress(task),
        sessionName: nameOf(task),
      });
    };
    for (const task of tasks) send(task);

    const watch = archive
      .waitForTasks(tasks, {
        signal: this.#abort.signal,
        onProgress: (event) => send(event.task),
        ...(this.#options.pollIntervalMs !== undefined && { pollIntervalMs: this.#options.pollIntervalMs }),
      })
      .then((finals) => {
        for (const task of finals) send(task);
        // One notification per batch: a prune of 200 sessions is one event for the user.
        if (now() - startedAt >= (this.#options.longTaskMs ?? 20_000)) {
          const { title, body } = this.#options.describeEnd(finals, nameOf);
          this.#options.notify(title, body);
        }
      })
      .catch((error: unknown) => {
        if (!this.#abort.signal.aborted)
          this.#options.log(`tasks: stopped following: ${(error as Error).name}`);
      });
    this.#watches.add(watch);
    void watch.finally(() => this.#watches.delete(watch));
  }

  /** Resolves when every task followed so far has ended (tests). */
  async settle(): Promise<void> {
    while (this.#watches.size > 0) await Promise.allSettled([...this.#watches]);
  }

  stop(): void {
    this.#abort.abort();
  }
}
