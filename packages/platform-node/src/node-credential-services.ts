import { homedir } from 'node:os';
import {
  type Clock,
  type ConfigFlags,
  type OvhConf,
  type ResolvedConfig,
  resolveConfig,
  type SecretStore,
} from '@ovh-pca/core';
import { profilesDirectory } from './config-directory.js';
import { type NodeEnvironment, readEnvironment } from './environment.js';
import { FileProfileStore } from './file-profile-store.js';
import { KeytarSecretStore } from './keytar-secret-store.js';
import { defaultOvhConfPaths, readOvhConf } from './ovh-conf-files.js';

export interface NodeCredentialServicesOptions {
  /** Default `process.env`; validated once here. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Where `./ovh.conf` is looked up; default `process.cwd()`. */
  cwd?: string;
  /** Default `os.homedir()`. */
  home?: string;
  /** Replaces the three default ovh.conf locations (tests). */
  ovhConfPaths?: readonly string[];
  /** Replaces the keychain (tests, or a session that must not touch it). */
  secretStore?: SecretStore;
  keychainTimeoutMs?: number;
  clock?: Clock;
}

/** Everything the CLI and the desktop main process need about credentials, wired the same way for both. */
export interface NodeCredentialServices {
  environment: NodeEnvironment;
  profileStore: FileProfileStore;
  secretStore: SecretStore;
  ovhConfPaths: readonly string[];
  /** Reads the ovh.conf files once, on first call. */
  loadOvhConf(): Promise<OvhConf>;
  /** `resolveConfig` over these stores and the environment read at creation. */
  resolveConfig(flags?: ConfigFlags, options?: { secrets?: boolean }): Promise<ResolvedConfig>;
}

/**
 * The one composition of the Node adapters. Cheap: reads nothing but the environment; the
 * keychain module loads on the first secret, ovh.conf on the first lookup that needs it.
 * Throws `InvalidEnvironmentError` for a bad OVH_* variable.
 */
export function createNodeCredentialServices(
  options: NodeCredentialServicesOptions = {},
): NodeCredentialServices {
  const environment = readEnvironment(options.env ?? process.env);
  const profileStore = new FileProfileStore({
    directory: profilesDirectory(environment.configDirectory),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const secretStore =
    options.secretStore ??
    new KeytarSecretStore(
      options.keychainTimeoutMs === undefined ? {} : { timeoutMs: options.keychainTimeoutMs },
    );
  const ovhConfPaths =
    options.ovhConfPaths ??
    defaultOvhConfPaths({ home: options.home ?? homedir(), cwd: options.cwd ?? process.cwd() });
  let ovhConf: Promise<OvhConf> | undefined;
  const loadOvhConf = () => {
    ovhConf ??= readOvhConf(ovhConfPaths);
    return ovhConf;
  };
  return {
    environment,
    profileStore,
    secretStore,
    ovhConfPaths,
    loadOvhConf,
    resolveConfig: (flags = {}, resolveOptions = {}) =>
      resolveConfig({
        flags,
        env: environment.ovh,
        profileStore,
        secretStore,
        ovhConf: loadOvhConf,
        ...(resolveOptions.secrets === undefined ? {} : { secrets: resolveOptions.secrets }),
      }),
  };
}
