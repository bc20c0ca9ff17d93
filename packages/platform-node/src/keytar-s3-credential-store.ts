import type { S3Credential, S3CredentialStore } from '@ovh-pca/core';
import { KeytarAccounts, type KeytarAccountsOptions } from './keytar-accounts.js';

/**
 * S3 credentials in the OS keychain (service `ovh-pca`, account = the scope, e.g.
 * `s3:https://eu.api.ovh.com/1.0:PROJECT`), the value a small JSON document. Never a file: when
 * the keychain cannot be used this throws KeychainUnavailableError like the profile secrets. An
 * entry that does not read back as a credential is treated as absent (and replaced on next set).
 */
export class KeytarS3CredentialStore implements S3CredentialStore {
  readonly #accounts: KeytarAccounts;

  constructor(options: KeytarAccountsOptions = {}) {
    this.#accounts = new KeytarAccounts(options);
  }

  async get(scope: string): Promise<S3Credential | undefined> {
    const text = await this.#accounts.get(scope);
    if (text === undefined) return undefined;
    try {
      const value = JSON.parse(text) as Partial<S3Credential>;
      if (
        typeof value.accessKeyId === 'string' &&
        typeof value.secretAccessKey === 'string' &&
        typeof value.userId === 'number'
      ) {
        return {
          accessKeyId: value.accessKeyId,
          secretAccessKey: value.secretAccessKey,
          userId: value.userId,
        };
      }
    } catch {
      // Not ours: read as absent.
    }
    return undefined;
  }

  set(scope: string, credential: S3Credential): Promise<void> {
    return this.#accounts.set(
      scope,
      JSON.stringify({
        accessKeyId: credential.accessKeyId,
        secretAccessKey: credential.secretAccessKey,
        userId: credential.userId,
      }),
    );
  }

  delete(scope: string): Promise<boolean> {
    return this.#accounts.delete(scope);
  }
}
