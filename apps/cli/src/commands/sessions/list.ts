import { defineCommand } from '../../command-definition.js';

export const sessionsList = defineCommand<{ name?: string }>({
  path: ['sessions', 'list'],
  description: 'list sessions with their details, of every PCA service or of --service (Perl -l)',
  options: [{ flags: '--name <pattern>', description: 'only names like this (% is a wildcard)' }],
  examples: ['ovh-pca sessions list', 'ovh-pca sessions list --json', 'ovh-pca -l'],
  async run(context, { options }) {
    const { archive } = await context.connect();
    const progress = await context.progress('Listing sessions…');
    try {
      const sessions = await archive.listSessions({ name: options.name, signal: context.signal });
      progress.stop();
      const { SESSION_COLUMNS, sessionJson } = await import('../../output/session-view.js');
      const sorted = [...sessions].sort((a, b) => a.startDate.localeCompare(b.startDate));
      context.output.list({
        rows: sorted,
        columns: SESSION_COLUMNS,
        json: sessionJson,
        emptyMessage: 'No sessions.',
      });
      return undefined;
    } finally {
      progress.stop();
    }
  },
});
