import { defineCommand } from '../../command-definition.js';
import { ExitCode } from '../../exit-codes.js';

export const tasksWait = defineCommand({
  path: ['tasks', 'wait'],
  description: 'wait until tasks are done, failed or cancelled; exit 1 if any did not succeed',
  arguments: [{ syntax: '<ids...>', description: 'task IDs' }],
  async run(context, { args }) {
    const { parseTaskId } = await import('@ovh-pca/core');
    const ids = (args[0] as string[]).map((id) => parseTaskId(id));
    const { archive } = await context.connect();
    const tasks = await Promise.all(ids.map((id) => archive.getTask(id, { signal: context.signal })));
    const { waitWithProgress, countFailed } = await import('../../runtime/follow-tasks.js');
    const final = await waitWithProgress(context, tasks, archive);
    const { TASK_COLUMNS, taskJson } = await import('../../output/task-view.js');
    context.output.list({ rows: final, columns: TASK_COLUMNS, json: taskJson });
    return countFailed(final) > 0 ? ExitCode.failed : undefined;
  },
});
