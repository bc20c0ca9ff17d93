import { defineCommand } from '../../command-definition.js';
import { ExitCode } from '../../exit-codes.js';

export const sessionsRestore = defineCommand<{ wait?: boolean }>({
  path: ['sessions', 'restore'],
  description: 'restore a whole session (Perl -b ID)',
  arguments: [{ syntax: '<id>', description: 'session ID' }],
  options: [{ flags: '--wait', description: 'wait until the restore task has finished' }],
  async run(context, { args, options }) {
    const { parseSessionId } = await import('@ovh-pca/core');
    const sessionId = parseSessionId(args[0]);
    const { archive } = await context.connect();
    const task = await archive.restoreSession(sessionId, { signal: context.signal });
    let final = task;
    if (options.wait) {
      const { waitWithProgress } = await import('../../runtime/follow-tasks.js');
      [final = task] = await waitWithProgress(context, [task], archive);
    }
    const { taskJson } = await import('../../output/task-view.js');
    if (context.output.format === 'json') context.output.json(taskJson(final));
    else context.log.success(`Restore of ${sessionId} requested: task ${final.id} is ${final.status}.`);
    return final.phase === 'failed' || final.phase === 'cancelled' ? ExitCode.failed : undefined;
  },
});
