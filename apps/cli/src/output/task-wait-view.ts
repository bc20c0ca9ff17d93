import type { TaskProgressEvent } from '@ovh-pca/core';

/** The progress line shown while tasks are followed: one task's new status and the count so far. */
export function taskProgressLine(event: TaskProgressEvent): string {
  return `Task ${event.task.id} ${event.task.function}: ${event.task.status} (${event.finished}/${event.total} finished)`;
}
