import {
  InvalidProfileNameError,
  isValidProfileName,
  type Profile,
  type ProfileStore,
  type SecretStore,
} from '../ports/index.js';
import type { ApiCredential } from './credential-types.js';

export interface ProfileStores {
  profileStore: ProfileStore;
  secretStore: SecretStore;
}

export interface SaveLoginInput extends ProfileStores {
  name: string;
  endpoint: string;
  applicationKey: string;
  applicationSecret: string;
  consumerKey: string;
  /** The validated key, from `waitForValidation`: gives the rules, expiry and ID kept in the profile. */
  credential: ApiCredential;
  /** Nichandle of the account that validated the key (`GET /me`). */
  account?: string;
  archiveService?: string;
  /** `true`: make it the default profile; default: only when there is no default yet. */
  makeDefault?: boolean;
}

/**
 * Records a successful login: secrets to the keychain first, so a keychain failure leaves no
 * half-written profile, then the non-secret profile, then the default profile.
 */
export async function saveLogin(input: SaveLoginInput): Promise<Profile> {
  if (!isValidProfileName(input.name)) throw new InvalidProfileNameError(input.name);
  const previous = await input.profileStore.get(input.name);
  await input.secretStore.set(input.name, 'applicationSecret', input.applicationSecret);
  await input.secretStore.set(input.name, 'consumerKey', input.consumerKey);
  const archiveService = input.archiveService ?? previous?.archiveService;
  const profile = await input.profileStore.upsert({
    name: input.name,
    endpoint: input.endpoint,
    applicationKey: input.applicationKey,
    rules: input.credential.rules.map((rule) => ({ method: rule.method, path: rule.path })),
    credentialId: input.credential.credentialId,
    ...(input.credential.expiration ? { expiresAt: input.credential.expiration } : {}),
    ...(input.account ? { account: input.account } : {}),
    ...(archiveService ? { archiveService } : {}),
  });
  if (
    input.makeDefault === true ||
    (input.makeDefault === undefined && !(await input.profileStore.getDefault()))
  ) {
    await input.profileStore.setDefault(profile.name);
  }
  return profile;
}

/**
 * After a logout: drops the consumer key from the keychain and the key's details from the profile.
 * The profile, its application key and secret stay, so logging in again asks for nothing else.
 */
export async function forgetConsumerKey(stores: ProfileStores, name: string): Promise<Profile | undefined> {
  await stores.secretStore.delete(name, 'consumerKey');
  const profile = await stores.profileStore.get(name);
  if (!profile) return undefined;
  const {
    credentialId: _id,
    expiresAt: _expiry,
    createdAt: _created,
    updatedAt: _updated,
    ...rest
  } = profile;
  return stores.profileStore.upsert(rest);
}

/** Removes a profile and both of its secrets. Resolves `false` when there was no such profile. */
export async function removeProfileAndSecrets(stores: ProfileStores, name: string): Promise<boolean> {
  if (stores.secretStore.deleteProfile) {
    await stores.secretStore.deleteProfile(name);
  } else {
    await stores.secretStore.delete(name, 'applicationSecret');
    await stores.secretStore.delete(name, 'consumerKey');
  }
  return stores.profileStore.remove(name);
}
