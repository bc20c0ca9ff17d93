import { defineCommand } from '../../command-definition.js';

export const sessionsShow = defineCommand({
  path: ['sessions', 'show'],
  description: 'show one session',
  arguments: [{ syntax: '<id>', description: 'session ID (24 hexadecimal characters)' }],
  async run(context, { args }) {
    const { parseSessionId } = await import('@ovh-pca/core');
    const sessionId = parseSessionId(args[0]);
    const { archive } = await context.connect();
    const session = await archive.getSession(sessionId, { signal: context.signal });
    const { SESSION_COLUMNS, sessionFields, sessionJson } = await import('../../output/session-view.js');
    context.output.record(sessionFields(session), sessionJson(session), {
      row: session,
      columns: SESSION_COLUMNS,
    });
    return undefined;
  },
});
