import { defineCommand } from '../../command-definition.js';
import type { TaskFilterFlags } from '../../input/task-filters.js';

export const tasksList = defineCommand<TaskFilterFlags>({
  path: ['tasks', 'list'],
  description: 'list tasks with their status (Perl -t)',
  options: [
    { flags: '--function <name>', description: 'delete, restore, setSessionName, …' },
    { flags: '--status <status>', description: 'todo, doing, done, error, …' },
    { flags: '--from <date>', description: 'due at or after this date' },
    { flags: '--to <date>', description: 'due at or before this date' },
  ],
  async run(context, { options }) {
    const { parseTaskFilters } = await import('../../input/task-filters.js');
    const filters = parseTaskFilters(options);
    const { archive } = await context.connect();
    const progress = await context.progress('Listing tasks…');
    const tasks = await archive
      .listTasks({ ...filters, signal: context.signal })
      .finally(() => progress.stop());
    const { TASK_COLUMNS, taskJson } = await import('../../output/task-view.js');
    const sorted = [...tasks].sort(
      (a, b) => a.todoDate.localeCompare(b.todoDate) || Number(a.id) - Number(b.id),
    );
    context.output.list({ rows: sorted, columns: TASK_COLUMNS, json: taskJson, emptyMessage: 'No tasks.' });
    return undefined;
  },
});
