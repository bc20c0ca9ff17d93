import type { OvhEnvironment, ProfileStore, ResolvedConfig, SecretStore } from '@ovh-pca/core';
import type { GlobalOptions } from '../global-options.js';
import type { CliEnvironment } from './cli-environment.js';

/**
 * Where settings live on this machine: the profile file, the OS keychain, ovh.conf and the OVH_*
 * variables. The keychain is opened only when a secret is actually read or written.
 */
export interface ConfigStores {
  profiles: ProfileStore;
  secrets: SecretStore;
  ovhEnvironment: OvhEnvironment;
  /** Runs the documented resolution order for this command's flags. */
  resolve(
    globals: Pick<GlobalOptions, 'profile' | 'endpoint' | 'appKey'>,
    options?: { secrets?: boolean },
  ): Promise<ResolvedConfig>;
}

export async function openConfigStores(env: CliEnvironment): Promise<ConfigStores> {
  const core = await import('@ovh-pca/core');
  // TODO(platform-node): file profile store, keytar secret store, ovh.conf files.
  const profiles = new core.InMemoryProfileStore();
  const secrets = new core.InMemorySecretStore();
  const ovhEnvironment: OvhEnvironment = {
    endpoint: env.raw.OVH_ENDPOINT || undefined,
    applicationKey: env.raw.OVH_APPLICATION_KEY || undefined,
    applicationSecret: env.raw.OVH_APPLICATION_SECRET || undefined,
    consumerKey: env.raw.OVH_CONSUMER_KEY || undefined,
    profile: env.raw.OVH_PROFILE || undefined,
  };
  return {
    profiles,
    secrets,
    ovhEnvironment,
    resolve: (globals, options) =>
      core.resolveConfig({
        flags: { profile: globals.profile, endpoint: globals.endpoint, applicationKey: globals.appKey },
        env: ovhEnvironment,
        profileStore: profiles,
        secretStore: secrets,
        ovhConf: core.OvhConf.empty(),
        secrets: options?.secrets,
      }),
  };
}
