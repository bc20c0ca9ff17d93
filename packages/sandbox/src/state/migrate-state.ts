/**
 * Brings a `--data` file of an older version up to date, step by step, so a sandbox keeps its keys
 * and archives across upgrades. Version 1 (before Public Cloud projects) gains a seeded
 * `publicCloud` slice owned by its first account; version 2 (before Cold Archive v1) gains the
 * seeded RBX-ARCHIVE buckets in its first project, unless a bucket there already has their names.
 */
import { bucketNameTaken } from '../domain/public-cloud/s3-buckets-state.js';
import {
  SEEDED_COLD_ARCHIVES,
  seedColdArchiveBuckets,
  seedPublicCloudState,
} from '../domain/public-cloud/seed-public-cloud-state.js';
import { STATE_VERSION } from './create-initial-state.js';
import type { SandboxState, SeedOptions } from './sandbox-state.js';

type Migration = (state: Record<string, unknown>, options: SeedOptions) => void;

const MIGRATIONS: Record<number, Migration> = {
  1: (state, options) => {
    const auth = state.auth as SandboxState['auth'] | undefined;
    const owner = auth?.accounts?.[0]?.nichandle;
    if (!owner) throw new Error('it has no account');
    state.publicCloud = seedPublicCloudState(options, owner);
    state.version = 2;
  },
  2: (state, options) => {
    const cloud = state.publicCloud as SandboxState['publicCloud'];
    const project = Object.values(cloud.projects)[0];
    const region = SEEDED_COLD_ARCHIVES.region;
    const taken = Object.values(SEEDED_COLD_ARCHIVES).some(
      (name) => name !== region && bucketNameTaken(cloud, region, name),
    );
    if (project && !taken) {
      const existing = project.s3?.[region]?.containers ?? {};
      seedColdArchiveBuckets(project, options);
      Object.assign(project.s3![region]!.containers, existing);
    }
    state.version = 3;
  },
};

/** Returns the state at STATE_VERSION; throws a readable reason when it cannot. */
export function migrateState(parsed: Record<string, unknown>, options: SeedOptions): SandboxState {
  let version = parsed.version;
  while (version !== STATE_VERSION) {
    const step = typeof version === 'number' ? MIGRATIONS[version] : undefined;
    if (!step) throw new Error(`this sandbox reads version ${STATE_VERSION} and migrates from version 1 up`);
    step(parsed, options);
    version = parsed.version;
  }
  return parsed as unknown as SandboxState;
}
