import type { ApiCredential, SettingExplanation } from '@ovh-pca/core';
import { formatLocalDate } from './format-date.js';
import { formatRules } from './profile-view.js';

export interface WhoamiFacts {
  account?: string;
  endpointUrl?: string;
  credential?: ApiCredential;
  problem?: string;
  settings: SettingExplanation[];
  profile?: string;
}

/** For people: the facts, then each setting with its source; secrets only as present or not. */
export function whoamiFields(facts: WhoamiFacts): Array<readonly [string, string]> {
  const fields: Array<readonly [string, string]> = [
    ['Account', facts.account ?? '-'],
    ['Endpoint', facts.endpointUrl ?? '-'],
    ['Key status', facts.credential?.status ?? (facts.problem ? 'not usable' : '-')],
    ['Key ID', facts.credential ? String(facts.credential.credentialId) : '-'],
    ['Rules', facts.credential ? formatRules(facts.credential.rules) : '-'],
    ['Expires', facts.credential ? formatLocalDate(facts.credential.expiration, 'never') : '-'],
  ];
  for (const setting of facts.settings) {
    const value = setting.secret ? (setting.present ? '(set)' : '(missing)') : (setting.value ?? '(not set)');
    fields.push([`  ${setting.setting}`, `${value}  ← ${setting.sourceLabel}`]);
  }
  return fields;
}

/** The documented --json shape of whoami. */
export function whoamiJson(facts: WhoamiFacts) {
  return {
    account: facts.account ?? null,
    endpoint: facts.endpointUrl ?? null,
    profile: facts.profile ?? null,
    credential: facts.credential
      ? {
          credentialId: facts.credential.credentialId,
          status: facts.credential.status,
          rules: facts.credential.rules,
          creation: facts.credential.creation,
          expiration: facts.credential.expiration,
          lastUse: facts.credential.lastUse,
        }
      : null,
    problem: facts.problem ?? null,
    settings: facts.settings.map((setting) => ({
      setting: setting.setting,
      secret: setting.secret,
      present: setting.present,
      value: setting.secret ? null : (setting.value ?? null),
      source: setting.sourceLabel,
    })),
  };
}
