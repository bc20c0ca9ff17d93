import { UsageError } from '../../cli-errors.js';
import { defineCommand } from '../../command-definition.js';

export const retrieve = defineCommand<{ prefix?: string; wait?: boolean; days?: string }>({
  path: ['retrieve'],
  description:
    'retrieve archived objects: unseal (Cloud Archive), restore for --days N (Cold Archive v2), restore the whole bucket (Cold Archive v1), restore a legacy session; --wait follows them until ready',
  arguments: [
    { syntax: '<archive>', description: 'NAME, REGION/NAME or PROJECT/REGION/NAME' },
    {
      syntax: '[keys...]',
      description: 'object keys (legacy PCA: session IDs; Cold Archive v1: the whole bucket)',
    },
  ],
  options: [
    { flags: '--prefix <prefix>', description: 'every object whose key starts with this prefix' },
    {
      flags: '--days <days>',
      description: 'Cold Archive v2: days the restored copy stays readable (required)',
    },
    { flags: '--wait', description: 'wait until every object is ready, honouring the server delays' },
  ],
  examples: [
    'ovh-pca retrieve archives-gra backups/db/dump.sql.gz --wait',
    'ovh-pca retrieve GRA/archives-gra --prefix photos/2024/ --json',
    'ovh-pca retrieve EU-WEST-PAR/deep-backups --prefix 2025/ --days 3 --wait',
    'ovh-pca retrieve RBX-ARCHIVE/backups-2024 --wait --yes',
  ],
  async run(context, { args, options }) {
    const core = await import('@ovh-pca/core');
    // Every input checked before anything is sent.
    const { parseObjectSelection } = await import('../../input/object-selection.js');
    const { address, keys: typed, prefix } = await parseObjectSelection(args, options.prefix, 'retrieve');
    const days = options.days === undefined ? undefined : core.parseRestoreDays(options.days);
    const { openArchive } = await import('../../runtime/archive-target.js');
    const { archive, backend } = await openArchive(context, address);
    if (!core.hasCapability(backend, 'retrieve') || !backend.retrieveObjects || !backend.readObjectStates) {
      throw new UsageError(`${archive.product} archives cannot be retrieved.`);
    }
    const { retrievalSummary, objectJson } = await import('../../output/object-view.js');
    if (backend.lifecycle) {
      // Cold Archive v1: the bucket is restored as a whole, a costly step previewed and confirmed.
      const { retrieveBucket } = await import('../../runtime/retrieve-bucket.js');
      return retrieveBucket(context, archive, { wait: options.wait, prefix });
    }
    if (archive.product === 'deep-archive' && days === undefined) {
      throw new UsageError(
        'Say how long the restored copies stay readable: --days N (billed at the Standard price for those days). Nothing was sent.',
      );
    }
    const listed =
      prefix === undefined ? [] : await backend.listObjects(archive, { prefix, signal: context.signal });
    const keys = [...new Set([...typed, ...listed.map((object) => object.key)])];
    if (keys.length === 0) {
      context.log.info('No object matches.');
      return undefined;
    }
    const started = await backend.retrieveObjects(archive, keys, { signal: context.signal, days });
    let final = started;
    if (options.wait) {
      const progress = await context.progress(
        `Retrieving ${keys.length} object(s): ${retrievalSummary(started)}`,
      );
      const current = new Map(started.map((object) => [object.key, object]));
      try {
        final = await core.waitForObjects(backend, archive, started, {
          signal: context.signal,
          days,
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
