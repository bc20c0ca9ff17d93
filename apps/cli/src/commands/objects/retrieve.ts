import { UsageError } from '../../cli-errors.js';
import { defineCommand } from '../../command-definition.js';

export const retrieve = defineCommand<{ prefix?: string; wait?: boolean }>({
  path: ['retrieve'],
  description: 'unseal archived objects (a legacy session: restore it); --wait follows them until ready',
  arguments: [
    { syntax: '<archive>', description: 'NAME, REGION/NAME or PROJECT/REGION/NAME' },
    { syntax: '[keys...]', description: 'object keys (legacy PCA: session IDs)' },
  ],
  options: [
    { flags: '--prefix <prefix>', description: 'every object whose key starts with this prefix' },
    { flags: '--wait', description: 'wait until every object is ready, honouring the server delays' },
  ],
  examples: [
    'ovh-pca retrieve archives-gra backups/db/dump.sql.gz --wait',
    'ovh-pca retrieve GRA/archives-gra --prefix photos/2024/ --json',
  ],
  async run(context, { args, options }) {
    const core = await import('@ovh-pca/core');
    // Every input checked before anything is sent.
    const { parseObjectSelection } = await import('../../input/object-selection.js');
    const { address, keys: typed, prefix } = await parseObjectSelection(args, options.prefix, 'retrieve');
    const { openArchive } = await import('../../runtime/archive-target.js');
    const { archive, backend } = await openArchive(context, address);
    if (!core.hasCapability(backend, 'retrieve') || !backend.retrieveObjects || !backend.readObjectStates) {
      throw new UsageError(`${archive.product} archives cannot be retrieved.`);
    }
    const listed =
      prefix === undefined ? [] : await backend.listObjects(archive, { prefix, signal: context.signal });
    const keys = [...new Set([...typed, ...listed.map((object) => object.key)])];
    if (keys.length === 0) {
      context.log.info('No object matches.');
      return undefined;
    }
    const { retrievalSummary, objectJson } = await import('../../output/object-view.js');
    const started = await backend.retrieveObjects(archive, keys, { signal: context.signal });
    let final = started;
    if (options.wait) {
      const progress = await context.progress(
        `Retrieving ${keys.length} object(s): ${retrievalSummary(started)}`,
      );
      const current = new Map(started.map((object) => [object.key, object]));
      try {
        final = await core.waitForObjects(backend, archive, started, {
          signal: context.signal,
          onProgress: (event) => {
            current.set(event.id, event.value);
            progress.update(
              `Retrieving ${keys.length} object(s): ${retrievalSummary([...current.values()])}`,
            );
          },
        });
      } finally {
        progress.stop();
      }
    }
    if (context.output.format === 'json') context.output.json(final.map(objectJson));
    else context.log.success(`${core.formatArchiveAddress(archive)}: ${retrievalSummary(final)}.`);
    return undefined;
  },
});
