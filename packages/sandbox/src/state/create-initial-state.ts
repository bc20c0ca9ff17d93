/** The whole seeded state: each domain seeds its own slice from the same options. */
import { seedAuthState } from '../domain/auth/seed-auth-state.js';
import { seedCloudState } from '../domain/cloud/index.js';
import { seedDedicatedCloudState } from '../domain/dedicated-cloud/index.js';
import type { SandboxState, SeedOptions } from './sandbox-state.js';

export const STATE_VERSION = 1;

export function createInitialState(options: SeedOptions): SandboxState {
  return {
    version: STATE_VERSION,
    auth: seedAuthState(options),
    cloud: seedCloudState(options),
    dedicatedCloud: seedDedicatedCloudState(options),
  };
}
