import { defineCommand } from '../../command-definition.js';
import { ExitCode } from '../../exit-codes.js';

export const whoami = defineCommand({
  path: ['whoami'],
  description: 'account, endpoint, consumer key status, rules, expiry, and where each setting came from',
  async run(context) {
    const core = await import('@ovh-pca/core');
    const { openConfigStores } = await import('../../runtime/config-stores.js');
    const stores = await openConfigStores(context.env);
    const config = await stores.resolve(context.globals);
    const settings = config.explain();
    let credential: import('@ovh-pca/core').ApiCredential | undefined;
    let account: string | undefined;
    let problem: string | undefined;
    let endpointUrl: string | undefined;
    if (config.missing().length === 0) {
      const client = new core.OvhClient(config.requireClientCredentials());
      endpointUrl = client.endpointUrl;
      try {
        credential = await core.getCurrentCredential(client, { signal: context.signal });
        account = await client
          .request<{ nichandle?: string }>('GET', '/me', { signal: context.signal })
          .then((me) => me?.nichandle)
          .catch(() => config.profile?.account);
      } catch (error) {
        if (!core.isOvhApiError(error)) throw error;
        problem = error.message;
      }
    } else {
      problem = new core.CredentialsNotConfiguredError(config.missing(), config.profileName).message;
    }

    const view = await import('../../output/whoami-view.js');
    context.output.record(
      view.whoamiFields({ account, endpointUrl, credential, problem, settings }),
      view.whoamiJson({ account, endpointUrl, credential, problem, settings, profile: config.profileName }),
    );
    if (problem) context.log.error(problem, 'Run `ovh-pca login`, or `ovh-pca doctor` for details.');
    return problem ? ExitCode.notAuthenticated : undefined;
  },
});
