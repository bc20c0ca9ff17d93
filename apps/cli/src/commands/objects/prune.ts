import { UsageError } from '../../cli-errors.js';
import { defineCommand } from '../../command-definition.js';
import { ExitCode } from '../../exit-codes.js';
import { DRY_RUN_OPTION, OLDER_THAN_OPTION } from '../../input/retention-options.js';

interface ObjectsPruneOptions {
  olderThan?: string;
  keep?: string;
  prefix?: string;
  dryRun?: boolean;
}

export const objectsPrune = defineCommand<ObjectsPruneOptions>({
  path: ['objects', 'prune'],
  description:
    'delete objects last modified longer ago than an age (server clock), with their segments, after a preview',
  arguments: [{ syntax: '<archive>', description: 'NAME, REGION/NAME or PROJECT/REGION/NAME' }],
  options: [
    OLDER_THAN_OPTION,
    { flags: '--keep <n>', description: 'keep the N most recently modified objects, however old' },
    { flags: '--prefix <prefix>', description: 'only objects whose key starts with this prefix' },
    DRY_RUN_OPTION,
  ],
  destroys: (options) => (options.dryRun ? undefined : 'delete objects'),
  examples: [
    'ovh-pca objects prune GRA/backups --older-than 90d --keep 7',
    'ovh-pca objects prune backups --prefix db/ --older-than 1y --yes   # in cron',
  ],
  async run(context, { args, options }) {
    const core = await import('@ovh-pca/core');
    // Every input checked before anything is sent.
    const address = core.parseArchiveAddress(args[0]);
    if (options.olderThan === undefined)
      throw new UsageError('Missing --older-than <age>, e.g. --older-than 90d.');
    const olderThanSeconds = core.parseAge(options.olderThan);
    const keepNewest = core.parseKeepCount(options.keep);
    const prefix = options.prefix === undefined ? undefined : core.validateObjectPrefix(options.prefix);

    const { openArchive } = await import('../../runtime/archive-target.js');
    const { archive, backend } = await openArchive(context, address);
    if (!core.hasCapability(backend, 'prune') || !backend.planPrune || !backend.executePrune) {
      throw new UsageError(
        `${archive.product} archives cannot be pruned by objects here.`,
        archive.product === 'legacy-pca' ? 'Use "ovh-pca sessions prune" for legacy sessions.' : undefined,
      );
    }
    const view = await import('../../output/object-prune-view.js');
    const planning = await context.progress('Computing what to delete…');
    const plan = await backend
      .planPrune(archive, { olderThanSeconds, keepNewest, prefix, signal: context.signal })
      .finally(() => planning.stop());

    if (options.dryRun) {
      if (context.output.format === 'json') context.output.json(plan);
      else context.output.line(view.objectPrunePreview(plan).trimEnd());
      return undefined;
    }
    if (plan.objects.length === 0) {
      if (context.output.format === 'json')
        context.output.json(view.objectPruneResultJson(plan, await backend.executePrune(archive, plan)));
      else
        context.log.info(
          `Nothing to delete: no object of ${plan.archive} was last modified ${view.objectCutoffInWords(plan)}.`,
        );
      return undefined;
    }
    context.log.info(view.objectPrunePreview(plan).trimEnd());
    if (!(await context.confirm(`Delete these ${plan.objects.length} object(s) and their segments?`))) {
      context.log.info('Nothing deleted.');
      return ExitCode.failed;
    }
    const deleting = await context.progress(`Deleting ${plan.objects.length} object(s)…`);
    const result = await backend
      .executePrune(archive, plan, {
        signal: context.signal,
        onProgress: (event) => deleting.update(`Deleting objects… ${event.completed}/${event.total}`),
      })
      .finally(() => deleting.stop());
    if (context.output.format === 'json') context.output.json(view.objectPruneResultJson(plan, result));
    else
      context.output.list({
        rows: result.results,
        columns: view.OBJECT_PRUNE_RESULT_COLUMNS,
        json: () => null,
      });
    const { formatSize } = await import('../../output/format-size.js');
    const summary = `Deleted ${result.deletedCount} object(s) and ${result.partsDeleted} segment(s) (${formatSize(result.deletedBytes)}); ${result.goneCount} already gone, ${result.skippedCount} skipped, ${result.failedCount} failed.`;
    if (result.failedCount > 0) context.log.warn(summary);
    else context.log.success(summary);
    if (context.signal.aborted) return ExitCode.interrupted;
    if (result.failedCount === 0) return undefined;
    return result.deletedCount > 0 ? ExitCode.partial : ExitCode.failed;
  },
});
