import type { ArchiveTask } from '@ovh-pca/core';

/** The OS notification at the end of a long task, in English or French like the OS. */
export function describeTaskEnd(locale: string, task: ArchiveTask, sessionName: string | null) {
  const french = locale.toLowerCase().startsWith('fr');
  const what = sessionName ? `« ${sessionName} »` : `#${task.id}`;
  const ok = task.phase === 'done';
  if (french) {
    const action = task.function === 'restore' ? 'Restauration' : task.function === 'delete' ? 'Suppression' : 'Tâche';
    return { title: `${action} ${ok ? 'terminée' : 'en échec'}`, body: `${what} : ${task.status}` };
  }
  const action = task.function === 'restore' ? 'Restore' : task.function === 'delete' ? 'Deletion' : 'Task';
  return { title: `${action} ${ok ? 'finished' : 'failed'}`, body: `${what}: ${task.status}` };
}
