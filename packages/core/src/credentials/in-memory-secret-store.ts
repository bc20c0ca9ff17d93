import type { SecretName, SecretStore } from '../ports/index.js';

/** Secrets held in process memory only: for tests and sessions that must not touch the keychain. */
export class InMemorySecretStore implements SecretStore {
  private readonly entries = new Map<string, string>();

  async get(profile: string, name: SecretName): Promise<string | undefined> {
    return this.entries.get(entryKey(profile, name));
  }

  async set(profile: string, name: SecretName, value: string): Promise<void> {
    this.entries.set(entryKey(profile, name), value);
  }

  async delete(profile: string, name: SecretName): Promise<boolean> {
    return this.entries.delete(entryKey(profile, name));
  }

  async deleteProfile(profile: string): Promise<void> {
    this.entries.delete(entryKey(profile, 'applicationSecret'));
    this.entries.delete(entryKey(profile, 'consumerKey'));
  }
}

const entryKey = (profile: string, name: SecretName) => `${profile}:${name}`;
