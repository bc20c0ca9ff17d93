import type { ArchiveTask } from '@ovh-pca/core';
import type { UiLanguage } from './ui-language.js';

/** The OS notification when followed tasks end, in the window's language: one per batch. */
export function describeTasksEnd(
  language: UiLanguage,
  tasks: readonly ArchiveTask[],
  sessionName: (task: ArchiveTask) => string | null,
): { title: string; body: string } {
  const french = language === 'fr';
  const failed = tasks.filter((task) => task.phase !== 'done').length;
  const [task] = tasks;
  if (tasks.length === 1 && task) {
    const name = sessionName(task);
    const ok = task.phase === 'done';
    if (french) {
      const action =
        task.function === 'restore' ? 'Restauration' : task.function === 'delete' ? 'Suppression' : 'Tâche';
      return {
        title: `${action} ${ok ? 'terminée' : 'en échec'}`,
        body: `${name ? `« ${name} »` : `#${task.id}`} : ${task.status}`,
      };
    }
    const action = task.function === 'restore' ? 'Restore' : task.function === 'delete' ? 'Deletion' : 'Task';
    return {
      title: `${action} ${ok ? 'finished' : 'failed'}`,
      body: `${name ? `“${name}”` : `#${task.id}`}: ${task.status}`,
    };
  }
  return french
    ? {
        title: `${tasks.length} tâches terminées`,
        body: `${tasks.length - failed} réussies, ${failed} en échec`,
      }
    : { title: `${tasks.length} tasks finished`, body: `${tasks.length - failed} done, ${failed} failed` };
}
