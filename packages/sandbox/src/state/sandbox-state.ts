/**
 * Everything the sandbox remembers, as plain JSON so `--data FILE` can persist it whole.
 * Each domain module owns its slice and its seeding.
 */
import type { AuthState } from '../domain/auth/auth-state.js';
import type { CloudState } from '../domain/cloud/cloud-state.js';
import type { DedicatedCloudState } from '../domain/dedicated-cloud/dedicated-cloud-state.js';
import type { PublicCloudState } from '../domain/public-cloud/public-cloud-state.js';

export interface SandboxState {
  /** Bumped when the shape changes; a data file of another version is refused, not misread. */
  version: 3;
  auth: AuthState;
  cloud: CloudState;
  dedicatedCloud: DedicatedCloudState;
  /** Since version 2: `/cloud/project`, Keystone and Swift; since 3, Cold Archive v1 buckets seeded. */
  publicCloud: PublicCloudState;
}

/** Options that shape the seeded data (flags `--seed`, `--sessions`, `--files`). */
export interface SeedOptions {
  seed: number;
  /** Sessions per PCA service. */
  sessions: number;
  /** Files per session. */
  files: number;
  /** Objects per seeded Swift container (default 12). */
  objects?: number;
  /** PCA retrieval delay and unsealed window for the seeded unsealing and unsealed objects (600, 86400). */
  retrievalDelaySeconds?: number;
  unsealedForSeconds?: number;
  /** S3 DEEP_ARCHIVE restore delay, for the seeded restoring object (600). */
  restoreDelaySeconds?: number;
  /** Server time at seeding, ms. */
  nowMs: number;
}
