/** The demo seed: one account, one application and one consumer key validated with full rights. */
import type { SeedOptions } from '../../state/sandbox-state.js';
import { createSeededRandom, deriveSeed } from '../../state/seeded-random.js';
import {
  createAccount,
  createApplication,
  createCredential,
  emptyAuthState,
  FULL_ACCESS_RULES,
} from './auth-records.js';
import type { AuthState } from './auth-state.js';

export function seedAuthState(options: SeedOptions): AuthState {
  const random = createSeededRandom(deriveSeed(options.seed, 'auth'));
  const auth = emptyAuthState();
  const account = createAccount(auth, random);
  const application = createApplication(auth, random, {
    ownerNichandle: account.nichandle,
    name: 'ovh-pca-demo',
    description: 'Demo application of the ovh-pca sandbox',
  });
  createCredential(auth, random, {
    applicationId: application.applicationId,
    rules: FULL_ACCESS_RULES,
    nowMs: options.nowMs,
    status: 'validated',
    nichandle: account.nichandle,
    expirationMs: null,
  });
  return auth;
}
