import { UsageError } from '../../cli-errors.js';
import { defineCommand } from '../../command-definition.js';

export const sessionsRename = defineCommand<{ last?: boolean }>({
  path: ['sessions', 'rename'],
  description: 'rename a session, or with --last the most recent one by start date (Perl -r)',
  arguments: [
    { syntax: '<id-or-name>', description: 'session ID, or the new name with --last' },
    { syntax: '[name]', description: 'the new name (any Unicode text)' },
  ],
  options: [{ flags: '--last', description: 'rename the most recent session (by start date)' }],
  examples: [
    'ovh-pca sessions rename 51d542f302ee4c5466000000 "weekly backup"',
    'ovh-pca sessions rename --last "nightly"',
  ],
  async run(context, { args, options }) {
    const [first, second] = args as [string, string | undefined];
    const { parseSessionId, validateSessionName } = await import('@ovh-pca/core');
    if (options.last && second !== undefined) {
      throw new UsageError('With --last, give only the new name (quote it if it has spaces).');
    }
    if (!options.last && second === undefined) {
      throw new UsageError('Give a session ID and the new name, or --last and the new name.');
    }
    const name = validateSessionName(options.last ? first : second);
    const explicitId = options.last ? undefined : parseSessionId(first);

    const { archive } = await context.connect();
    let sessionId = explicitId;
    if (sessionId === undefined) {
      const last = await archive.getLastSession({ signal: context.signal });
      if (!last) throw new UsageError('There is no session to rename.');
      sessionId = last.id;
      const { formatLocalDate } = await import('../../output/format-date.js');
      context.log.info(
        `Most recent session: ${last.id} "${last.name}" (started ${formatLocalDate(last.startDate)}).`,
      );
    }
    const result = await archive.renameSession(sessionId, name, { signal: context.signal });
    if (context.output.format === 'json') context.output.json(result);
    else context.log.success(`Renamed ${result.sessionId} to ${JSON.stringify(result.name)}.`);
    return undefined;
  },
});
