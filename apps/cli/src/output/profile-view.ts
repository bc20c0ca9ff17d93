import type { Profile } from '@ovh-pca/core';
import { formatLocalDate } from './format-date.js';

/** The documented --json shape of a profile: never a secret, only non-secret settings. */
export function profileJson(profile: Profile, isDefault: boolean) {
  return {
    name: profile.name,
    default: isDefault,
    endpoint: profile.endpoint,
    applicationKey: profile.applicationKey,
    archiveService: profile.archiveService ?? null,
    account: profile.account ?? null,
    credentialId: profile.credentialId ?? null,
    rules: profile.rules,
    expiresAt: profile.expiresAt ?? null,
    createdAt: profile.createdAt,
    updatedAt: profile.updatedAt,
  };
}

export function formatRules(rules: ReadonlyArray<{ method: string; path: string }>): string {
  return rules.map((rule) => `${rule.method} ${rule.path}`).join(', ') || '-';
}

export function profileFields(
  profile: Profile,
  isDefault: boolean,
  keychain: { applicationSecret: boolean | null; consumerKey: boolean | null },
): Array<readonly [string, string]> {
  const stored = (present: boolean | null) =>
    present === null ? 'unknown (keychain unavailable)' : present ? 'in the keychain' : 'missing';
  return [
    ['Profile', `${profile.name}${isDefault ? ' (default)' : ''}`],
    ['Endpoint', profile.endpoint],
    ['Application key', profile.applicationKey],
    ['Application secret', stored(keychain.applicationSecret)],
    ['Consumer key', stored(keychain.consumerKey)],
    ['Account', profile.account ?? '-'],
    ['Service', profile.archiveService ?? 'all PCA services'],
    ['Rules', formatRules(profile.rules)],
    ['Expires', formatLocalDate(profile.expiresAt, 'never')],
  ];
}
