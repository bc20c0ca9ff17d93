/** Why the keychain could not be used; adapters map native errors onto these. */
export type KeychainFailureCause =
  /** No Secret Service / Keychain / Credential Manager reachable (headless server, no D-Bus). */
  | 'no-secret-service'
  /** The keyring exists but is locked and nobody unlocked it. */
  | 'locked'
  /** The user or the OS refused access to the entry. */
  | 'access-denied'
  /** The keychain did not answer in time (a locked keyring waiting for a prompt can hang). */
  | 'timeout'
  /** The native keychain module could not be loaded. */
  | 'module-unavailable'
  | 'unknown';

/**
 * The OS keychain cannot be used. Carries a cause code and a hint naming what to do on this OS,
 * including the alternatives that need no keychain (environment variables, ovh.conf). There is
 * deliberately no plaintext fallback.
 */
export class KeychainUnavailableError extends Error {
  readonly code: KeychainFailureCause;
  readonly hint: string;

  constructor(code: KeychainFailureCause, message: string, hint: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KeychainUnavailableError';
    this.code = code;
    this.hint = hint;
  }
}
