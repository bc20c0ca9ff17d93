/**
 * Everything the sandbox remembers, as plain JSON so `--data FILE` can persist it whole.
 * Each domain module owns its slice and its seeding.
 */
import type { AuthState } from '../domain/auth/auth-state.js';
import type { CloudState } from '../domain/cloud/cloud-state.js';
import type { DedicatedCloudState } from '../domain/dedicated-cloud/dedicated-cloud-state.js';

export interface SandboxState {
  /** Bumped when the shape changes; a data file of another version is refused, not misread. */
  version: 1;
  auth: AuthState;
  cloud: CloudState;
  dedicatedCloud: DedicatedCloudState;
}

/** Options that shape the seeded data (flags `--seed`, `--sessions`, `--files`). */
export interface SeedOptions {
  seed: number;
  /** Sessions per PCA service. */
  sessions: number;
  /** Files per session. */
  files: number;
  /** Server time at seeding, ms. */
  nowMs: number;
}
