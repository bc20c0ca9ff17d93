/** The whole seeded state: each domain seeds its own slice from the same options. */
import { seedAuthState } from '../domain/auth/seed-auth-state.js';
import { seedCloudState } from '../domain/cloud/index.js';
import { seedDedicatedCloudState } from '../domain/dedicated-cloud/index.js';
import { seedPublicCloudState } from '../domain/public-cloud/seed-public-cloud-state.js';
import type { SandboxState, SeedOptions } from './sandbox-state.js';

export const STATE_VERSION = 3;

export function createInitialState(options: SeedOptions): SandboxState {
  const auth = seedAuthState(options);
  return {
    version: STATE_VERSION,
    auth,
    cloud: seedCloudState(options),
    dedicatedCloud: seedDedicatedCloudState(options),
    publicCloud: seedPublicCloudState(options, auth.accounts[0]!.nichandle),
  };
}
