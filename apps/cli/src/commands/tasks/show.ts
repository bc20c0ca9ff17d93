import { defineCommand } from '../../command-definition.js';

export const tasksShow = defineCommand({
  path: ['tasks', 'show'],
  description: 'show one task',
  arguments: [{ syntax: '<id>', description: 'task ID (a number)' }],
  async run(context, { args }) {
    const { parseTaskId } = await import('@ovh-pca/core');
    const taskId = parseTaskId(args[0]);
    const { archive } = await context.connect();
    const task = await archive.getTask(taskId, { signal: context.signal });
    const { TASK_COLUMNS, taskFields, taskJson } = await import('../../output/task-view.js');
    context.output.record(taskFields(task), taskJson(task), { row: task, columns: TASK_COLUMNS });
    return undefined;
  },
});
