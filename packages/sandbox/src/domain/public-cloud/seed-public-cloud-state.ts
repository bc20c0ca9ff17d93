/**
 * The seeded `/cloud/project` slice: two projects of the demo account, each with an object-storage
 * user; Cloud Archive (PCA) containers in GRA and BHS beside a standard one; `options.objects` objects
 * per container from bytes to a gigabyte (generated from a seed, never stored), keys with `/` and
 * non-ASCII, most sealed, one unsealing and one unsealed per archive container; and in EU-WEST-PAR
 * an S3 bucket (Cold Archive v2) sized the same way, mixing STANDARD and DEEP_ARCHIVE objects: one
 * restoring, one restored, the other DEEP_ARCHIVE ones archived; and in RBX-ARCHIVE four Cold
 * Archive v1 buckets of the same size: one active (objects not yet archived), one archiving, one
 * archived and locked for years, one restored whose copies expire in two days.
 */
import { GENERATED_CHUNK } from '../../blobs/generated-bytes.js';
import type { SeedOptions } from '../../state/sandbox-state.js';
import { createSeededRandom, deriveSeed, type RandomSource } from '../../state/seeded-random.js';
import { logUniform, randomHex } from '../cloud/random-draws.js';
import { DEFAULT_TIERING_ID } from '../cold-archive/cold-archive-lifecycle.js';
import type { ColdArchiveRecord } from '../cold-archive/cold-archive-state.js';
import { newObject } from '../object-storage/new-object.js';
import { EMPTY_MD5 } from '../object-storage/object-etag.js';
import { putObject } from '../object-storage/object-listing.js';
import type {
  ContainerRecord,
  ObjectStorageAccount,
  StoragePolicy,
} from '../object-storage/object-storage-state.js';
import { createCloudUser } from './cloud-users.js';
import type { CloudProjectRecord, PublicCloudState } from './public-cloud-state.js';
import { S3_REGIONS, SWIFT_REGIONS } from './region-catalog.js';
import { newBucket } from './s3-buckets-state.js';

const DAY = 86_400_000;
/** The one large seeded object: 1 GiB, in the first project's GRA archive. */
export const SEEDED_LARGE_BYTES = 1024 * 1024 * 1024;

/** Keys of the first objects of every container; the rest are numbered. */
const NAMED_KEYS = [
  'README.txt',
  'photos/2026/été/plage-été.jpg',
  'backups/db/dump-2026-03-14.sql.gz',
  '写真/バックアップ/アルバム 01.tar',
  'docs/Übersicht & Pläne (v2).pdf',
  'logs/2026/03/14/app.log',
  'a%20b+c?d#e.bin',
  'dir/',
];

interface ContainerPlan {
  region: string;
  name: string;
  policy: StoragePolicy;
  large?: boolean;
}

const PROJECT_PLANS: ContainerPlan[][] = [
  [
    { region: 'GRA', name: 'archives-gra', policy: 'PCA', large: true },
    { region: 'BHS', name: 'archives-bhs', policy: 'PCA' },
    { region: 'GRA', name: 'standard-gra', policy: 'PCS' },
  ],
  [{ region: 'GRA', name: 'cold-backups', policy: 'PCA' }],
];

function emptyAccount(nowMs: number): ObjectStorageAccount {
  return { createdMs: nowMs, meta: {}, containers: {} };
}

function seedObjects(
  random: RandomSource,
  container: ContainerRecord,
  plan: ContainerPlan,
  options: SeedOptions,
) {
  const count = Math.max(0, Math.floor(options.objects ?? 12));
  const { nowMs } = options;
  const delayMs = (options.retrievalDelaySeconds ?? 600) * 1000;
  const windowMs = (options.unsealedForSeconds ?? 86_400) * 1000;
  for (let i = 0; i < count; i++) {
    const key = NAMED_KEYS[i] ?? `data/part-${String(i).padStart(6, '0')}.bin`;
    let bytes: number;
    if (i === 0) bytes = 12;
    else if (key.endsWith('/')) bytes = 0;
    else if (plan.large && i === 2) bytes = SEEDED_LARGE_BYTES;
    else bytes = Math.round(logUniform(random, 1, i < NAMED_KEYS.length ? 4 * GENERATED_CHUNK : 16 * 1024));
    const seed = Math.floor(random() * 0x7fff_ffff);
    const object = newObject({
      key,
      bytes,
      // Hashed when first listed or read (ensureEtag): seeding 100,000 objects stays quick.
      etag: bytes === 0 ? EMPTY_MD5 : null,
      blob: bytes === 0 ? { kind: 'empty' } : { kind: 'generated', seed },
      nowMs: nowMs - Math.floor(random() * 365 * DAY),
      contentType: key.endsWith('/') ? 'application/directory' : undefined,
    });
    if (plan.policy === 'PCA' && i === 1) {
      // One unsealing: asked a moment ago, ready after the retrieval delay.
      const readyMs = nowMs + delayMs;
      object.retrieval = { readyMs, unsealedUntilMs: readyMs + windowMs };
    } else if (plan.policy === 'PCA' && i === 3) {
      // One unsealed: ready a minute ago, retrievable for the rest of the window.
      const readyMs = nowMs - 60_000;
      object.retrieval = { readyMs, unsealedUntilMs: readyMs + windowMs };
    }
    putObject(container, object);
  }
}

/** The first project's v2 bucket: odd-numbered objects are DEEP_ARCHIVE. */
export const SEEDED_V2_BUCKET = { region: 'EU-WEST-PAR', name: 'deep-archive-par' } as const;

function seedV2Bucket(random: RandomSource, project: CloudProjectRecord, options: SeedOptions) {
  const bucket: ContainerRecord = {
    name: SEEDED_V2_BUCKET.name,
    policy: 'PCS',
    createdMs: project.creationMs,
    meta: {},
    read: null,
    write: null,
    objects: {},
    uploads: {},
  };
  seedObjects(random, bucket, { region: SEEDED_V2_BUCKET.region, name: bucket.name, policy: 'PCS' }, options);
  const delayMs = (options.restoreDelaySeconds ?? 600) * 1000;
  Object.values(bucket.objects).forEach((object, index) => {
    if (index % 2 === 0) return;
    object.storageClass = 'DEEP_ARCHIVE';
    // One restore asked a moment ago; one done, its copy expiring in two days.
    if (index === 1)
      object.restore = { readyMs: options.nowMs + delayMs, expiryMs: options.nowMs + delayMs + DAY };
    if (index === 3) object.restore = { readyMs: options.nowMs - DAY, expiryMs: options.nowMs + 2 * DAY };
  });
  project.s3 = {
    [SEEDED_V2_BUCKET.region]: { ...emptyAccount(project.creationMs), containers: { [bucket.name]: bucket } },
  };
}

/** The first project's Cold Archive v1 buckets, by name: the last lifecycle step and lock of each. */
export const SEEDED_COLD_ARCHIVES = {
  region: 'RBX-ARCHIVE',
  active: 'cold-active',
  archiving: 'cold-archiving',
  locked: 'cold-locked',
  restored: 'cold-restored',
} as const;

export function seedColdArchiveBuckets(project: CloudProjectRecord, options: SeedOptions): void {
  const { nowMs } = options;
  const delayMs = (options.restoreDelaySeconds ?? 600) * 1000;
  const ownerId = Object.values(project.users)[0]?.id ?? null;
  const tiering = (accessTier: string, days: number) => ({ id: DEFAULT_TIERING_ID, accessTier, days });
  const steps: Record<string, ColdArchiveRecord> = {
    [SEEDED_COLD_ARCHIVES.active]: { step: null, lockedUntilMs: null, tiering: null },
    [SEEDED_COLD_ARCHIVES.archiving]: {
      step: { kind: 'archive', askedMs: nowMs - 60_000, doneMs: nowMs - 60_000 + delayMs },
      lockedUntilMs: null,
      tiering: tiering('OVH_ARCHIVE', 999),
    },
    [SEEDED_COLD_ARCHIVES.locked]: {
      step: { kind: 'archive', askedMs: nowMs - 200 * DAY, doneMs: nowMs - 199 * DAY },
      lockedUntilMs: nowMs + 5 * 365 * DAY,
      tiering: tiering('OVH_ARCHIVE_LOCK', 5 * 365 + 200),
    },
    // Restored 28 days ago: back to archived (its copies deleted) in two days.
    [SEEDED_COLD_ARCHIVES.restored]: {
      step: { kind: 'restore', askedMs: nowMs - 28 * DAY - delayMs, doneMs: nowMs - 28 * DAY },
      lockedUntilMs: null,
      tiering: tiering('OVH_RESTORE', 30),
    },
  };
  const account: ObjectStorageAccount = emptyAccount(project.creationMs);
  for (const [name, lifecycle] of Object.entries(steps)) {
    const bucket: ContainerRecord = {
      ...newBucket(name, project.creationMs),
      settings: { ownerId, encryption: 'plaintext', tags: {} },
      coldArchive: lifecycle,
    };
    const plan: ContainerPlan = { region: SEEDED_COLD_ARCHIVES.region, name, policy: 'PCS' };
    seedObjects(
      createSeededRandom(deriveSeed(options.seed, `objects:s3:cold:${name}`)),
      bucket,
      plan,
      options,
    );
    account.containers[name] = bucket;
  }
  project.s3 ??= {};
  project.s3[SEEDED_COLD_ARCHIVES.region] = account;
}

export function seedPublicCloudState(options: SeedOptions, ownerNichandle: string): PublicCloudState {
  const random = createSeededRandom(deriveSeed(options.seed, 'public-cloud'));
  const cloud: PublicCloudState = {
    projects: {},
    nextUserId: 100_000 + Math.floor(random() * 800_000),
    tokens: {},
  };
  PROJECT_PLANS.forEach((plans, index) => {
    const project: CloudProjectRecord = {
      serviceName: randomHex(random, 32),
      projectName: String(1_000_000_000_000_000 + Math.floor(random() * 8_999_999_999_999_999)).slice(0, 16),
      description: index === 0 ? 'Archives' : 'Backups',
      ownerNichandle,
      creationMs: options.nowMs - (400 + index * 100) * DAY,
      regions: [...SWIFT_REGIONS, ...S3_REGIONS],
      users: {},
      storage: {},
    };
    cloud.projects[project.serviceName] = project;
    createCloudUser(cloud, project, random, {
      description: 'ovh-pca sandbox object storage',
      roles: ['objectstore_operator'],
      nowMs: project.creationMs,
      creatingMs: 0,
    });
    if (index === 0) {
      seedV2Bucket(createSeededRandom(deriveSeed(options.seed, 'objects:s3:v2')), project, options);
      seedColdArchiveBuckets(project, options);
    }
    for (const plan of plans) {
      project.storage[plan.region] ??= emptyAccount(project.creationMs);
      const container: ContainerRecord = {
        name: plan.name,
        policy: plan.policy,
        createdMs: project.creationMs,
        meta: {},
        read: null,
        write: null,
        objects: {},
      };
      project.storage[plan.region]!.containers[plan.name] = container;
      seedObjects(
        createSeededRandom(deriveSeed(options.seed, `objects:${index}:${plan.name}`)),
        container,
        plan,
        options,
      );
    }
  });
  return cloud;
}
