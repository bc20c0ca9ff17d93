import { defineCommand } from '../../command-definition.js';
import { ExitCode } from '../../exit-codes.js';

export const sessionsDelete = defineCommand<{ wait?: boolean }>({
  path: ['sessions', 'delete'],
  description: 'delete one session after showing it and asking (Perl -d ID)',
  arguments: [{ syntax: '<id>', description: 'session ID' }],
  options: [{ flags: '--wait', description: 'wait until the deletion task has finished' }],
  destroys: () => 'delete a session',
  examples: ['ovh-pca sessions delete 51d542f302ee4c5466000000', 'ovh-pca -d 51d542f302ee4c5466000000 --yes'],
  async run(context, { args, options }) {
    const { parseSessionId } = await import('@ovh-pca/core');
    const sessionId = parseSessionId(args[0]);
    const { archive } = await context.connect();
    const session = await archive.getSession(sessionId, { signal: context.signal });
    const { formatSize } = await import('../../output/format-size.js');
    const { formatLocalDate } = await import('../../output/format-date.js');
    const summary = `${session.id} "${session.name}" (${formatSize(session.size)}, ended ${formatLocalDate(session.endDate, 'never: still uploading')}, ${session.state}) in ${session.serviceId}`;
    if (!(await context.confirm(`Delete session ${summary}?`))) {
      context.log.info('Nothing deleted.');
      return ExitCode.failed;
    }
    const task = await archive.deleteSession(session.id, {
      service: session.serviceId,
      signal: context.signal,
    });
    const { taskJson } = await import('../../output/task-view.js');
    let final = task;
    if (options.wait) {
      const { waitWithProgress } = await import('../../runtime/follow-tasks.js');
      [final = task] = await waitWithProgress(context, [task], archive);
    }
    if (context.output.format === 'json') {
      const { sessionJson } = await import('../../output/session-view.js');
      context.output.json({ session: sessionJson(session), task: taskJson(final) });
    } else {
      context.log.success(`Deletion of ${session.id} requested: task ${final.id} is ${final.status}.`);
    }
    return final.phase === 'failed' || final.phase === 'cancelled' ? ExitCode.failed : undefined;
  },
});
