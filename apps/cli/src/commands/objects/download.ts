import { UsageError } from '../../cli-errors.js';
import { defineCommand } from '../../command-definition.js';
import { ExitCode } from '../../exit-codes.js';

export const download = defineCommand<{ prefix?: string; output?: string; wait?: boolean }>({
  path: ['download'],
  description:
    'download objects into a folder (resumable, MD5-checked); sealed ones with --wait are retrieved first',
  arguments: [
    { syntax: '<archive>', description: 'NAME, REGION/NAME or PROJECT/REGION/NAME' },
    { syntax: '[keys...]', description: 'object keys' },
  ],
  options: [
    { flags: '--prefix <prefix>', description: 'every object whose key starts with this prefix' },
    {
      flags: '-o, --output <path>',
      description: 'target folder (default .); a file path when exactly one key is named',
    },
    { flags: '--wait', description: 'retrieve sealed objects first and wait until they are ready' },
  ],
  examples: [
    'ovh-pca download archives-gra backups/db/dump.sql.gz -o dump.sql.gz',
    'ovh-pca download GRA/archives-gra --prefix photos/2024/ -o ~/restore --wait',
  ],
  async run(context, { args, options }) {
    const core = await import('@ovh-pca/core');
    const { objectFilePath } = await import('@ovh-pca/platform-node');
    const { resolveTarget } = await import('../../runtime/download-target.js');
    // Every input checked before anything is sent.
    const { parseObjectSelection } = await import('../../input/object-selection.js');
    const { address, keys: typed, prefix } = await parseObjectSelection(args, options.prefix, 'download');
    const target = await resolveTarget(options.output, typed.length === 1 && prefix === undefined);
    if (target.kind === 'folder') for (const key of typed) objectFilePath(target.folder, key);

    const { openArchive } = await import('../../runtime/archive-target.js');
    const { archive, backend } = await openArchive(context, address);
    if (!core.hasCapability(backend, 'download') || !backend.openDownload) {
      throw new UsageError(
        `${archive.product} archives cannot be downloaded with ovh-pca` +
          (archive.product === 'legacy-pca' ? ' (legacy PCA sessions were read over SFTP).' : '.'),
      );
    }
    const listed =
      prefix === undefined ? [] : await backend.listObjects(archive, { prefix, signal: context.signal });
    const keys = [...new Set([...typed, ...listed.map((object) => object.key)])];
    if (keys.length === 0) {
      context.log.info('No object matches.');
      return undefined;
    }
    const { downloadObjects } = await import('../../runtime/download-objects.js');
    const outcomes = await downloadObjects(context, {
      archive,
      backend,
      keys,
      listed: new Map(listed.map((object) => [object.key, object])),
      target,
      wait: options.wait === true,
    });
    const view = await import('../../output/download-view.js');
    const report = view.downloadReport(
      core.formatArchiveAddress(archive),
      target.kind === 'file' ? target.path : target.folder,
      outcomes,
    );
    if (context.output.format === 'json') context.output.json(report);
    for (const outcome of outcomes) {
      if (outcome.outcome === 'not-ready') context.log.error(view.notReadyLine(outcome));
      if (outcome.outcome === 'failed') context.log.error(`${outcome.key}: ${outcome.error}`);
    }
    if (report.notReady > 0 && !options.wait) {
      context.log.info('Run again once they are ready, or add --wait to retrieve and wait for them.');
    }
    const bad = report.notReady + report.failed;
    if (context.output.format !== 'json') {
      if (bad === 0) context.log.success(view.downloadSummary(report));
      else context.log.warn(view.downloadSummary(report));
    }
    if (bad === 0) return undefined;
    return bad === outcomes.length ? ExitCode.failed : ExitCode.partial;
  },
});
