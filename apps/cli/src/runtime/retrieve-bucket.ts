import type { Archive } from '@ovh-pca/core';
import { ExitCode } from '../exit-codes.js';
import type { CommandContext } from './command-context.js';
import { followStep, showPreview } from './lifecycle-step.js';

/**
 * `retrieve` of a Cold Archive v1 bucket: the whole bucket is restored (one POST), after the
 * preview (30-day copy, restore costs) and a confirmation or --yes. A bucket already restoring or
 * restored, or never archived, is left as it is (a re-run only follows it); --wait follows the
 * bucket, then its objects are listed once.
 */
export async function retrieveBucket(
  context: CommandContext,
  archive: Archive,
  options: { wait?: boolean; prefix?: string },
): Promise<ExitCode | undefined> {
  const core = await import('@ovh-pca/core');
  const { archives } = await context.connect();
  const backend = archives.backend(archive.product);
  const lifecycle = backend.lifecycle!;
  const where = core.formatArchiveAddress(archive);
  let current = await lifecycle.read(archive, context.signal);
  if (current.state === 'archived') {
    context.ensureCanConfirm('restore a whole Cold Archive bucket');
    const preview = await lifecycle.plan(current, 'restore', { signal: context.signal });
    showPreview(context, preview);
    if (!(await context.confirm(`Restore ${where} (the whole bucket)?`))) {
      context.log.info('Nothing sent.');
      return ExitCode.failed;
    }
    current = await lifecycle.run(preview, context.signal);
  } else {
    context.log.info(`${where} is ${current.state}: no restore sent.`);
  }
  if (options.wait) current = await followStep(context, current);
  const objects = await backend.listObjects(current, { prefix: options.prefix, signal: context.signal });
  const { retrievalSummary, objectJson } = await import('../output/object-view.js');
  if (context.output.format === 'json') context.output.json(objects.map(objectJson));
  else {
    const until = current.restoredUntil ? ` Restored copy removed ${current.restoredUntil}.` : '';
    context.log.success(`${where} (${current.state}): ${retrievalSummary(objects)}.${until}`);
  }
  return undefined;
}
