import { UsageError } from '../../cli-errors.js';
import { defineCommand } from '../../command-definition.js';

export const profilesShow = defineCommand({
  path: ['profiles', 'show'],
  description: 'show a profile (default: the one in use) and whether its secrets are in the keychain',
  arguments: [{ syntax: '[name]', description: 'profile name' }],
  async run(context, { args }) {
    const { openConfigStores } = await import('../../runtime/config-stores.js');
    const { ProfileNotFoundError } = await import('@ovh-pca/core');
    const stores = await openConfigStores(context.env);
    const name =
      (args[0] as string | undefined) ??
      context.globals.profile ??
      stores.ovhEnvironment.profile ??
      (await stores.profiles.getDefault());
    if (name === undefined) throw new UsageError('No profile in use: name one, or run `ovh-pca login`.');
    const profile = await stores.profiles.get(name);
    if (!profile) throw new ProfileNotFoundError(name);
    const [secret, consumerKey] = await Promise.all([
      stores.secrets.get(name, 'applicationSecret'),
      stores.secrets.get(name, 'consumerKey'),
    ]);
    const isDefault = (await stores.profiles.getDefault()) === name;
    const { profileFields, profileJson } = await import('../../output/profile-view.js');
    const keychain = { applicationSecret: secret !== undefined, consumerKey: consumerKey !== undefined };
    context.output.record(profileFields(profile, isDefault, keychain), {
      ...profileJson(profile, isDefault),
      keychain,
    });
    return undefined;
  },
});
