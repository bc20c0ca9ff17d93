import { defineCommand } from '../../command-definition.js';

export const sessionsFiles = defineCommand<{ name?: string }>({
  path: ['sessions', 'files'],
  description: 'list the files of a session, with sizes and checksums (Perl -f ID)',
  arguments: [{ syntax: '<id>', description: 'session ID' }],
  options: [{ flags: '--name <pattern>', description: 'only paths like this (% is a wildcard)' }],
  async run(context, { args, options }) {
    const { parseSessionId } = await import('@ovh-pca/core');
    const sessionId = parseSessionId(args[0]);
    const { archive } = await context.connect();
    const progress = await context.progress('Listing files…');
    try {
      const files = await archive.listFiles(sessionId, { name: options.name, signal: context.signal });
      progress.stop();
      const { FILE_COLUMNS, fileJson } = await import('../../output/file-view.js');
      const sorted = [...files].sort((a, b) => a.name.localeCompare(b.name));
      context.output.list({ rows: sorted, columns: FILE_COLUMNS, json: fileJson, emptyMessage: 'No files.' });
      return undefined;
    } finally {
      progress.stop();
    }
  },
});
