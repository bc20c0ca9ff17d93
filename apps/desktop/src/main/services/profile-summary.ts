import { ACCESS_RULE_PRESET_NAMES, ACCESS_RULE_PRESETS, type AccessRule, type Profile } from '@ovh-pca/core';
import type { CredentialStatus, ProfileAccess, ProfileSummary } from '../../shared/ipc-types.js';

const ruleKey = (rule: AccessRule) => `${rule.method} ${rule.path}`;

/** The preset a set of rules is exactly, whatever the order; `custom` otherwise. */
export function accessOf(rules: readonly AccessRule[]): ProfileAccess {
  const wanted = new Set(rules.map(ruleKey));
  for (const name of ACCESS_RULE_PRESET_NAMES) {
    const preset = ACCESS_RULE_PRESETS[name].rules;
    if (preset.length === wanted.size && preset.every((rule) => wanted.has(ruleKey(rule)))) return name;
  }
  return 'custom';
}

export interface SummaryFacts {
  hasCredential: boolean;
  /** What main last learnt about the consumer key; defaults from hasCredential. */
  status?: CredentialStatus;
  isTrial: boolean;
  validationUrl?: string | null;
}

/** What the renderer may know about a profile: never a secret, never the application key. */
export function summariseProfile(
  profile: Pick<Profile, 'name' | 'endpoint' | 'rules' | 'account'>,
  facts: SummaryFacts,
): ProfileSummary {
  return {
    name: profile.name,
    endpoint: profile.endpoint,
    access: accessOf(profile.rules),
    hasCredential: facts.hasCredential,
    credentialStatus: facts.status ?? (facts.hasCredential ? 'validated' : 'none'),
    account: profile.account ?? null,
    isTrial: facts.isTrial,
    validationUrl: facts.validationUrl ?? null,
  };
}
