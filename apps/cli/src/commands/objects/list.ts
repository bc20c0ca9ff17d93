import { defineCommand } from '../../command-definition.js';

export const objectsList = defineCommand<{ prefix?: string }>({
  path: ['objects', 'list'],
  description: 'list the objects of an archive with their states and ready times',
  arguments: [{ syntax: '<archive>', description: 'NAME, REGION/NAME or PROJECT/REGION/NAME' }],
  options: [{ flags: '--prefix <prefix>', description: 'only keys starting with this prefix' }],
  examples: [
    'ovh-pca objects list archives-gra --json',
    'ovh-pca objects list GRA/archives-gra --prefix backups/',
  ],
  async run(context, { args, options }) {
    const { parseArchiveAddress, validateObjectPrefix } = await import('@ovh-pca/core');
    const address = parseArchiveAddress(args[0]);
    const prefix = options.prefix === undefined ? undefined : validateObjectPrefix(options.prefix);
    const { openArchive } = await import('../../runtime/archive-target.js');
    const { archive, backend } = await openArchive(context, address);
    const rows = await backend.listObjects(archive, { prefix, signal: context.signal });
    const { OBJECT_COLUMNS, objectJson } = await import('../../output/object-view.js');
    context.output.list({
      rows,
      columns: OBJECT_COLUMNS,
      json: objectJson,
      emptyMessage: 'No object matches.',
    });
    return undefined;
  },
});
