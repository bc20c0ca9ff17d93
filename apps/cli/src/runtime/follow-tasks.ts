import type { ArchiveTask, TaskProgressEvent } from '@ovh-pca/core';
import { taskProgressLine } from '../output/task-wait-view.js';
import type { CommandContext } from './command-context.js';

/**
 * Follows tasks to their end with a progress line, for `tasks wait` and `--wait` flags.
 * Returns the final tasks; the caller decides the exit code from their phases.
 */
export async function waitWithProgress(
  context: CommandContext,
  tasks: readonly ArchiveTask[],
  archive: { waitForTasks: (tasks: readonly ArchiveTask[], options: object) => Promise<ArchiveTask[]> },
): Promise<ArchiveTask[]> {
  const progress = await context.progress(`Waiting for ${tasks.length} task(s)…`);
  try {
    return await archive.waitForTasks(tasks, {
      signal: context.signal,
      onProgress: (event: TaskProgressEvent) => {
        const line = taskProgressLine(event);
        progress.update(line);
        if (context.globals.verbose) context.log.debug(line);
      },
    });
  } finally {
    progress.stop();
  }
}

/** Tasks that did not succeed: the exit code of `tasks wait` depends on them. */
export function countFailed(tasks: readonly ArchiveTask[]): number {
  return tasks.filter((task) => task.phase === 'failed' || task.phase === 'cancelled').length;
}
