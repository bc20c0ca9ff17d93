import { describe, expect, it } from 'vitest';
import { KeychainUnavailableError, ProfileNotFoundError } from '../ports/index.js';
import type { ApiCredential } from './credential-types.js';
import { InMemoryProfileStore } from './in-memory-profile-store.js';
import { InMemorySecretStore } from './in-memory-secret-store.js';
import { forgetConsumerKey, removeProfileAndSecrets, saveLogin } from './profile-credentials.js';

const credential: ApiCredential = {
  credentialId: 50010,
  applicationId: 1001,
  creation: '2026-01-01T10:00:00+01:00',
  expiration: '2026-01-31T10:00:00+01:00',
  lastUse: null,
  status: 'validated',
  rules: [{ method: 'GET', path: '/cloud' }],
  allowedIPs: null,
  ovhSupport: false,
};

function stores(now = { ms: Date.parse('2026-01-01T09:00:00Z') }) {
  return {
    now,
    profileStore: new InMemoryProfileStore({ now: () => now.ms }),
    secretStore: new InMemorySecretStore(),
  };
}

const login = (name: string) => ({
  name,
  endpoint: 'ovh-eu',
  applicationKey: 'AK',
  applicationSecret: `AS-${name}`,
  consumerKey: `CK-${name}`,
  credential,
  account: 'xx12345-ovh',
});

describe('saveLogin', () => {
  it('keeps secrets in the secret store and the rest in the profile; the first becomes the default', async () => {
    const s = stores();
    const profile = await saveLogin({ ...s, ...login('acme') });
    expect(profile).toEqual({
      name: 'acme',
      endpoint: 'ovh-eu',
      applicationKey: 'AK',
      rules: [{ method: 'GET', path: '/cloud' }],
      credentialId: 50010,
      expiresAt: '2026-01-31T10:00:00+01:00',
      account: 'xx12345-ovh',
      createdAt: '2026-01-01T09:00:00.000Z',
      updatedAt: '2026-01-01T09:00:00.000Z',
    });
    expect(JSON.stringify(await s.profileStore.list())).not.toContain('CK-acme');
    expect(await s.secretStore.get('acme', 'consumerKey')).toBe('CK-acme');
    expect(await s.profileStore.getDefault()).toBe('acme');

    await saveLogin({ ...s, ...login('client-two') });
    expect(await s.profileStore.getDefault()).toBe('acme');
    await saveLogin({ ...s, ...login('client-two'), makeDefault: true });
    expect(await s.profileStore.getDefault()).toBe('client-two');
  });

  it('keeps the creation date and chosen archive service when logging in again', async () => {
    const s = stores();
    await saveLogin({ ...s, ...login('acme'), archiveService: 'pp-1/pca-1' });
    s.now.ms += 60_000;
    const again = await saveLogin({
      ...s,
      ...login('acme'),
      credential: { ...credential, expiration: null },
    });
    expect(again.archiveService).toBe('pp-1/pca-1');
    expect(again.createdAt).toBe('2026-01-01T09:00:00.000Z');
    expect(again.updatedAt).toBe('2026-01-01T09:01:00.000Z');
    expect(again).not.toHaveProperty('expiresAt');
  });

  it('writes no profile when the keychain refuses the secrets', async () => {
    const s = stores();
    const secretStore = new (class extends InMemorySecretStore {
      override async set(): Promise<void> {
        throw new KeychainUnavailableError('locked', 'The OS keychain is unavailable: locked.', 'Unlock it.');
      }
    })();
    await expect(saveLogin({ ...s, secretStore, ...login('acme') })).rejects.toBeInstanceOf(
      KeychainUnavailableError,
    );
    expect(await s.profileStore.list()).toEqual([]);
  });

  it('refuses a profile name unfit for a keychain entry', async () => {
    await expect(saveLogin({ ...stores(), ...login('a:b') })).rejects.toThrow(/Invalid profile name "a:b"/);
  });
});

describe('forgetConsumerKey and removeProfileAndSecrets', () => {
  it('logout keeps the profile and its application secret, drops the key and its details', async () => {
    const s = stores();
    await saveLogin({ ...s, ...login('acme') });
    const profile = await forgetConsumerKey(s, 'acme');
    expect(profile).not.toHaveProperty('credentialId');
    expect(profile).not.toHaveProperty('expiresAt');
    expect(profile?.account).toBe('xx12345-ovh');
    expect(await s.secretStore.get('acme', 'consumerKey')).toBeUndefined();
    expect(await s.secretStore.get('acme', 'applicationSecret')).toBe('AS-acme');
    expect(await forgetConsumerKey(s, 'nobody')).toBeUndefined();
  });

  it('remove drops the profile, both secrets and the default pointing at it', async () => {
    const s = stores();
    await saveLogin({ ...s, ...login('acme') });
    expect(await removeProfileAndSecrets(s, 'acme')).toBe(true);
    expect(await s.profileStore.list()).toEqual([]);
    expect(await s.profileStore.getDefault()).toBeUndefined();
    expect(await s.secretStore.get('acme', 'applicationSecret')).toBeUndefined();
    expect(await removeProfileAndSecrets(s, 'acme')).toBe(false);
    await expect(s.profileStore.setDefault('acme')).rejects.toBeInstanceOf(ProfileNotFoundError);
  });
});
