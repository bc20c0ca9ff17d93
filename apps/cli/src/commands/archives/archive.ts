import { defineCommand } from '../../command-definition.js';

export const archivesArchive = defineCommand<{ lockDays?: string; wait?: boolean }>({
  path: ['archives', 'archive'],
  description:
    'move a Cold Archive v1 bucket to tape (180-day minimum), optionally with a write-once lock; on an archived bucket, extend its lock',
  arguments: [{ syntax: '<archive>', description: 'NAME, REGION/NAME or PROJECT/REGION/NAME' }],
  options: [
    {
      flags: '--lock-days <days>',
      description: 'write-once lock for this many days (1–4500); a lock can only be extended',
    },
    { flags: '--wait', description: 'wait until it is archived' },
  ],
  destroys: (options) =>
    options.lockDays === undefined ? 'archive a bucket to tape' : 'archive a bucket with a write-once lock',
  examples: [
    'ovh-pca archives archive RBX-ARCHIVE/backups-2026 --wait',
    'ovh-pca archives archive backups-2026 --lock-days 365 --yes',
  ],
  async run(context, { args, options }) {
    const core = await import('@ovh-pca/core');
    // Every input checked before anything is sent.
    const address = core.parseArchiveAddress(args[0]);
    const lockDays = options.lockDays === undefined ? undefined : core.parseLockDays(options.lockDays);
    const { runLifecycleStep } = await import('../../runtime/lifecycle-step.js');
    return runLifecycleStep(context, address, 'archive', { lockDays, wait: options.wait });
  },
});
