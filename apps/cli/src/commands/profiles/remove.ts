import { defineCommand } from '../../command-definition.js';
import { ExitCode } from '../../exit-codes.js';

export const profilesRemove = defineCommand({
  path: ['profiles', 'remove'],
  description: 'forget a profile and its keychain secrets (the key stays valid at OVH: see logout)',
  arguments: [{ syntax: '<name>', description: 'profile name' }],
  destroys: () => 'remove a profile',
  async run(context, { args }) {
    const { openConfigStores } = await import('../../runtime/config-stores.js');
    const { ProfileNotFoundError } = await import('@ovh-pca/core');
    const name = String(args[0]);
    const stores = await openConfigStores(context.env);
    if (!(await stores.profiles.get(name))) throw new ProfileNotFoundError(name);
    if (!(await context.confirm(`Remove profile "${name}" and its secrets from the keychain?`))) {
      context.log.info('Nothing removed.');
      return ExitCode.failed;
    }
    const { removeProfileAndSecrets } = await import('@ovh-pca/core');
    await removeProfileAndSecrets({ profileStore: stores.profiles, secretStore: stores.secrets }, name);
    context.log.success(`Profile ${name} removed. Its consumer key is still valid at OVH until revoked.`);
    return undefined;
  },
});
