import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ProfileNotFoundError, type SecretName } from '../ports/index.js';
import { InMemoryProfileStore } from './in-memory-profile-store.js';
import { InMemorySecretStore } from './in-memory-secret-store.js';
import { OvhConf } from './ovh-conf.js';
import { type ResolveConfigInput, resolveConfig } from './resolve-config.js';
import { CredentialsNotConfiguredError } from './resolved-config.js';

/** Counts keychain reads, to prove when the keychain is (not) consulted. */
class CountingSecretStore extends InMemorySecretStore {
  reads = 0;
  override async get(profile: string, name: SecretName) {
    this.reads += 1;
    return super.get(profile, name);
  }
}

async function storesWithProfile() {
  const profileStore = new InMemoryProfileStore();
  const secretStore = new CountingSecretStore();
  await profileStore.upsert({
    name: 'acme',
    endpoint: 'ovh-ca',
    applicationKey: 'AK-profile',
    archiveService: 'pp-1/pca-1',
    rules: [{ method: 'GET', path: '/*' }],
  });
  await secretStore.set('acme', 'applicationSecret', 'AS-keychain-secret');
  await secretStore.set('acme', 'consumerKey', 'CK-keychain-secret');
  return { profileStore, secretStore };
}

const ovhConf = OvhConf.fromFiles([
  {
    path: '/home/u/.ovh.conf',
    text: [
      '[default]',
      'endpoint=ovh-eu',
      '[ovh-eu]',
      'application_key=AK-conf-eu',
      'application_secret=AS-conf-eu-secret',
      'consumer_key=CK-conf-eu-secret',
      '[ovh-ca]',
      'application_key=AK-conf-ca',
      'consumer_key=CK-conf-ca-secret',
      '[profile:legacy]',
      'endpoint=ovh-us',
      'application_key=AK-conf-legacy',
      'application_secret=AS-conf-legacy-secret',
      'consumer_key=CK-conf-legacy-secret',
    ].join('\n'),
  },
]);

describe('resolveConfig', () => {
  it('takes everything from the default profile and its keychain entries', async () => {
    const stores = await storesWithProfile();
    await stores.profileStore.setDefault('acme');
    const config = await resolveConfig({ ...stores, ovhConf });
    expect(config.requireClientCredentials()).toEqual({
      endpoint: 'ovh-ca',
      applicationKey: 'AK-profile',
      applicationSecret: 'AS-keychain-secret',
      consumerKey: 'CK-keychain-secret',
    });
    expect(config.archiveService).toBe('pp-1/pca-1');
    expect(config.profile?.name).toBe('acme');
    expect(config.sourceOf('profile')).toEqual({ kind: 'default-profile' });
    expect(config.sourceOf('consumerKey')).toEqual({ kind: 'keychain', profile: 'acme' });
  });

  it('lets flags beat the environment, which beats the profile, which beats ovh.conf', async () => {
    const stores = await storesWithProfile();
    const config = await resolveConfig({
      ...stores,
      ovhConf,
      flags: { profile: 'acme', endpoint: 'ovh-us' },
      env: { endpoint: 'ovh-eu', applicationKey: 'AK-env', consumerKey: 'CK-env-secret', profile: 'other' },
    });
    expect(config.profileName).toBe('acme');
    expect(config.endpoint).toBe('ovh-us');
    expect(config.applicationKey).toBe('AK-env');
    expect(config.consumerKey).toBe('CK-env-secret');
    expect(config.applicationSecret).toBe('AS-keychain-secret');
    expect(config.explain().map((line) => [line.setting, line.sourceLabel])).toEqual([
      ['profile', 'flag --profile'],
      ['endpoint', 'flag --endpoint'],
      ['applicationKey', 'env OVH_APPLICATION_KEY'],
      ['applicationSecret', 'keychain (profile acme)'],
      ['consumerKey', 'env OVH_CONSUMER_KEY'],
      ['archiveService', 'profile acme'],
    ]);
  });

  it("does not lend the default profile's pinned service to keys from the environment", async () => {
    const stores = await storesWithProfile();
    await stores.profileStore.setDefault('acme');
    const config = await resolveConfig({
      ...stores,
      ovhConf,
      env: { applicationKey: 'AK-other-customer', consumerKey: 'CK-other-customer-secret' },
    });
    expect(config.applicationKey).toBe('AK-other-customer');
    expect(config.archiveService).toBeUndefined();
    const named = await resolveConfig({
      ...stores,
      ovhConf,
      env: { consumerKey: 'CK-other-secret', profile: 'acme' },
    });
    expect(named.archiveService).toBe('pp-1/pca-1');
  });

  it('falls back to ovh.conf: [default] endpoint, then the section named after the endpoint', async () => {
    const config = await resolveConfig({
      profileStore: new InMemoryProfileStore(),
      secretStore: new InMemorySecretStore(),
      ovhConf,
    });
    expect(config.endpoint).toBe('ovh-eu');
    expect(config.applicationKey).toBe('AK-conf-eu');
    expect(config.sourceOf('consumerKey')).toEqual({
      kind: 'ovh.conf',
      path: '/home/u/.ovh.conf',
      section: 'ovh-eu',
    });
    expect(config.missing()).toEqual([]);
  });

  it('reads the keys from the section of the endpoint in effect, even one given by the environment', async () => {
    const config = await resolveConfig({
      profileStore: new InMemoryProfileStore(),
      secretStore: new InMemorySecretStore(),
      ovhConf,
      env: { endpoint: 'ovh-ca' },
    });
    expect(config.applicationKey).toBe('AK-conf-ca');
    expect(config.applicationSecret).toBeUndefined();
    expect(config.missing()).toEqual(['applicationSecret']);
    expect(() => config.requireClientCredentials()).toThrow(CredentialsNotConfiguredError);
    expect(() => config.requireClientCredentials()).toThrow(
      /Missing application secret\. Run `ovh-pca login`/,
    );
  });

  it('reads an OVHcloud CLI [profile:NAME] section when no ovh-pca profile has that name', async () => {
    const config = await resolveConfig({
      profileStore: new InMemoryProfileStore(),
      secretStore: new InMemorySecretStore(),
      ovhConf,
      env: { profile: 'legacy' },
    });
    expect(config.profile).toBeUndefined();
    expect(config.endpoint).toBe('ovh-us');
    expect(config.consumerKey).toBe('CK-conf-legacy-secret');
    expect(config.explain()[1]?.sourceLabel).toBe('ovh.conf /home/u/.ovh.conf [profile:legacy]');
  });

  it('refuses a profile name found nowhere', async () => {
    const input: ResolveConfigInput = {
      profileStore: new InMemoryProfileStore(),
      secretStore: new InMemorySecretStore(),
      ovhConf,
      flags: { profile: 'nobody' },
    };
    await expect(resolveConfig(input)).rejects.toBeInstanceOf(ProfileNotFoundError);
    await expect(resolveConfig({ ...input, flags: { profile: '../x' } })).rejects.toThrow(
      /Invalid profile name/,
    );
  });

  it('explains where values came from without revealing any secret', async () => {
    const stores = await storesWithProfile();
    const config = await resolveConfig({
      ...stores,
      flags: { profile: 'acme' },
      env: { applicationSecret: 'AS-env-secret' },
    });
    expect(config.applicationSecret).toBe('AS-env-secret');
    const printed = [
      JSON.stringify(config.explain()),
      JSON.stringify({ config }),
      inspect(config, { depth: 9 }),
    ];
    for (const text of printed) {
      expect(text).toContain('applicationSecret');
      expect(text).not.toContain('AS-env-secret');
      expect(text).not.toContain('CK-keychain-secret');
    }
    const secretLines = config.explain().filter((line) => line.secret);
    expect(secretLines).toEqual([
      expect.objectContaining({
        setting: 'applicationSecret',
        present: true,
        sourceLabel: 'env OVH_APPLICATION_SECRET',
      }),
      expect.objectContaining({
        setting: 'consumerKey',
        present: true,
        sourceLabel: 'keychain (profile acme)',
      }),
    ]);
    for (const line of secretLines) expect(line).not.toHaveProperty('value');
    expect(config.explain()[2]).toMatchObject({ setting: 'applicationKey', value: 'AK-profile' });
  });

  it('does not open the keychain, nor read ovh.conf, when it is not needed', async () => {
    const stores = await storesWithProfile();
    let confLoads = 0;
    const loader = async () => {
      confLoads += 1;
      return ovhConf;
    };
    const nonSecret = await resolveConfig({
      ...stores,
      flags: { profile: 'acme' },
      ovhConf: loader,
      secrets: false,
    });
    expect(stores.secretStore.reads).toBe(0);
    expect(nonSecret.applicationKey).toBe('AK-profile');
    expect(nonSecret.missing()).toEqual(['applicationSecret', 'consumerKey']);
    expect(confLoads).toBe(0);

    const everything = await resolveConfig({ ...stores, flags: { profile: 'acme' }, ovhConf: loader });
    expect(stores.secretStore.reads).toBe(2);
    expect(everything.missing()).toEqual([]);
    expect(confLoads).toBe(0);
  });

  it('fills a secret missing from the keychain (after logout) from ovh.conf, saying so', async () => {
    const stores = await storesWithProfile();
    await stores.secretStore.delete('acme', 'consumerKey');
    const config = await resolveConfig({ ...stores, flags: { profile: 'acme' }, ovhConf });
    expect(config.consumerKey).toBe('CK-conf-ca-secret');
    expect(config.sourceOf('consumerKey')).toEqual({
      kind: 'ovh.conf',
      path: '/home/u/.ovh.conf',
      section: 'ovh-ca',
    });
  });

  it('treats empty values as unset', async () => {
    const config = await resolveConfig({
      profileStore: new InMemoryProfileStore(),
      secretStore: new InMemorySecretStore(),
      flags: { endpoint: '' },
      env: { endpoint: 'ovh-eu', applicationKey: '' },
    });
    expect(config.sourceOf('endpoint')).toEqual({ kind: 'env', variable: 'OVH_ENDPOINT' });
    expect(config.applicationKey).toBeUndefined();
  });
});
