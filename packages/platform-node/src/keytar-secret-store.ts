import { SECRET_NAMES, type SecretName, type SecretStore } from '@ovh-pca/core';
import { fromKeytarError, keychainError } from './keytar-errors.js';

/** The calls ovh-pca makes to keytar. */
interface KeytarModule {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface KeytarSecretStoreOptions {
  /** Keychain service name; default `ovh-pca`, shared by the CLI and the desktop app. */
  service?: string;
  /** A locked keychain can hang waiting for a prompt; default 10 000 ms. */
  timeoutMs?: number;
  platform?: NodeJS.Platform;
}

export const KEYCHAIN_SERVICE = 'ovh-pca';

/**
 * Secrets in the OS keychain through keytar: service `ovh-pca`, account `PROFILE:NAME`
 * (`acme:consumerKey`). keytar is a native module, loaded on first use only, so commands that
 * need no secret never load it. Every failure becomes `KeychainUnavailableError`; never a file.
 */
export class KeytarSecretStore implements SecretStore {
  private readonly service: string;
  private readonly timeoutMs: number;
  private readonly platform: NodeJS.Platform;
  private keytar: Promise<KeytarModule> | undefined;

  constructor(options: KeytarSecretStoreOptions = {}) {
    this.service = options.service ?? KEYCHAIN_SERVICE;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.platform = options.platform ?? process.platform;
  }

  async get(profile: string, name: SecretName): Promise<string | undefined> {
    const value = await this.call('read', (keytar) =>
      keytar.getPassword(this.service, accountName(profile, name)),
    );
    return value ?? undefined;
  }

  async set(profile: string, name: SecretName, value: string): Promise<void> {
    if (value === '') throw new RangeError(`Refusing to store an empty ${name}.`);
    await this.call('write', (keytar) => keytar.setPassword(this.service, accountName(profile, name), value));
  }

  delete(profile: string, name: SecretName): Promise<boolean> {
    return this.call('delete', (keytar) => keytar.deletePassword(this.service, accountName(profile, name)));
  }

  async deleteProfile(profile: string): Promise<void> {
    for (const name of SECRET_NAMES) await this.delete(profile, name);
  }

  private load(): Promise<KeytarModule> {
    this.keytar ??= import('keytar').then(
      (module) => ((module as { default?: KeytarModule }).default ?? module) as KeytarModule,
      (error: unknown) => {
        this.keytar = undefined;
        const detail = error instanceof Error ? error.message : String(error);
        throw keychainError('module-unavailable', detail, this.platform, error);
      },
    );
    return this.keytar;
  }

  /** Runs one keytar call under the timeout, mapping every failure. */
  private async call<T>(action: string, run: (keytar: KeytarModule) => Promise<T>): Promise<T> {
    const keytar = await this.load();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            keychainError('timeout', `no answer to a ${action} within ${this.timeoutMs} ms`, this.platform),
          ),
        this.timeoutMs,
      );
      // A hung keychain call must not keep the process alive once the caller gave up.
      timer.unref();
    });
    try {
      return await Promise.race([run(keytar), timeout]);
    } catch (error) {
      throw fromKeytarError(error, this.platform);
    } finally {
      clearTimeout(timer);
    }
  }
}

function accountName(profile: string, name: SecretName): string {
  return `${profile}:${name}`;
}
