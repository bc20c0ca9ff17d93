import { type KeychainFailureCause, KeychainUnavailableError } from '@ovh-pca/core';
import { keychainHint } from './keychain-hints.js';

// Native messages of libsecret/GLib (Linux), Security.framework (macOS) and the Credential Manager.
const CAUSE_PATTERNS: ReadonlyArray<[KeychainFailureCause, RegExp]> = [
  [
    'no-secret-service',
    /autolaunch D-Bus|Could not connect|DBUS_SESSION_BUS_ADDRESS|org\.freedesktop\.secrets|ServiceUnknown|not provided by any \.service files|Failed to connect to socket|Connection refused/i,
  ],
  ['locked', /locked|unlock|interaction is not allowed/i],
  ['access-denied', /denied|canceled|cancelled|not permitted|passphrase .* not correct|errSecAuthFailed/i],
];

const CAUSE_SUMMARIES: Record<KeychainFailureCause, string> = {
  'no-secret-service': 'no keychain service is reachable',
  locked: 'the keychain is locked',
  'access-denied': 'access to the keychain was denied',
  timeout: 'the keychain did not answer',
  'module-unavailable': 'the native keychain module could not be loaded',
  unknown: 'the keychain reported an error',
};

export function keychainError(
  cause: KeychainFailureCause,
  detail: string,
  platform: NodeJS.Platform,
  original?: unknown,
): KeychainUnavailableError {
  return new KeychainUnavailableError(
    cause,
    `The OS keychain is unavailable: ${CAUSE_SUMMARIES[cause]} (${detail}).`,
    keychainHint(cause, platform),
    original === undefined ? undefined : { cause: original },
  );
}

/** Turns whatever keytar threw into a `KeychainUnavailableError` with a cause code and an OS hint. */
export function fromKeytarError(error: unknown, platform: NodeJS.Platform): KeychainUnavailableError {
  if (error instanceof KeychainUnavailableError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  const cause = CAUSE_PATTERNS.find(([, pattern]) => pattern.test(detail))?.[0] ?? 'unknown';
  return keychainError(cause, detail, platform, error);
}
