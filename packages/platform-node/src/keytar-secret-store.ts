import { SECRET_NAMES, type SecretName, type SecretStore } from '@ovh-pca/core';
import { KeytarAccounts, type KeytarAccountsOptions } from './keytar-accounts.js';

export { KEYCHAIN_SERVICE } from './keytar-accounts.js';
export type KeytarSecretStoreOptions = KeytarAccountsOptions;

/**
 * Secrets in the OS keychain through keytar: service `ovh-pca`, account `PROFILE:NAME`
 * (`acme:consumerKey`). keytar is a native module, loaded on first use only, so commands that
 * need no secret never load it. Every failure becomes `KeychainUnavailableError`; never a file.
 */
export class KeytarSecretStore implements SecretStore {
  readonly #accounts: KeytarAccounts;

  constructor(options: KeytarSecretStoreOptions = {}) {
    this.#accounts = new KeytarAccounts(options);
  }

  get(profile: string, name: SecretName): Promise<string | undefined> {
    return this.#accounts.get(accountName(profile, name));
  }

  async set(profile: string, name: SecretName, value: string): Promise<void> {
    if (value === '') throw new RangeError(`Refusing to store an empty ${name}.`);
    await this.#accounts.set(accountName(profile, name), value);
  }

  delete(profile: string, name: SecretName): Promise<boolean> {
    return this.#accounts.delete(accountName(profile, name));
  }

  async deleteProfile(profile: string): Promise<void> {
    for (const name of SECRET_NAMES) await this.delete(profile, name);
  }
}

function accountName(profile: string, name: SecretName): string {
  return `${profile}:${name}`;
}
