import type { Archive, ArchiveAddress, LifecycleAction, LifecyclePreview } from '@ovh-pca/core';
import { UsageError } from '../cli-errors.js';
import { ExitCode } from '../exit-codes.js';
import { openArchive } from './archive-target.js';
import type { CommandContext } from './command-context.js';

/** The state each step passes through, and the one it ends in. */
const STEP_STATES: Record<LifecycleAction, { moving: string; settled: string; verb: string }> = {
  archive: { moving: 'archiving', settled: 'archived', verb: 'Archive' },
  restore: { moving: 'restoring', settled: 'restored', verb: 'Restore' },
  destroy: { moving: 'deleting', settled: 'flushed', verb: 'Flush (destroy)' },
};

/** What `archives archive|destroy` and a v1 `retrieve` print before asking, on stderr. */
export function showPreview(context: CommandContext, preview: LifecyclePreview): void {
  for (const line of preview.effects) context.log.info(line);
  for (const line of preview.costs) context.log.warn(line);
  context.log.debug(`Server time ${preview.serverTime}.`);
}

/**
 * Follows an archive through a step on one progress line until it settles (`--wait`); resumable:
 * the state lives on the server, so a re-run picks up where it is.
 */
export async function followStep(context: CommandContext, archive: Archive): Promise<Archive> {
  const core = await import('@ovh-pca/core');
  const { archives } = await context.connect();
  const lifecycle = archives.backend(archive.product).lifecycle;
  if (!lifecycle) return archive;
  const where = core.formatArchiveAddress(archive);
  const progress = await context.progress(`${where}: ${archive.state}`);
  try {
    return await core.waitForArchive(lifecycle, archive, {
      signal: context.signal,
      onProgress: (event) => progress.update(`${where}: ${event.value.state}`),
    });
  } finally {
    progress.stop();
  }
}

/**
 * One lifecycle step of a Cold Archive v1 bucket: checked against its state and the server clock
 * (a refusal is exit 2 with the reason or the date, before any request that would fail), previewed
 * with what it does and costs, confirmed (or --yes), sent once; `--wait` follows it. A step already
 * under way is only followed, one already done is said and nothing is sent, so a re-run goes on.
 */
export async function runLifecycleStep(
  context: CommandContext,
  address: ArchiveAddress,
  action: LifecycleAction,
  options: { lockDays?: number; wait?: boolean },
): Promise<ExitCode | undefined> {
  const core = await import('@ovh-pca/core');
  const { archive, backend } = await openArchive(context, address);
  const lifecycle = backend.lifecycle;
  if (!core.hasCapability(backend, 'lifecycle') || !lifecycle) {
    throw new UsageError(
      `${core.formatArchiveAddress(archive)} is ${archive.product}: archive and destroy are Cold Archive v1 (cold-archive) steps.`,
    );
  }
  const steps = STEP_STATES[action];
  const where = core.formatArchiveAddress(archive);
  const current = await lifecycle.read(archive, context.signal);
  let after: Archive;
  if (current.state === steps.moving && options.lockDays === undefined) {
    context.log.info(`${where} is already ${steps.moving}: nothing sent.`);
    after = current;
  } else if (current.state === steps.settled && options.lockDays === undefined) {
    context.log.info(`${where} is already ${steps.settled}: nothing sent.`);
    after = current;
  } else {
    const preview = await lifecycle.plan(current, action, {
      lockDays: options.lockDays,
      signal: context.signal,
    });
    showPreview(context, preview);
    const question = preview.lockOnly
      ? `Lock ${where} until ${preview.lockedUntil}? This cannot be shortened later.`
      : `${steps.verb} ${where}?`;
    if (!(await context.confirm(question))) {
      context.log.info('Nothing sent.');
      return ExitCode.failed;
    }
    after = await lifecycle.run(preview, context.signal);
  }
  if (options.wait) after = await followStep(context, after);
  const { archiveJson } = await import('../output/archive-view.js');
  if (context.output.format === 'json') context.output.json(archiveJson(after));
  else context.log.success(`${where}: ${after.state}${untilText(after)}.`);
  return undefined;
}

function untilText(archive: Archive): string {
  const parts = [
    archive.lockedUntil ? `locked until ${archive.lockedUntil}` : '',
    archive.restoredUntil ? `restored copy removed ${archive.restoredUntil}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}
