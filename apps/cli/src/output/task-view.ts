import type { ArchiveTask } from '@ovh-pca/core';
import { formatLocalDate } from './format-date.js';
import type { Column } from './output.js';

/** The documented --json shape of a task (docs/cli.md). */
export function taskJson(task: ArchiveTask) {
  return {
    id: task.id,
    serviceId: task.serviceId,
    function: task.function,
    status: task.status,
    phase: task.phase,
    todoDate: task.todoDate,
    login: task.login,
    ipAddress: task.ipAddress,
    comment: task.comment,
  };
}

export const TASK_COLUMNS: ReadonlyArray<Column<ArchiveTask>> = [
  { header: 'ID', text: (task) => task.id, align: 'right' },
  { header: 'Function', text: (task) => task.function },
  { header: 'Status', text: (task) => task.status },
  { header: 'Due', text: (task) => formatLocalDate(task.todoDate), csv: (task) => task.todoDate },
  { header: 'Comment', text: (task) => task.comment ?? '' },
  { header: 'Service', text: (task) => task.serviceId },
];

export function taskFields(task: ArchiveTask): Array<readonly [string, string]> {
  return [
    ['ID', task.id],
    ['Service', task.serviceId],
    ['Function', task.function],
    ['Status', `${task.status} (${task.phase})`],
    ['Due', formatLocalDate(task.todoDate)],
    ['Login', task.login],
    ['IP address', task.ipAddress ?? '-'],
    ['Comment', task.comment ?? '-'],
  ];
}
