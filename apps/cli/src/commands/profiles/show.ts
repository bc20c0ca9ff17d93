import { UsageError } from '../../cli-errors.js';
import { defineCommand } from '../../command-definition.js';

export const profilesShow = defineCommand({
  path: ['profiles', 'show'],
  description: 'show a profile (default: the one in use) and whether its secrets are in the keychain',
  arguments: [{ syntax: '[name]', description: 'profile name' }],
  async run(context, { args }) {
    const { openConfigStores } = await import('../../runtime/config-stores.js');
    const { KeychainUnavailableError, ProfileNotFoundError } = await import('@ovh-pca/core');
    const stores = await openConfigStores(context.env);
    const name =
      (args[0] as string | undefined) ??
      context.globals.profile ??
      stores.ovhEnvironment.profile ??
      (await stores.profiles.getDefault());
    if (name === undefined) throw new UsageError('No profile in use: name one, or run `ovh-pca login`.');
    const profile = await stores.profiles.get(name);
    if (!profile) throw new ProfileNotFoundError(name);
    // The profile is worth showing even when the keychain cannot be reached; say so instead.
    let keychain: { applicationSecret: boolean | null; consumerKey: boolean | null; error?: string };
    try {
      const [secret, consumerKey] = await Promise.all([
        stores.secrets.get(name, 'applicationSecret'),
        stores.secrets.get(name, 'consumerKey'),
      ]);
      keychain = { applicationSecret: secret !== undefined, consumerKey: consumerKey !== undefined };
    } catch (error) {
      if (!(error instanceof KeychainUnavailableError)) throw error;
      keychain = { applicationSecret: null, consumerKey: null, error: error.message };
    }
    const isDefault = (await stores.profiles.getDefault()) === name;
    const { profileFields, profileJson } = await import('../../output/profile-view.js');
    context.output.record(profileFields(profile, isDefault, keychain), {
      ...profileJson(profile, isDefault),
      keychain,
    });
    return undefined;
  },
});
