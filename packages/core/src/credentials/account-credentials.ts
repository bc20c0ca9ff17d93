import { path } from '../client/url-builder.js';
import type { ApiApplication, ApiCredential } from './credential-types.js';
import type { CredentialsApiClient } from './credentials-api-client.js';

/** A consumer key of the account, with the application it was given to when that could be read. */
export interface AccountCredential extends ApiCredential {
  application?: ApiApplication;
}

export interface AccountCredentialList {
  /** Sorted by credentialId. */
  credentials: AccountCredential[];
  /** Keys listed by OVH whose details could not be read (e.g. revoked meanwhile). */
  failed: Array<{ credentialId: number; error: Error }>;
}

/**
 * The account's consumer keys (`GET /me/api/credential`), details read in batches through
 * `getMany`, each joined with its application unless `includeApplications` is false.
 */
export async function listCredentials(
  client: CredentialsApiClient,
  options: { signal?: AbortSignal; includeApplications?: boolean } = {},
): Promise<AccountCredentialList> {
  const ids = await client.request<number[]>('GET', '/me/api/credential', { signal: options.signal });
  const items = await client.getMany<ApiCredential>('/me/api/credential', ids, { signal: options.signal });
  const credentials: AccountCredential[] = [];
  const failed: AccountCredentialList['failed'] = [];
  for (const item of items) {
    if (item.value) credentials.push(item.value);
    else
      failed.push({ credentialId: Number(item.id), error: item.error ?? new Error('No details returned') });
  }
  credentials.sort((a, b) => a.credentialId - b.credentialId);

  if (options.includeApplications !== false && credentials.length > 0) {
    const applicationIds = [...new Set(credentials.map((credential) => credential.applicationId))];
    const applications = await client.getMany<ApiApplication>('/me/api/application', applicationIds, {
      signal: options.signal,
    });
    const byId = new Map(
      applications.flatMap((item) => (item.value ? [[item.value.applicationId, item.value]] : [])),
    );
    for (const credential of credentials) {
      const application = byId.get(credential.applicationId);
      if (application) credential.application = application;
    }
  }
  return { credentials, failed };
}

/** One consumer key of the account. */
export function getCredential(
  client: CredentialsApiClient,
  credentialId: number,
  options: { signal?: AbortSignal } = {},
): Promise<ApiCredential> {
  return client.request<ApiCredential>('GET', path`/me/api/credential/${credentialIdOf(credentialId)}`, {
    signal: options.signal,
  });
}

/** Revokes one consumer key of the account (`DELETE /me/api/credential/{id}`). */
export async function revokeCredential(
  client: CredentialsApiClient,
  credentialId: number,
  options: { signal?: AbortSignal } = {},
): Promise<void> {
  await client.request<null>('DELETE', path`/me/api/credential/${credentialIdOf(credentialId)}`, {
    signal: options.signal,
  });
}

function credentialIdOf(credentialId: number): number {
  if (!Number.isSafeInteger(credentialId) || credentialId <= 0) {
    throw new RangeError(`Invalid credential ID ${credentialId}: expected a positive integer.`);
  }
  return credentialId;
}
