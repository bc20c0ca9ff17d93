/** The two secrets a profile keeps in the OS keychain. The application key is not secret. */
export type SecretName = 'applicationSecret' | 'consumerKey';

export const SECRET_NAMES: readonly SecretName[] = ['applicationSecret', 'consumerKey'];

/**
 * Where secrets live: the OS keychain in the real adapters. Implementations never fall back to a
 * plaintext file; when the keychain cannot be used they throw `KeychainUnavailableError`.
 */
export interface SecretStore {
  get(profile: string, name: SecretName): Promise<string | undefined>;
  set(profile: string, name: SecretName, value: string): Promise<void>;
  /** Resolves `true` when an entry was removed, `false` when there was none. */
  delete(profile: string, name: SecretName): Promise<boolean>;
  /** Removes every secret of a profile; optional because `delete` per name does the same. */
  deleteProfile?(profile: string): Promise<void>;
}
