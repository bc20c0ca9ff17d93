import { ACCESS_RULE_PRESETS } from '@ovh-pca/core';
import { describe, expect, it } from 'vitest';
import { accessOf, summariseProfile } from './profile-summary.js';

describe('profile summaries', () => {
  it('names the preset a set of rules is, in any order, else custom', () => {
    const rules = [...ACCESS_RULE_PRESETS['archive-read'].rules].reverse();
    expect(accessOf(rules)).toBe('archive-read');
    expect(accessOf(ACCESS_RULE_PRESETS['account-full'].rules)).toBe('account-full');
    expect(accessOf([{ method: 'GET', path: '/me' }])).toBe('custom');
  });

  it('carries no application key and derives the status from the keychain', () => {
    const summary = summariseProfile(
      {
        name: 'work',
        endpoint: 'ovh-eu',
        rules: [...ACCESS_RULE_PRESETS['archive-full'].rules],
        account: 'ab1-ovh',
      },
      { hasCredential: false, isTrial: false },
    );
    expect(summary).toEqual({
      name: 'work',
      endpoint: 'ovh-eu',
      access: 'archive-full',
      hasCredential: false,
      credentialStatus: 'none',
      account: 'ab1-ovh',
      isTrial: false,
      validationUrl: null,
    });
  });
});
