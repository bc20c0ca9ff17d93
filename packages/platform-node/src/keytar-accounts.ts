import { fromKeytarError, keychainError } from './keytar-errors.js';

/** The calls ovh-pca makes to keytar. */
interface KeytarModule {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface KeytarAccountsOptions {
  /** Keychain service name; default `ovh-pca`, shared by the CLI and the desktop app. */
  service?: string;
  /** A locked keychain can hang waiting for a prompt; default 10 000 ms. */
  timeoutMs?: number;
  platform?: NodeJS.Platform;
}

export const KEYCHAIN_SERVICE = 'ovh-pca';

/**
 * Entries of one keychain service by account name, through keytar: loaded on first use only (a
 * native module: commands that need no secret never load it), each call under a timeout, every
 * failure a `KeychainUnavailableError`. The stores of profile secrets and of S3 credentials share it.
 */
export class KeytarAccounts {
  private readonly service: string;
  private readonly timeoutMs: number;
  private readonly platform: NodeJS.Platform;
  private keytar: Promise<KeytarModule> | undefined;

  constructor(options: KeytarAccountsOptions = {}) {
    this.service = options.service ?? KEYCHAIN_SERVICE;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.platform = options.platform ?? process.platform;
  }

  async get(account: string): Promise<string | undefined> {
    const value = await this.call('read', (keytar) => keytar.getPassword(this.service, account));
    return value ?? undefined;
  }

  set(account: string, value: string): Promise<void> {
    return this.call('write', (keytar) => keytar.setPassword(this.service, account, value));
  }

  delete(account: string): Promise<boolean> {
    return this.call('delete', (keytar) => keytar.deletePassword(this.service, account));
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
