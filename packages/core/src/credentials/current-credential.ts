import { InvalidCredentialError, UnknownCredentialError } from '../client/index.js';
import type { ApiCredential } from './credential-types.js';
import type { CredentialsApiClient } from './credentials-api-client.js';

/**
 * The details of the client's own consumer key (status, rules, expiry). OVH answers it to any
 * valid key whatever its rules; a pending, refused or expired key gets `InvalidCredentialError`.
 */
export function getCurrentCredential(
  client: CredentialsApiClient,
  options: { signal?: AbortSignal } = {},
): Promise<ApiCredential> {
  return client.request<ApiCredential>('GET', '/auth/currentCredential', { signal: options.signal });
}

/** `already-invalid`: OVH no longer accepted the key (revoked, expired or unknown), as good as revoked. */
export type LogoutOutcome = 'revoked' | 'already-invalid';

/** Revokes the client's own consumer key on the server (`POST /auth/logout`); it answers 403 afterwards. */
export async function logout(
  client: CredentialsApiClient,
  options: { signal?: AbortSignal } = {},
): Promise<LogoutOutcome> {
  try {
    await client.request<null>('POST', '/auth/logout', { signal: options.signal });
    return 'revoked';
  } catch (error) {
    if (error instanceof InvalidCredentialError || error instanceof UnknownCredentialError) {
      return 'already-invalid';
    }
    throw error;
  }
}

/** The nichandle of the account that validated the client's key, or undefined when `/me` can't say. */
export async function readAccountNichandle(
  client: CredentialsApiClient,
  options: { signal?: AbortSignal } = {},
): Promise<string | undefined> {
  try {
    const me = await client.request<{ nichandle?: string } | null>('GET', '/me', { signal: options.signal });
    return me?.nichandle;
  } catch {
    return undefined;
  }
}
