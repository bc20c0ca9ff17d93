import { UsageError } from '../../cli-errors.js';
import { defineCommand } from '../../command-definition.js';
import { ExitCode } from '../../exit-codes.js';

export const archivesDelete = defineCommand<{ recursive?: boolean }>({
  path: ['archives', 'delete'],
  description: 'delete an archive after showing it and asking; a non-empty one only with --recursive',
  arguments: [{ syntax: '<archive>', description: 'NAME, REGION/NAME or PROJECT/REGION/NAME' }],
  options: [{ flags: '--recursive', description: 'delete its objects too' }],
  destroys: (options) => (options.recursive ? 'delete an archive and its objects' : 'delete an archive'),
  examples: [
    'ovh-pca archives delete GRA/old-backups',
    'ovh-pca archives delete old-backups --recursive --yes',
  ],
  async run(context, { args, options }) {
    const core = await import('@ovh-pca/core');
    const address = core.parseArchiveAddress(args[0]);
    const { openArchive } = await import('../../runtime/archive-target.js');
    const { archive, backend } = await openArchive(context, address);
    if (!core.hasCapability(backend, 'delete') || !backend.deleteArchive) {
      throw new UsageError(`${archive.product} archives cannot be deleted here.`);
    }
    const where = core.formatArchiveAddress(archive);
    const objects = archive.objects ?? 0;
    if (objects > 0 && !options.recursive) {
      throw new UsageError(`${where} holds ${objects} object(s): add --recursive to delete them with it.`);
    }
    const { formatSize } = await import('../../output/format-size.js');
    const size = archive.bytes === null ? '' : `, ${formatSize(archive.bytes)}`;
    if (
      !(await context.confirm(`Delete archive ${where} (${archive.product}, ${objects} object(s)${size})?`))
    ) {
      context.log.info('Nothing deleted.');
      return ExitCode.failed;
    }
    await backend.deleteArchive(archive, { recursive: options.recursive === true, signal: context.signal });
    const { archiveJson } = await import('../../output/archive-view.js');
    if (context.output.format === 'json') context.output.json({ deleted: archiveJson(archive) });
    else context.log.success(`Deleted ${where}.`);
    return undefined;
  },
});
