import type { S3Credential, S3CredentialStore } from './s3-ports.js';

/** S3 credentials kept in memory only (tests; a process that must not touch the keychain). */
export class InMemoryS3CredentialStore implements S3CredentialStore {
  readonly entries = new Map<string, S3Credential>();

  async get(scope: string): Promise<S3Credential | undefined> {
    return this.entries.get(scope);
  }

  async set(scope: string, credential: S3Credential): Promise<void> {
    this.entries.set(scope, { ...credential });
  }

  async delete(scope: string): Promise<boolean> {
    return this.entries.delete(scope);
  }
}
