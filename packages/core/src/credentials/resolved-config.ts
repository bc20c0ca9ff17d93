import type { Profile } from '../ports/index.js';
import {
  describeSource,
  SECRET_SETTINGS,
  type SettingExplanation,
  type SettingName,
  type SettingSource,
} from './config-sources.js';

export interface ResolvedSetting {
  value: string;
  source: SettingSource;
}

/** Settings a signed call cannot do without. */
export const REQUIRED_SETTINGS: readonly SettingName[] = [
  'endpoint',
  'applicationKey',
  'applicationSecret',
  'consumerKey',
];

const EXPLAIN_ORDER: readonly SettingName[] = ['profile', ...REQUIRED_SETTINGS, 'archiveService'];

/** What a client needs to sign calls. */
export interface ClientCredentials {
  endpoint: string;
  applicationKey: string;
  applicationSecret: string;
  consumerKey: string;
}

const SETTING_WORDS: Record<SettingName, string> = {
  profile: 'profile',
  endpoint: 'endpoint',
  applicationKey: 'application key',
  applicationSecret: 'application secret',
  consumerKey: 'consumer key',
  archiveService: 'archive service',
};

/** Some required settings were found nowhere. */
export class CredentialsNotConfiguredError extends Error {
  constructor(
    readonly missing: readonly SettingName[],
    readonly profile: string | undefined,
  ) {
    super(
      `Missing ${missing.map((setting) => SETTING_WORDS[setting]).join(', ')}${profile ? ` for profile "${profile}"` : ''}. Run \`ovh-pca login\`, ` +
        'or set OVH_ENDPOINT, OVH_APPLICATION_KEY, OVH_APPLICATION_SECRET and OVH_CONSUMER_KEY, or use an ovh.conf file.',
    );
    this.name = 'CredentialsNotConfiguredError';
  }
}

/**
 * The outcome of `resolveConfig`. Secrets sit in private fields behind getters, so neither
 * `JSON.stringify` nor `console.log` of this object can print them; both show `explain()`.
 */
export class ResolvedConfig {
  readonly #settings: ReadonlyMap<SettingName, ResolvedSetting>;
  /** The stored ovh-pca profile in use, when there is one. */
  readonly profile: Profile | undefined;

  constructor(settings: ReadonlyMap<SettingName, ResolvedSetting>, profile: Profile | undefined) {
    this.#settings = settings;
    this.profile = profile;
  }

  get profileName(): string | undefined {
    return this.#settings.get('profile')?.value;
  }
  get endpoint(): string | undefined {
    return this.#settings.get('endpoint')?.value;
  }
  get applicationKey(): string | undefined {
    return this.#settings.get('applicationKey')?.value;
  }
  get applicationSecret(): string | undefined {
    return this.#settings.get('applicationSecret')?.value;
  }
  get consumerKey(): string | undefined {
    return this.#settings.get('consumerKey')?.value;
  }
  get archiveService(): string | undefined {
    return this.#settings.get('archiveService')?.value;
  }

  sourceOf(setting: SettingName): SettingSource | undefined {
    return this.#settings.get(setting)?.source;
  }

  /** Required settings that were found nowhere. */
  missing(): SettingName[] {
    return REQUIRED_SETTINGS.filter((setting) => !this.#settings.has(setting));
  }

  /** The four values a signed client needs; throws `CredentialsNotConfiguredError` when any is missing. */
  requireClientCredentials(): ClientCredentials {
    const missing = this.missing();
    if (missing.length > 0) throw new CredentialsNotConfiguredError(missing, this.profileName);
    return {
      endpoint: this.endpoint!,
      applicationKey: this.applicationKey!,
      applicationSecret: this.applicationSecret!,
      consumerKey: this.consumerKey!,
    };
  }

  /** For each setting, where its value came from; secrets are reported as present or absent only. */
  explain(): SettingExplanation[] {
    return EXPLAIN_ORDER.map((setting) => {
      const resolved = this.#settings.get(setting);
      const secret = SECRET_SETTINGS.has(setting);
      const explanation: SettingExplanation = {
        setting,
        secret,
        present: resolved !== undefined,
        sourceLabel: resolved ? describeSource(resolved.source) : 'not set',
      };
      if (resolved) explanation.source = resolved.source;
      if (resolved && !secret) explanation.value = resolved.value;
      return explanation;
    });
  }

  toJSON(): SettingExplanation[] {
    return this.explain();
  }

  /** What `console.log` and `util.inspect` print (Node looks this symbol up; no Node import needed). */
  [Symbol.for('nodejs.util.inspect.custom')](): unknown {
    return { profile: this.profileName, settings: this.explain() };
  }
}
