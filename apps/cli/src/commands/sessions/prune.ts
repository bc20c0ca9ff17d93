import { quoteInput } from '@ovh-pca/core/text';
import { UsageError } from '../../cli-errors.js';
import { defineCommand } from '../../command-definition.js';
import { ExitCode } from '../../exit-codes.js';
import { DRY_RUN_OPTION, OLDER_THAN_OPTION } from '../../input/retention-options.js';

interface PruneOptions {
  olderThan: string;
  keep?: string;
  dryRun?: boolean;
  wait?: boolean;
}

export const sessionsPrune = defineCommand<PruneOptions>({
  path: ['sessions', 'prune'],
  description:
    'delete sessions that ended longer ago than an age, on the server clock, after a preview (Perl -d SECONDS)',
  options: [
    OLDER_THAN_OPTION,
    { flags: '--keep <n>', description: 'keep the N newest finished sessions of each service' },
    DRY_RUN_OPTION,
    { flags: '--wait', description: 'wait until the deletion tasks have finished' },
  ],
  destroys: (options) => (options.dryRun ? undefined : 'delete sessions'),
  examples: ['ovh-pca sessions prune --older-than 90d', 'ovh-pca -d 7776000 --yes   # in cron'],
  async run(context, { options }) {
    const { parseAge } = await import('@ovh-pca/core');
    if (options.olderThan === undefined)
      throw new UsageError('Missing --older-than <age>, e.g. --older-than 90d.');
    const olderThanSeconds = parseAge(options.olderThan);
    const keepNewest = parseKeep(options.keep);

    const { archive } = await context.connect();
    const view = await import('../../output/prune-view.js');
    const planning = await context.progress('Computing what to delete…');
    const plan = await archive
      .planPrune({ olderThan: olderThanSeconds, keepNewest, signal: context.signal })
      .finally(() => planning.stop());

    if (options.dryRun) {
      if (context.output.format === 'json') context.output.json(view.prunePlanJson(plan));
      else if (context.output.format === 'table') context.output.line(view.planPreview(plan).trimEnd());
      else {
        // The sessions that would be deleted, as `sessions list --csv` prints them.
        const { SESSION_COLUMNS, sessionJson } = await import('../../output/session-view.js');
        context.output.list({ rows: plan.sessions, columns: SESSION_COLUMNS, json: sessionJson });
      }
      return undefined;
    }
    if (plan.sessions.length === 0) {
      if (context.output.format === 'json') context.output.json(view.pruneResultJson(plan, emptyResult()));
      else context.log.info(`Nothing to delete: no finished session ended ${view.cutoffInWords(plan)}.`);
      return undefined;
    }
    context.log.info(view.planPreview(plan).trimEnd());
    if (!(await context.confirm(`Delete these ${plan.sessions.length} session(s)?`))) {
      context.log.info('Nothing deleted.');
      return ExitCode.failed;
    }

    const deleting = await context.progress(`Deleting ${plan.sessions.length} session(s)…`);
    const result = await archive
      .executePrune(plan, {
        signal: context.signal,
        onProgress: (event) => deleting.update(`Deleting sessions… ${event.completed}/${event.total}`),
      })
      .finally(() => deleting.stop());
    if (options.wait && result.tasks.length > 0) {
      const { waitWithProgress } = await import('../../runtime/follow-tasks.js');
      await waitWithProgress(context, result.tasks, archive);
    }

    if (context.output.format === 'json') context.output.json(view.pruneResultJson(plan, result));
    else context.output.list({ rows: result.results, columns: view.PRUNE_RESULT_COLUMNS, json: () => null });
    const { formatSize } = await import('../../output/format-size.js');
    const summary = `Deleted ${result.deletedCount} session(s) (${formatSize(result.deletedBytes)}); ${result.goneCount} already gone, ${result.skippedCount} skipped, ${result.failedCount} failed.`;
    if (result.failedCount > 0) context.log.warn(summary);
    else context.log.success(summary);
    if (result.failedCount === 0) return undefined;
    return result.deletedCount > 0 ? ExitCode.partial : ExitCode.failed;
  },
});

function parseKeep(raw: string | undefined): number {
  if (raw === undefined) return 0;
  if (!/^\d{1,6}$/.test(raw))
    throw new UsageError(`Invalid --keep ${quoteInput(raw)}: expected a whole number.`);
  return Number(raw);
}

function emptyResult() {
  return {
    results: [],
    deletedCount: 0,
    deletedBytes: 0,
    goneCount: 0,
    skippedCount: 0,
    failedCount: 0,
    tasks: [],
  };
}
