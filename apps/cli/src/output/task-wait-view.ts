import type { ArchiveTask, TaskProgressEvent } from '@ovh-pca/core';
import type { CommandContext } from '../runtime/command-context.js';

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
    const final = await archive.waitForTasks(tasks, {
      signal: context.signal,
      onProgress: (event: TaskProgressEvent) => {
        const line = `Task ${event.task.id} ${event.task.function}: ${event.task.status} (${event.finished}/${event.total} finished)`;
        progress.update(line);
        if (context.globals.verbose) context.log.debug(line);
      },
    });
    progress.stop();
    return final;
  } finally {
    progress.stop();
  }
}

export function countFailed(tasks: readonly ArchiveTask[]): number {
  return tasks.filter((task) => task.phase === 'failed' || task.phase === 'cancelled').length;
}
