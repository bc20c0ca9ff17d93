import { CliError } from '../../cli-errors.js';
import { defineCommand } from '../../command-definition.js';
import { ExitCode } from '../../exit-codes.js';

export const logout = defineCommand({
  path: ['logout'],
  description: 'revoke the consumer key at OVH, then remove it from the keychain (the profile stays)',
  destroys: () => 'revoke the consumer key',
  async run(context) {
    const core = await import('@ovh-pca/core');
    const { openConfigStores } = await import('../../runtime/config-stores.js');
    const stores = await openConfigStores(context.env);
    const config = await stores.resolve(context.globals);
    const consumerKeySource = config.sourceOf('consumerKey');
    if (!config.consumerKey) {
      throw new CliError('Not logged in: there is no consumer key to revoke.', ExitCode.notAuthenticated);
    }
    const client = new core.OvhClient(config.requireClientCredentials());
    const from = consumerKeySource ? `, from ${core.describeSource(consumerKeySource)}` : '';
    const question = `Revoke the consumer key${config.profileName ? ` of profile ${config.profileName}` : ''} at ${client.endpointUrl}${from}? Commands using it will stop working.`;
    if (!(await context.confirm(question))) {
      context.log.info('Nothing revoked.');
      return ExitCode.failed;
    }
    if ((await core.logout(client, { signal: context.signal })) === 'revoked') {
      context.log.success('Consumer key revoked at OVH.');
    } else {
      context.log.warn('OVH no longer accepts this consumer key (already revoked or expired).');
    }
    if (consumerKeySource?.kind === 'keychain') {
      await core.forgetConsumerKey(
        { profileStore: stores.profiles, secretStore: stores.secrets },
        consumerKeySource.profile,
      );
      context.log.success(`Removed from the keychain (profile ${consumerKeySource.profile}).`);
    } else if (consumerKeySource) {
      const where = core.describeSource(consumerKeySource);
      context.log.warn(`The consumer key came from ${where}: remove it there, it is no longer valid.`);
    }
    if (context.output.format === 'json') {
      context.output.json({ revoked: true, profile: config.profileName ?? null });
    }
    return undefined;
  },
});
