import { UsageError } from '../../cli-errors.js';
import { defineCommand } from '../../command-definition.js';
import { ExitCode } from '../../exit-codes.js';

export const archivesDelete = defineCommand<{ recursive?: boolean }>({
  path: ['archives', 'delete'],
  description:
    'delete an archive after showing it and asking; a non-empty one only with --recursive (Cold Archive v1: once flushed)',
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
    const recursive = options.recursive === true;
    // Products with state rules check them (and list what goes with it) before anything is sent.
    const plan = backend.planDelete
      ? await backend.planDelete(archive, { recursive, signal: context.signal })
      : undefined;
    const objects = plan ? plan.objects.length : (archive.objects ?? 0);
    if (!plan && objects > 0 && !recursive) {
      throw new UsageError(`${where} holds ${objects} object(s): add --recursive to delete them with it.`);
    }
    const { formatSize } = await import('../../output/format-size.js');
    const size = archive.bytes === null ? '' : `, ${formatSize(archive.bytes)}`;
    for (const object of (plan?.objects ?? []).slice(0, 20))
      context.log.info(`  ${object.key} (${formatSize(object.bytes)})`);
    if (plan && plan.objects.length > 20) context.log.info(`  … and ${plan.objects.length - 20} more`);
    if (
      !(await context.confirm(`Delete archive ${where} (${archive.product}, ${objects} object(s)${size})?`))
    ) {
      context.log.info('Nothing deleted.');
      return ExitCode.failed;
    }
    await backend.deleteArchive(archive, { recursive, signal: context.signal, ...(plan && { plan }) });
    const { archiveJson } = await import('../../output/archive-view.js');
    if (context.output.format === 'json') context.output.json({ deleted: archiveJson(archive) });
    else context.log.success(`Deleted ${where}.`);
    return undefined;
  },
});
