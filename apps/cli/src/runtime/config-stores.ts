import type {
  OvhEnvironment,
  ProfileStore,
  ResolvedConfig,
  S3CredentialStore,
  SecretStore,
} from '@ovh-pca/core';
import type { GlobalOptions } from '../global-options.js';
import type { CliEnvironment } from './cli-environment.js';

/**
 * Where settings live on this machine: the profile file, the OS keychain, ovh.conf and the OVH_*
 * variables (@ovh-pca/platform-node). The keychain module loads on the first secret read or
 * written, so commands that need none never touch it.
 */
export interface ConfigStores {
  profiles: ProfileStore;
  secrets: SecretStore;
  /** S3 keys of Public Cloud projects, in the same keychain. */
  s3Credentials: S3CredentialStore;
  ovhEnvironment: OvhEnvironment;
  /** Runs the documented resolution order for this command's flags. */
  resolve(
    globals: Pick<GlobalOptions, 'profile' | 'endpoint' | 'appKey'>,
    options?: { secrets?: boolean },
  ): Promise<ResolvedConfig>;
}

/** Throws InvalidEnvironmentError (exit 2) for an unusable OVH_* variable. */
export async function openConfigStores(env: CliEnvironment): Promise<ConfigStores> {
  const { createNodeCredentialServices, KeytarS3CredentialStore } = await import('@ovh-pca/platform-node');
  const services = createNodeCredentialServices({ env: env.raw });
  return {
    profiles: services.profileStore,
    secrets: services.secretStore,
    s3Credentials: new KeytarS3CredentialStore(),
    ovhEnvironment: services.environment.ovh,
    resolve: (globals, options) =>
      services.resolveConfig(
        { profile: globals.profile, endpoint: globals.endpoint, applicationKey: globals.appKey },
        options,
      ),
  };
}
