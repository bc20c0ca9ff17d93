import type { AccessRule } from './access-rule.js';

/**
 * What ovh-pca remembers about one OVH account access, shared by the CLI and the desktop app.
 * Non-secret only: the application secret and the consumer key live in the `SecretStore`.
 */
export interface Profile {
  name: string;
  /** Endpoint name (`ovh-eu`) or URL, as the user gave it. */
  endpoint: string;
  applicationKey: string;
  /** The archive service the user chose, e.g. `passport-1/pca-1` (passport/PCA service). */
  archiveService?: string;
  /** Rules granted to the consumer key. */
  rules: AccessRule[];
  /** ISO 8601 expiry of the consumer key; absent when unlimited or unknown. */
  expiresAt?: string;
  /** Account (nichandle) that validated the consumer key. */
  account?: string;
  /** OVH's numeric ID of the consumer key, to recognise it in `/me/api/credential`. */
  credentialId?: number;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601. */
  updatedAt: string;
}

/** What callers give to `ProfileStore.upsert`; the store stamps the dates. */
export type ProfileInput = Omit<Profile, 'createdAt' | 'updatedAt'>;

/** Profile names end up in keychain entry names and a JSON file: plain characters only. */
export const PROFILE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function isValidProfileName(name: string): boolean {
  return PROFILE_NAME_PATTERN.test(name);
}
