/** The settings a signed OVH call needs, plus the profile and archive service chosen. */
export type SettingName =
  | 'profile'
  | 'endpoint'
  | 'applicationKey'
  | 'applicationSecret'
  | 'consumerKey'
  | 'archiveService';

export const SECRET_SETTINGS: ReadonlySet<SettingName> = new Set(['applicationSecret', 'consumerKey']);

/** Where one setting's value came from. */
export type SettingSource =
  | { kind: 'flag'; flag: string }
  | { kind: 'env'; variable: string }
  | { kind: 'default-profile' }
  | { kind: 'profile'; profile: string }
  | { kind: 'keychain'; profile: string }
  | { kind: 'ovh.conf'; path: string; section: string };

export function describeSource(source: SettingSource): string {
  switch (source.kind) {
    case 'flag':
      return `flag ${source.flag}`;
    case 'env':
      return `env ${source.variable}`;
    case 'default-profile':
      return 'default profile';
    case 'profile':
      return `profile ${source.profile}`;
    case 'keychain':
      return `keychain (profile ${source.profile})`;
    case 'ovh.conf':
      return `ovh.conf ${source.path} [${source.section}]`;
  }
}

/** One line of `explain()`: never holds a secret value, only whether it is present. */
export interface SettingExplanation {
  setting: SettingName;
  secret: boolean;
  present: boolean;
  /** The value itself for non-secret settings; always absent for secrets. */
  value?: string;
  source?: SettingSource;
  /** `env OVH_ENDPOINT`, `keychain (profile acme)`, `not set`. */
  sourceLabel: string;
}
