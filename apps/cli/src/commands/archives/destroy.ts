import { defineCommand } from '../../command-definition.js';

export const archivesDestroy = defineCommand<{ wait?: boolean }>({
  path: ['archives', 'destroy'],
  description:
    'flush a Cold Archive v1 bucket: delete its objects from tape (refused while locked); then `archives delete` removes it',
  arguments: [{ syntax: '<archive>', description: 'NAME, REGION/NAME or PROJECT/REGION/NAME' }],
  options: [{ flags: '--wait', description: 'wait until it is flushed' }],
  destroys: () => 'delete every object of a bucket from tape',
  examples: ['ovh-pca archives destroy RBX-ARCHIVE/backups-2020 --wait'],
  async run(context, { args, options }) {
    const core = await import('@ovh-pca/core');
    const address = core.parseArchiveAddress(args[0]);
    const { runLifecycleStep } = await import('../../runtime/lifecycle-step.js');
    return runLifecycleStep(context, address, 'destroy', { wait: options.wait });
  },
});
