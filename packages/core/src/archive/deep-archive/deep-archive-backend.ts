import { path } from '../../client/index.js';
import { type ArchiveAddress, parseArchiveRegion, validateArchiveName } from '../archive-address.js';
import type {
  ArchiveBackend,
  DeletePlan,
  ListArchivesOptions,
  ListObjectsOptions,
  RetrieveOptions,
} from '../archive-backend.js';
import type { ArchiveApiClient } from '../archive-client.js';
import type { Archive, ArchiveObject } from '../archive-entities.js';
import { errorStatus } from '../archive-error-info.js';
import { ArchiveNotFoundError, LifecycleRefusedError, ValidationError } from '../archive-errors.js';
import type { ArchiveCapability } from '../archive-product.js';
import type { UploadOptions, UploadSource } from '../archive-upload.js';
import { mapBounded } from '../bounded-map.js';
import { type BucketPruneDeps, checkPlanFor, executeBucketPrune, planBucketPrune } from '../bucket-prune.js';
import { toIsoDate } from '../iso-date.js';
import { longestCommonPrefix } from '../key-prefix.js';
import type { DownloadSource } from '../object-download.js';
import type {
  ExecuteObjectPruneOptions,
  ObjectPruneOptions,
  ObjectPrunePlan,
  ObjectPruneResult,
} from '../object-prune-types.js';
import { onlyProject } from '../public-cloud-projects.js';
import { deleteOnce, listRegionContainers } from '../region-containers.js';
import type { S3AccessProvider, S3ClientFactory } from '../s3/s3-ports.js';
import {
  openBucketDownload,
  requireTransfers,
  uploadIntoBucket,
} from '../s3-transfers/s3-bucket-transfers.js';
import type { S3ObjectTransfers } from '../s3-transfers/s3-transfer-port.js';
import { UPLOAD_STORAGE_CLASSES } from '../s3-transfers/upload-storage-class.js';
import type { WaitReading } from '../state-waiter.js';
import { isTransientFailure } from '../transient-failure.js';
import { parseWholeDays } from '../whole-days.js';
import { deepArchiveObjectPhase, deepArchiveObjectState } from './deep-archive-states.js';
import type { StorageBucketWire, StorageObjectListWire } from './deep-archive-wire-types.js';

/** Cold Archive v2 exists in Paris 3-AZ only (reference §5.1). */
export const DEEP_ARCHIVE_REGIONS = ['EU-WEST-PAR'] as const;
/** API v1's object page: 1,000 at most and by default (reference §5.2). */
export const DEEP_ARCHIVE_PAGE_SIZE = 1000;
/** Restore requests in flight at once. */
const RESTORE_CONCURRENCY = 8;
/** DEEP_ARCHIVE's minimum storage: an object deleted younger is charged the rest, prorated (§5.1). */
export const DEEP_ARCHIVE_MINIMUM_DAYS = 180;
const DAY_MS = 86_400_000;
/** OVH accepts `days` up to this (the sandbox's bound, generous beyond any real use). */
export const MAX_RESTORE_DAYS = 30_000;

export interface DeepArchiveBackendOptions {
  client: ArchiveApiClient;
  /** For deletions of objects (S3 DeleteObjects) and bucket owners; without it those are refused. */
  s3?: S3ClientFactory;
  s3Access?: S3AccessProvider;
  /** Downloads and uploads (S3 multipart, ranged GET); without it, no `download` / `upload`. */
  transfers?: S3ObjectTransfers;
  now?: () => number;
}

/** `--days N` of a v2 retrieval: a whole number of days ≥ 1 (ValidationError otherwise). */
export function parseRestoreDays(value: unknown): number {
  return parseWholeDays('days', 'Days', value, MAX_RESTORE_DAYS);
}

const bucketPath = (archive: Archive) =>
  path`/cloud/project/${archive.project}/region/${archive.region ?? ''}/storage/${archive.name}`;

/**
 * Cold Archive v2: the DEEP_ARCHIVE objects of ordinary S3 buckets in EU-WEST-PAR (reference §5).
 * Buckets, objects (storage class and restore status in the listing: no HEAD per object) and
 * restores go through API v1's region-level storage routes, so a read-only credential lists
 * everything; S3 moves the bytes. A restore is asked only of an object that is archived (no
 * restore on record): one restoring or restored is left alone, so a re-run goes on where it was,
 * and an object whose request a fault lost is asked again by the next reading.
 */
export class DeepArchiveBackend implements ArchiveBackend {
  readonly product = 'deep-archive' as const;
  readonly capabilities: readonly ArchiveCapability[];
  /** S3 storage classes an upload may choose (`--storage-class`). */
  readonly uploadStorageClasses = UPLOAD_STORAGE_CLASSES;
  readonly #transfers: S3ObjectTransfers | undefined;
  readonly #client: ArchiveApiClient;
  readonly #s3: S3ClientFactory | undefined;
  readonly #s3Access: S3AccessProvider | undefined;
  readonly #prune: BucketPruneDeps;

  constructor(options: DeepArchiveBackendOptions) {
    this.#client = options.client;
    this.#prune = {
      client: options.client,
      now: options.now ?? Date.now,
      listObjects: (archive, listOptions) => this.listObjects(archive, listOptions),
      objectPath: (archive, key) => `${bucketPath(archive)}/object/${encodeKey(key)}`,
      costsOf: minimumStorageCosts,
    };
    this.#s3 = options.s3;
    this.#s3Access = options.s3Access;
    this.#transfers = options.transfers;
    this.capabilities = options.transfers
      ? ['list', 'retrieve', 'download', 'upload', 'delete', 'prune']
      : ['list', 'retrieve', 'delete', 'prune'];
  }

  /** One listing and the server clock; the preview counts DEEP_ARCHIVE objects under 180 days. */
  planPrune(archive: Archive, options: ObjectPruneOptions): Promise<ObjectPrunePlan> {
    return planBucketPrune(this.#prune, archive, options);
  }

  /** One listing to recheck, then `DELETE …/storage/{name}/object/{key}` once per planned key. */
  async executePrune(
    archive: Archive,
    plan: ObjectPrunePlan,
    options: ExecuteObjectPruneOptions = {},
  ): Promise<ObjectPruneResult> {
    checkPlanFor(archive, plan);
    return executeBucketPrune(this.#prune, archive, plan, options);
  }

  /** HEAD, then ranges under If-Match; a DEEP_ARCHIVE object not restored: ObjectNotRestoredError. */
  openDownload(
    archive: Archive,
    key: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<DownloadSource> {
    return openBucketDownload(requireTransfers(this.#transfers, this.product), archive, key, options.signal);
  }

  /** Multipart (resumable) or one PUT each; `storageClass` STANDARD (default) or DEEP_ARCHIVE. */
  uploadObjects(archive: Archive, sources: readonly UploadSource[], options: UploadOptions = {}) {
    return uploadIntoBucket(requireTransfers(this.#transfers, this.product), archive, sources, {
      ...options,
      storageClasses: this.uploadStorageClasses,
    });
  }

  /** EU-WEST-PAR (3-AZ): S3 only, no Swift, so no Cloud Archive there (reference §3.4). */
  ownsRegion(region: string): boolean {
    return (DEEP_ARCHIVE_REGIONS as readonly string[]).includes(region);
  }

  /** 1 + one request per project (EU-WEST-PAR only). */
  listArchives(options: ListArchivesOptions = {}): Promise<Archive[]> {
    return listRegionContainers<StorageBucketWire>(this.#client, {
      regions: DEEP_ARCHIVE_REGIONS.filter(
        (region) => options.region === undefined || region === options.region,
      ),
      route: (project, region) => path`/cloud/project/${project}/region/${region}/storage`,
      toArchive,
      project: options.project,
      signal: options.signal,
    });
  }

  /** ceil(N / 1,000) pages of `GET …/storage/{name}/object` (keyMarker = the last key). */
  async listObjects(archive: Archive, options: ListObjectsOptions = {}): Promise<ArchiveObject[]> {
    const objects: ArchiveObject[] = [];
    let keyMarker: string | undefined;
    for (;;) {
      const page = await this.#client.request<StorageObjectListWire[]>(
        'GET',
        `${bucketPath(archive)}/object`,
        {
          query: { limit: DEEP_ARCHIVE_PAGE_SIZE, keyMarker, prefix: options.prefix || undefined },
          signal: options.signal,
        },
      );
      for (const wire of page) if (!wire.isCommonPrefix) objects.push(toObject(wire));
      if (page.length < DEEP_ARCHIVE_PAGE_SIZE) return objects;
      keyMarker = page[page.length - 1]!.key;
    }
  }

  /**
   * `POST …/object/{key}/restore {days}` for each archived key, 8 at once, after one listing;
   * answers each object as it stands (restoring until the next reading says otherwise).
   */
  async retrieveObjects(
    archive: Archive,
    keys: readonly string[],
    options: RetrieveOptions = {},
  ): Promise<ArchiveObject[]> {
    const days = parseRestoreDays(options.days);
    const current = await this.#current(archive, keys, options.signal);
    return this.#restore(archive, keys, current, days, options.signal);
  }

  /**
   * One re-listing for all keys. With `days` (a retrieval being followed), an object that reads as
   * archived again (its request lost to a fault, or its copy expired) is asked again, so a wait
   * never leaves it behind; without, it is only reported.
   */
  async readObjectStates(
    archive: Archive,
    keys: readonly string[],
    signal?: AbortSignal,
    options: { days?: number } = {},
  ): Promise<Array<WaitReading<ArchiveObject>>> {
    const current = await this.#current(archive, keys, signal);
    const archived = keys.filter((key) => current.get(key)?.state === 'archived');
    if (options.days !== undefined && archived.length > 0) {
      const asked = await this.#restore(archive, archived, current, options.days, signal);
      for (const object of asked) current.set(object.key, object);
    }
    return keys.map((key) => {
      const value = current.get(key);
      return value === undefined
        ? { id: key, error: new ArchiveNotFoundError('object', key, [label(archive)]) }
        : { id: key, value };
    });
  }

  /** `POST …/region/EU-WEST-PAR/storage {name, ownerId}` (owner: the project's S3 user when known). */
  async createArchive(address: ArchiveAddress & { region?: string }, signal?: AbortSignal): Promise<Archive> {
    const name = validateArchiveName(address.name);
    const region =
      address.region === undefined ? DEEP_ARCHIVE_REGIONS[0] : parseArchiveRegion(address.region);
    if (!(DEEP_ARCHIVE_REGIONS as readonly string[]).includes(region)) {
      throw new ValidationError(
        'region',
        `Cold Archive v2 (deep-archive) exists in ${DEEP_ARCHIVE_REGIONS.join(', ')} only, not ${region}`,
      );
    }
    const project = address.project ?? (await onlyProject(this.#client, signal));
    const owner = this.#s3Access ? (await this.#s3Access.credential(project, signal)).userId : undefined;
    const wire = await this.#client.request<StorageBucketWire>(
      'POST',
      path`/cloud/project/${project}/region/${region}/storage`,
      { body: owner === undefined ? { name } : { name, ownerId: owner }, signal },
    );
    return toArchive(project, region, { ...wire, name: wire.name ?? name });
  }

  async planDelete(
    archive: Archive,
    options: { recursive?: boolean; signal?: AbortSignal } = {},
  ): Promise<DeletePlan> {
    const objects = await this.listObjects(archive, { signal: options.signal });
    if (objects.length > 0 && !options.recursive) {
      throw new LifecycleRefusedError(
        `${label(archive)} holds ${objects.length} object(s): add --recursive to delete them with it. Nothing was sent.`,
      );
    }
    if (objects.length > 0 && !this.#s3) {
      throw new LifecycleRefusedError(
        `Deleting objects needs S3 access, not offered here. Nothing was sent.`,
      );
    }
    return { archive, objects };
  }

  /**
   * The planned objects by S3 DeleteObjects (1,000 a request; a key already gone counts as
   * deleted), then `DELETE …/storage/{name}`. Only the keys listed in the plan are sent.
   */
  async deleteArchive(
    archive: Archive,
    options: { recursive?: boolean; signal?: AbortSignal; plan?: DeletePlan } = {},
  ): Promise<void> {
    const plan = options.plan ?? (await this.planDelete(archive, options));
    if (plan.objects.length > 0) {
      const api = await this.#s3!.bucketApi(archive.project, archive.region ?? '', options.signal);
      const result = await api.deleteObjects(
        archive.name,
        plan.objects.map((object) => object.key),
        options.signal,
      );
      if (result.failed.length > 0) {
        const first = result.failed[0]!;
        throw new Error(
          `${result.failed.length} object(s) not deleted, first ${first.key}: ${first.code} ${first.message}`,
        );
      }
    }
    await deleteOnce(this.#client, bucketPath(archive), options.signal);
  }

  /** The listed state of `keys`, from one listing over their common prefix. */
  async #current(
    archive: Archive,
    keys: readonly string[],
    signal?: AbortSignal,
  ): Promise<Map<string, ArchiveObject>> {
    if (keys.length === 0) return new Map();
    const listed = await this.listObjects(archive, { prefix: longestCommonPrefix(keys), signal });
    return new Map(listed.map((object) => [object.key, object]));
  }

  #restore(
    archive: Archive,
    keys: readonly string[],
    current: ReadonlyMap<string, ArchiveObject>,
    days: number,
    signal?: AbortSignal,
  ): Promise<ArchiveObject[]> {
    return mapBounded(
      keys,
      RESTORE_CONCURRENCY,
      async (key) => {
        const object = current.get(key);
        if (object === undefined) throw new ArchiveNotFoundError('object', key, [label(archive)]);
        if (object.state !== 'archived') return object;
        const restoring = { ...object, state: 'restoring', phase: 'retrieving' as const };
        try {
          await this.#client.request<unknown>(
            'POST',
            `${bucketPath(archive)}/object/${encodeKey(key)}/restore`,
            {
              body: { days },
              signal,
            },
          );
          return restoring;
        } catch (error) {
          // 409: a restore (ours, whose answer was lost, or someone's) is already under way.
          if (errorStatus(error) === 409) return restoring;
          // Lost to a fault: followed as retrieving (state still `archived`), so the next
          // reading of a wait asks again.
          if (isTransientFailure(error)) return { ...object, phase: 'retrieving' as const };
          throw error;
        }
      },
      { signal },
    );
  }
}

/** The prorated charge of deleting DEEP_ARCHIVE objects before their 180 days (reference §5.1). */
function minimumStorageCosts(objects: readonly ArchiveObject[], serverNowMs: number): string[] {
  const since = serverNowMs - DEEP_ARCHIVE_MINIMUM_DAYS * DAY_MS;
  const young = objects.filter(
    (object) =>
      object.state !== 'available' && object.lastModified !== null && Date.parse(object.lastModified) > since,
  );
  if (young.length === 0) return [];
  const bytes = young.reduce((sum, object) => sum + object.bytes, 0);
  return [
    `${young.length} DEEP_ARCHIVE object(s) (${bytes} bytes) are younger than ${DEEP_ARCHIVE_MINIMUM_DAYS} days: deleting them is charged for the rest of the ${DEEP_ARCHIVE_MINIMUM_DAYS}-day minimum storage (prorated).`,
  ];
}

/** One path segment, dots too (the Control Panel encodes them as %2E: reference §2). */
function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/\./g, '%2E');
}

function label(archive: Archive): string {
  return `${archive.project}/${archive.region}/${archive.name}`;
}

function toArchive(project: string, region: string, wire: StorageBucketWire): Archive {
  return {
    product: 'deep-archive',
    project,
    region: region.toUpperCase(),
    name: wire.name,
    id: wire.name,
    state: 'active',
    phase: 'open',
    objects: wire.objectsCount ?? null,
    bytes: wire.objectsSize ?? null,
  };
}

function toObject(wire: StorageObjectListWire): ArchiveObject {
  const restore = wire.restoreStatus ?? undefined;
  const state = deepArchiveObjectState(wire.storageClass ?? 'STANDARD', restore);
  return {
    key: wire.key,
    label: null,
    bytes: wire.size,
    lastModified: wire.lastModified ? toIsoDate(wire.lastModified) : null,
    state,
    phase: deepArchiveObjectPhase(state),
    // OVH says "up to 48 h" and gives no ready time.
    readyAt: null,
    retrievableUntil: state === 'restored' && restore?.expireDate ? toIsoDate(restore.expireDate) : null,
  };
}
