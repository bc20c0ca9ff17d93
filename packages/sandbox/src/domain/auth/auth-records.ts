/**
 * Creating accounts, applications and consumer keys: used by the seed, by POST /auth/credential and
 * by the test helpers of the sandbox handle.
 */
import { formatOvhDate } from '../../state/ovh-date.js';
import { type RandomSource, randomAlphanumeric, randomInt } from '../../state/seeded-random.js';
import type {
  AccessRule,
  AuthState,
  CredentialStatus,
  SandboxAccount,
  SandboxApplication,
  SandboxCredential,
} from './auth-state.js';

/** Full rights, as the demo consumer key gets. */
export const FULL_ACCESS_RULES: AccessRule[] = (['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const).map(
  (method) => ({ method, path: '/*' }),
);

const FIRST_NAMES = ['Camille', 'Jean', 'Léa', 'Hugo', 'Chloé', 'Louis', 'Manon', 'Nicolas'];
const LAST_NAMES = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand'];

export interface NewAccount {
  nichandle?: string;
  password?: string;
  email?: string;
}

export function createAccount(auth: AuthState, random: RandomSource, input: NewAccount = {}): SandboxAccount {
  let nichandle = input.nichandle;
  while (!nichandle || auth.accounts.some((account) => account.nichandle === nichandle)) {
    const letters = randomAlphanumeric(random, 2).toLowerCase().replace(/[0-9]/g, 'x');
    nichandle = `${letters}${randomInt(random, 1000, 99999)}-ovh`;
  }
  const firstname = FIRST_NAMES[randomInt(random, 0, FIRST_NAMES.length - 1)]!;
  const name = LAST_NAMES[randomInt(random, 0, LAST_NAMES.length - 1)]!;
  const account: SandboxAccount = {
    nichandle,
    password: input.password ?? randomAlphanumeric(random, 16),
    email: input.email ?? `${nichandle.replace(/-ovh$/, '')}@example.com`,
    firstname,
    name,
    country: 'FR',
    currency: { code: 'EUR', symbol: 'EURO' },
  };
  auth.accounts.push(account);
  return account;
}

export interface NewApplication {
  ownerNichandle: string;
  name?: string;
  description?: string;
}

export function createApplication(
  auth: AuthState,
  random: RandomSource,
  input: NewApplication,
): SandboxApplication {
  const applicationId = auth.nextApplicationId++;
  const application: SandboxApplication = {
    applicationId,
    applicationKey: randomAlphanumeric(random, 16),
    applicationSecret: randomAlphanumeric(random, 32),
    name: input.name ?? `application-${applicationId}`,
    description: input.description ?? 'Registered in the sandbox',
    status: 'active',
    ownerNichandle: input.ownerNichandle,
  };
  auth.applications.push(application);
  return application;
}

export interface NewCredential {
  applicationId: number;
  rules: AccessRule[];
  nowMs: number;
  allowedIPs?: string[] | null;
  redirection?: string | null;
  status?: CredentialStatus;
  /** Validating account; required unless the key stays pending. */
  nichandle?: string | null;
  /** Expiry in ms since the epoch; null = unlimited. */
  expirationMs?: number | null;
}

export function createCredential(
  auth: AuthState,
  random: RandomSource,
  input: NewCredential,
): SandboxCredential {
  const credential: SandboxCredential = {
    credentialId: auth.nextCredentialId++,
    consumerKey: randomAlphanumeric(random, 32),
    credentialToken: randomAlphanumeric(random, 64),
    applicationId: input.applicationId,
    status: input.status ?? 'pendingValidation',
    rules: input.rules.map((rule) => ({ ...rule })),
    allowedIPs: input.allowedIPs ?? null,
    redirection: input.redirection ?? null,
    creation: formatOvhDate(input.nowMs),
    expiration: input.expirationMs == null ? null : formatOvhDate(input.expirationMs),
    lastUse: null,
    nichandle: input.nichandle ?? null,
  };
  auth.credentials.push(credential);
  return credential;
}

export function emptyAuthState(): AuthState {
  return {
    accounts: [],
    applications: [],
    credentials: [],
    nextApplicationId: 1001,
    nextCredentialId: 50001,
  };
}
