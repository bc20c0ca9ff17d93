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

/** Revokes the client's own consumer key on the server (`POST /auth/logout`); it answers 403 afterwards. */
export async function logout(
  client: CredentialsApiClient,
  options: { signal?: AbortSignal } = {},
): Promise<void> {
  await client.request<null>('POST', '/auth/logout', { signal: options.signal });
}
