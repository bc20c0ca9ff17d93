import {
  InvalidProfileNameError,
  isValidProfileName,
  type Profile,
  ProfileNotFoundError,
  type ProfileStore,
  type SecretName,
  type SecretStore,
} from '../ports/index.js';
import type { SettingName, SettingSource } from './config-sources.js';
import { OvhConf } from './ovh-conf.js';
import { ResolvedConfig, type ResolvedSetting } from './resolved-config.js';

/** Command-line values. Secrets never come from argv, so there are none here. */
export interface ConfigFlags {
  profile?: string;
  endpoint?: string;
  applicationKey?: string;
}

/** The OVH_* environment variables, read and validated once by the runtime. */
export interface OvhEnvironment {
  endpoint?: string;
  applicationKey?: string;
  applicationSecret?: string;
  consumerKey?: string;
  profile?: string;
}

export interface ResolveConfigInput {
  flags?: ConfigFlags;
  env?: OvhEnvironment;
  profileStore: ProfileStore;
  secretStore: SecretStore;
  /** Merged ovh.conf files, or a loader called only when a setting is still missing. */
  ovhConf?: OvhConf | (() => Promise<OvhConf>);
  /**
   * `false` resolves the non-secret settings only (secrets still come from the environment when
   * set there): the keychain and its native module are never touched. Default `true`.
   */
  secrets?: boolean;
}

const FLAG_NAMES = { profile: '--profile', endpoint: '--endpoint', applicationKey: '--app-key' } as const;
const ENV_NAMES = {
  profile: 'OVH_PROFILE',
  endpoint: 'OVH_ENDPOINT',
  applicationKey: 'OVH_APPLICATION_KEY',
  applicationSecret: 'OVH_APPLICATION_SECRET',
  consumerKey: 'OVH_CONSUMER_KEY',
} as const;
const OVH_CONF_KEYS = {
  endpoint: 'endpoint',
  applicationKey: 'application_key',
  applicationSecret: 'application_secret',
  consumerKey: 'consumer_key',
} as const;
const SECRET_NAMES: readonly SecretName[] = ['applicationSecret', 'consumerKey'];
const CLIENT_SETTINGS = ['endpoint', 'applicationKey', 'applicationSecret', 'consumerKey'] as const;

/**
 * Finds each setting in the documented order, first hit wins, setting by setting:
 * 1. command-line flags; 2. OVH_* environment variables; 3. the profile (`--profile`,
 * OVH_PROFILE, or the default profile), its secrets from the keychain; 4. ovh.conf as python-ovh
 * reads it (`[default] endpoint`, then the endpoint's section; `[profile:NAME]` when a profile
 * name is in effect and that section exists).
 * Throws `ProfileNotFoundError` when a named profile exists neither in the store nor in ovh.conf.
 */
export async function resolveConfig(input: ResolveConfigInput): Promise<ResolvedConfig> {
  const flags = input.flags ?? {};
  const wantSecrets = input.secrets !== false;
  const env = input.env ?? {};
  const settings = new Map<SettingName, ResolvedSetting>();
  const take = (setting: SettingName, value: string | undefined, source: SettingSource) => {
    if (!settings.has(setting) && value !== undefined && value !== '')
      settings.set(setting, { value, source });
  };

  let conf: OvhConf | undefined;
  const loadConf = async () => {
    if (!conf)
      conf = typeof input.ovhConf === 'function' ? await input.ovhConf() : (input.ovhConf ?? OvhConf.empty());
    return conf;
  };

  take('profile', flags.profile, { kind: 'flag', flag: FLAG_NAMES.profile });
  take('profile', env.profile, { kind: 'env', variable: ENV_NAMES.profile });
  const explicitProfile = settings.get('profile')?.value;
  take('profile', explicitProfile === undefined ? await input.profileStore.getDefault() : undefined, {
    kind: 'default-profile',
  });
  const profileName = settings.get('profile')?.value;
  if (profileName !== undefined && !isValidProfileName(profileName))
    throw new InvalidProfileNameError(profileName);

  const profile: Profile | undefined =
    profileName === undefined ? undefined : await input.profileStore.get(profileName);
  if (profileName !== undefined && !profile && !(await loadConf()).hasSection(`profile:${profileName}`)) {
    throw new ProfileNotFoundError(profileName);
  }

  take('endpoint', flags.endpoint, { kind: 'flag', flag: FLAG_NAMES.endpoint });
  take('applicationKey', flags.applicationKey, { kind: 'flag', flag: FLAG_NAMES.applicationKey });
  for (const setting of CLIENT_SETTINGS) {
    take(setting, env[setting], { kind: 'env', variable: ENV_NAMES[setting] });
  }
  if (profile) {
    const fromProfile = { kind: 'profile', profile: profile.name } as const;
    take('endpoint', profile.endpoint, fromProfile);
    take('applicationKey', profile.applicationKey, fromProfile);
    // A pinned service belongs to the profile's account: an implicit default profile does not lend
    // it to keys that came from elsewhere (a cron job for another customer's account, say).
    const keysFromElsewhere =
      settings.get('applicationKey')?.source.kind !== 'profile' || env.consumerKey !== undefined;
    if (explicitProfile !== undefined || !keysFromElsewhere) {
      take('archiveService', profile.archiveService, fromProfile);
    }
    if (wantSecrets) {
      for (const name of SECRET_NAMES) {
        if (!settings.has(name)) {
          take(name, await input.secretStore.get(profile.name, name), {
            kind: 'keychain',
            profile: profile.name,
          });
        }
      }
    }
  }

  const stillMissing = CLIENT_SETTINGS.filter(
    (setting) => !settings.has(setting) && (wantSecrets || !SECRET_NAMES.includes(setting as SecretName)),
  );
  if (stillMissing.length > 0) {
    const ovhConf = await loadConf();
    const profileSection =
      profileName !== undefined && ovhConf.hasSection(`profile:${profileName}`)
        ? `profile:${profileName}`
        : undefined;
    const takeFromConf = (setting: keyof typeof OVH_CONF_KEYS, section: string) => {
      const entry = ovhConf.get(section, OVH_CONF_KEYS[setting]);
      if (entry) take(setting, entry.value, { kind: 'ovh.conf', path: entry.path, section: entry.section });
    };
    if (profileSection) takeFromConf('endpoint', profileSection);
    takeFromConf('endpoint', 'default');
    const keySection = profileSection ?? settings.get('endpoint')?.value;
    if (keySection !== undefined) {
      for (const setting of stillMissing) if (setting !== 'endpoint') takeFromConf(setting, keySection);
    }
  }

  return new ResolvedConfig(settings, profile);
}
