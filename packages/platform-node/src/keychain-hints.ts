import type { KeychainFailureCause } from '@ovh-pca/core';

/** Works on every OS and needs no keychain; ovh-pca itself never writes secrets in plain text. */
const ALTERNATIVES =
  'Without a keychain, set OVH_ENDPOINT, OVH_APPLICATION_KEY, OVH_APPLICATION_SECRET and OVH_CONSUMER_KEY ' +
  'in the environment, or use an ovh.conf file (read-only); ovh-pca never falls back to storing secrets in a file.';

const LINUX: Record<KeychainFailureCause, string> = {
  'no-secret-service':
    'No Secret Service answered on D-Bus. In a desktop session, start gnome-keyring or KeePassXC with its ' +
    'Secret Service integration; on a server, run inside `dbus-run-session` with an unlocked gnome-keyring.',
  locked:
    'The keyring is locked. Unlock it (log in to the desktop session, or `gnome-keyring-daemon --unlock`).',
  'access-denied': 'The keyring refused access. Check the prompt of your keyring manager.',
  timeout:
    'The keyring did not answer in time; it may be locked and waiting for a password prompt. Unlock it and retry.',
  'module-unavailable':
    'The native keychain module could not be loaded. Install libsecret (Debian/Ubuntu: `apt install libsecret-1-0`).',
  unknown: 'The Secret Service reported an error.',
};

const MACOS: Record<KeychainFailureCause, string> = {
  'no-secret-service': 'The macOS Keychain could not be reached.',
  locked:
    'The login keychain is locked. Unlock it (Keychain Access, or `security unlock-keychain` over SSH).',
  'access-denied': 'Access to the keychain item was denied. Allow ovh-pca in the Keychain prompt.',
  timeout: 'The Keychain did not answer in time; it may be waiting for a prompt. Unlock it and retry.',
  'module-unavailable': 'The native keychain module could not be loaded. Reinstall ovh-pca.',
  unknown: 'The macOS Keychain reported an error.',
};

const WINDOWS: Record<KeychainFailureCause, string> = {
  'no-secret-service':
    'The Windows Credential Manager could not be reached; run ovh-pca in an interactive session.',
  locked:
    'The Windows Credential Manager is unavailable in this session; run ovh-pca in an interactive session.',
  'access-denied': 'The Windows Credential Manager refused access.',
  timeout: 'The Windows Credential Manager did not answer in time.',
  'module-unavailable': 'The native keychain module could not be loaded. Reinstall ovh-pca.',
  unknown: 'The Windows Credential Manager reported an error.',
};

/** What to do about a keychain failure on this OS, then the alternatives that need no keychain. */
export function keychainHint(cause: KeychainFailureCause, platform: NodeJS.Platform): string {
  const table = platform === 'darwin' ? MACOS : platform === 'win32' ? WINDOWS : LINUX;
  return `${table[cause]} ${ALTERNATIVES}`;
}
