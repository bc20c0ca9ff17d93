import { path } from '../../client/index.js';
import { type ArchiveAddress, parseArchiveRegion, validateArchiveName } from '../archive-address.js';
import type {
  ArchiveBackend,
  ArchiveLifecycle,
  DeletePlan,
  LifecycleAction,
  LifecyclePreview,
  ListArchivesOptions,
  ListObjectsOptions,
  RetrieveOptions,
} from '../archive-backend.js';
import type { ArchiveApiClient } from '../archive-client.js';
import type { Archive, ArchiveObject } from '../archive-entities.js';
import { ArchiveNotFoundError } from '../archive-errors.js';
import type { ArchiveCapability } from '../archive-product.js';
import type { UploadOptions, UploadSource } from '../archive-upload.js';
import { mapBounded } from '../bounded-map.js';
import { type BucketPruneDeps, checkPlanFor, executeBucketPrune, planBucketPrune } from '../bucket-prune.js';
import { toIsoDate } from '../iso-date.js';
import type { DownloadSource } from '../object-download.js';
import type {
  ExecuteObjectPruneOptions,
  ObjectPruneOptions,
  ObjectPrunePlan,
  ObjectPruneResult,
} from '../object-prune-types.js';
import { onlyProject } from '../public-cloud-projects.js';
import { deleteOnce, listRegionContainers } from '../region-containers.js';
import type { S3AccessProvider } from '../s3/s3-ports.js';
import {
  openBucketDownload,
  requireTransfers,
  uploadIntoBucket,
} from '../s3-transfers/s3-bucket-transfers.js';
import type { S3ObjectTransfers } from '../s3-transfers/s3-transfer-port.js';
import type { WaitReading } from '../state-waiter.js';
import { isTransientFailure } from '../transient-failure.js';
import { ColdArchiveRegions } from './cold-archive-region.js';
import {
  checkColdArchiveDelete,
  checkColdArchivePrune,
  planColdArchiveStep,
  stepApplied,
} from './cold-archive-rules.js';
import { coldArchiveObjectPhase, coldArchivePhase } from './cold-archive-states.js';
import type { ColdArchiveContainerWire, ColdArchiveObjectWire } from './cold-archive-wire-types.js';

/** API v1's object page (the sibling S3 route documents 1,000 as default and maximum). */
export const COLD_ARCHIVE_PAGE_SIZE = 1000;
const DELETE_CONCURRENCY = 8;
/** A lifecycle POST whose answer was lost is sent again at most this many times in all. */
const LIFECYCLE_ATTEMPTS = 3;

export interface ColdArchiveBackendOptions {
  client: ArchiveApiClient;
  /**
   * S3 access of the project: `createArchive` names its user as the bucket's owner (the Control
   * Panel does the same), creating it and its S3 key if needed. Without it, no owner is sent.
   */
  s3Access?: S3AccessProvider;
  /** Downloads and uploads (S3 multipart, ranged GET); without it, no `download` / `upload`. */
  transfers?: S3ObjectTransfers;
  now?: () => number;
}

const containerPath = (archive: Archive) =>
  path`/cloud/project/${archive.project}/region/${archive.region ?? ''}/coldArchive/${archive.name}`;
const objectPath = (archive: Archive, key: string) =>
  path`/cloud/project/${archive.project}/region/${archive.region ?? ''}/coldArchive/${archive.name}/object/${key}`;

/**
 * Cold Archive v1: S3 buckets in RBX-ARCHIVE driven as a whole through API v1's coldArchive routes
 * (reference §4). Everything here is API v1 with the profile's credentials — listing, objects,
 * lifecycle — so a read-only credential lists everything; S3 (through the S3 port) only moves
 * bytes (the transfer commands). Lifecycle steps are checked against the bucket's state and the
 * server clock before they are sent (cold-archive-rules.ts), sent once, and after a failure the
 * bucket is read before anything is sent again.
 */
export class ColdArchiveBackend implements ArchiveBackend {
  readonly product = 'cold-archive' as const;
  readonly capabilities: readonly ArchiveCapability[];
  readonly lifecycle: ArchiveLifecycle;
  readonly #transfers: S3ObjectTransfers | undefined;
  readonly #client: ArchiveApiClient;
  readonly #s3Access: S3AccessProvider | undefined;
  readonly #now: () => number;
  readonly #regions: ColdArchiveRegions;
  readonly #prune: BucketPruneDeps;

  constructor(options: ColdArchiveBackendOptions) {
    this.#client = options.client;
    this.#s3Access = options.s3Access;
    this.#transfers = options.transfers;
    this.capabilities = options.transfers
      ? ['list', 'retrieve', 'download', 'upload', 'delete', 'lifecycle', 'prune']
      : ['list', 'retrieve', 'delete', 'lifecycle', 'prune'];
    this.#now = options.now ?? Date.now;
    this.#prune = {
      client: options.client,
      now: this.#now,
      listObjects: (archive, listOptions) => this.listObjects(archive, listOptions),
      objectPath,
    };
    this.#regions = new ColdArchiveRegions(options.client);
    this.lifecycle = {
      plan: (archive, action, planOptions) => this.#plan(archive, action, planOptions),
      run: (preview, signal) => this.#run(preview, signal),
      read: (archive, signal) => this.readArchive(archive, signal),
    };
  }

  /** The region(s) Cold Archive v1 is offered in (availability; RBX-ARCHIVE today). */
  regions(signal?: AbortSignal): Promise<string[]> {
    return this.#regions.list(signal);
  }

  /** A `…-ARCHIVE` region (RBX-ARCHIVE) serves `storage-s3-coldarchive` alone (reference §3.3). */
  ownsRegion(region: string): boolean {
    return isColdArchiveRegion(region);
  }

  /**
   * 1 + one request per project and Cold Archive region (+ the region lookup, once, when no region
   * is named: a named one is asked directly, its 404 lists nothing).
   */
  async listArchives(options: ListArchivesOptions = {}): Promise<Archive[]> {
    // Cold Archive regions are named `…-ARCHIVE` (RBX-ARCHIVE): another region needs no lookup.
    if (options.region !== undefined && !isColdArchiveRegion(options.region)) return [];
    const regions = options.region === undefined ? await this.regions(options.signal) : [options.region];
    return listRegionContainers<ColdArchiveContainerWire>(this.#client, {
      regions,
      route: (project, region) => path`/cloud/project/${project}/region/${region}/coldArchive`,
      toArchive,
      project: options.project,
      signal: options.signal,
    });
  }

  /** The bucket as it stands now (one GET, objects left out). */
  async readArchive(archive: Archive, signal?: AbortSignal): Promise<Archive> {
    const wire = await this.#client.request<ColdArchiveContainerWire>('GET', containerPath(archive), {
      query: { limit: 1 },
      signal,
    });
    return toArchive(archive.project, archive.region ?? '', wire);
  }

  /** S3 HEAD and ranges; refused before any S3 request unless the bucket is `none` or `restored`. */
  openDownload(
    archive: Archive,
    key: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<DownloadSource> {
    return openBucketDownload(requireTransfers(this.#transfers, this.product), archive, key, options.signal);
  }

  /** Into a bucket not archived yet (state `none`) only; refused before any request otherwise. */
  uploadObjects(archive: Archive, sources: readonly UploadSource[], options: UploadOptions = {}) {
    return uploadIntoBucket(requireTransfers(this.#transfers, this.product), archive, sources, options);
  }

  /** ceil(N / 1,000) API v1 pages of `GET …/coldArchive/{name}` (marker = the last key). */
  async listObjects(archive: Archive, options: ListObjectsOptions = {}): Promise<ArchiveObject[]> {
    const objects: ArchiveObject[] = [];
    let marker: string | undefined;
    let current = archive;
    for (;;) {
      const wire = await this.#client.request<ColdArchiveContainerWire>('GET', containerPath(archive), {
        query: { limit: COLD_ARCHIVE_PAGE_SIZE, marker, prefix: options.prefix || undefined },
        signal: options.signal,
      });
      current = toArchive(archive.project, archive.region ?? '', wire);
      const page = wire.objects ?? [];
      for (const object of page) objects.push(toObject(object, current));
      if (page.length < COLD_ARCHIVE_PAGE_SIZE) return objects;
      marker = page[page.length - 1]!.key;
    }
  }

  /**
   * v1 retrieves the whole bucket: an archived bucket is restored (one POST), whatever keys are
   * named; one restoring, restored or never archived is left as it is (a re-run goes on waiting).
   */
  async retrieveObjects(
    archive: Archive,
    keys: readonly string[],
    options: RetrieveOptions = {},
  ): Promise<ArchiveObject[]> {
    let current = await this.readArchive(archive, options.signal);
    if (current.state === 'archived') {
      current = await this.#run(
        await this.#plan(current, 'restore', { signal: options.signal }),
        options.signal,
      );
    }
    return this.#objectsAs(archive, keys, current, options.signal);
  }

  async readObjectStates(
    archive: Archive,
    keys: readonly string[],
    signal?: AbortSignal,
  ): Promise<Array<WaitReading<ArchiveObject>>> {
    const current = await this.readArchive(archive, signal);
    const objects = await this.#objectsAs(archive, keys, current, signal);
    return objects.map((object) => ({ id: object.key, value: object }));
  }

  /**
   * `POST …/region/{r}/coldArchive {name, ownerId}`; the owner is the project's S3 user (created,
   * with its key, if needed). Region: the address's, else the availability's.
   */
  async createArchive(address: ArchiveAddress & { region?: string }, signal?: AbortSignal): Promise<Archive> {
    const name = validateArchiveName(address.name);
    const region =
      address.region === undefined ? (await this.regions(signal))[0]! : parseArchiveRegion(address.region);
    const project = address.project ?? (await onlyProject(this.#client, signal));
    const owner = this.#s3Access ? (await this.#s3Access.credential(project, signal)).userId : undefined;
    const wire = await this.#client.request<ColdArchiveContainerWire>(
      'POST',
      path`/cloud/project/${project}/region/${region}/coldArchive`,
      { body: owner === undefined ? { name } : { name, ownerId: owner }, signal },
    );
    return toArchive(project, region, { ...wire, name: wire.name ?? name, status: wire.status ?? 'none' });
  }

  async planDelete(
    archive: Archive,
    options: { recursive?: boolean; signal?: AbortSignal } = {},
  ): Promise<DeletePlan> {
    const current = await this.readArchive(archive, options.signal);
    checkColdArchiveDelete(current, options.recursive === true);
    const objects =
      current.state === 'none' && (current.objects ?? 0) > 0
        ? await this.listObjects(current, { signal: options.signal })
        : [];
    return { archive: current, objects };
  }

  /**
   * From `flushed`, or `none` (its objects deleted first with `recursive`, one DELETE each, 8 at
   * once, a 404 counting as gone); refused (exit 2) in any other state, before any request.
   */
  async deleteArchive(
    archive: Archive,
    options: { recursive?: boolean; signal?: AbortSignal; plan?: DeletePlan } = {},
  ): Promise<void> {
    // Only the objects of the plan shown are deleted: never one that appeared since.
    const plan = options.plan ?? (await this.planDelete(archive, options));
    await mapBounded(
      plan.objects,
      DELETE_CONCURRENCY,
      (object) => deleteOnce(this.#client, objectPath(archive, object.key), options.signal),
      { signal: options.signal },
    );
    await deleteOnce(this.#client, containerPath(archive), options.signal);
  }

  /** In state `none` only (refused before any deletion otherwise): one listing, the server clock. */
  async planPrune(archive: Archive, options: ObjectPruneOptions): Promise<ObjectPrunePlan> {
    checkColdArchivePrune(await this.readArchive(archive, options.signal));
    return planBucketPrune(this.#prune, archive, options);
  }

  /** The bucket read again (still `none`), one listing, then one DELETE per planned key. */
  async executePrune(
    archive: Archive,
    plan: ObjectPrunePlan,
    options: ExecuteObjectPruneOptions = {},
  ): Promise<ObjectPruneResult> {
    checkPlanFor(archive, plan);
    if (plan.objects.length > 0) checkColdArchivePrune(await this.readArchive(archive, options.signal));
    return executeBucketPrune(this.#prune, archive, plan, options);
  }

  async #serverNowMs(signal?: AbortSignal): Promise<number> {
    return this.#now() + (await this.#client.getTimeOffset(signal)) * 1000;
  }

  /** Reads the bucket now and checks the step against it at the server's time. */
  async #plan(
    archive: Archive,
    action: LifecycleAction,
    options: { lockDays?: number; signal?: AbortSignal } = {},
  ): Promise<LifecyclePreview> {
    const [current, serverNowMs] = await Promise.all([
      this.readArchive(archive, options.signal),
      this.#serverNowMs(options.signal),
    ]);
    return planColdArchiveStep(current, action, { lockDays: options.lockDays, serverNowMs });
  }

  /**
   * Sends the step once. After a failure the server may have acted on (5xx, 429, a drop, a
   * timeout) the bucket is read: moved on → done; unchanged → sent again (at most 3 in all).
   */
  async #run(preview: LifecyclePreview, signal?: AbortSignal): Promise<Archive> {
    const archive = preview.archive;
    const target = `${containerPath(archive)}/${preview.action}`;
    const body =
      preview.action === 'archive'
        ? preview.lockDays
          ? { lockedUntilDays: preview.lockDays }
          : {}
        : undefined;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.#client.request<unknown>('POST', target, { body, signal });
        return await this.readArchive(archive, signal);
      } catch (error) {
        if (!isTransientFailure(error)) throw error;
        const after = await this.readArchive(archive, signal);
        if (stepApplied(preview, after)) return after;
        if (attempt >= LIFECYCLE_ATTEMPTS) throw error;
      }
    }
  }

  /** The named keys (all, when none is named) as their bucket's state makes them. */
  async #objectsAs(
    archive: Archive,
    keys: readonly string[],
    current: Archive,
    signal?: AbortSignal,
  ): Promise<ArchiveObject[]> {
    const listed = await this.listObjects(current, { signal });
    if (keys.length === 0) return listed;
    const byKey = new Map(listed.map((object) => [object.key, object]));
    return keys.map((key) => {
      const object = byKey.get(key);
      if (!object)
        throw new ArchiveNotFoundError('object', key, [
          `${archive.project}/${archive.region}/${archive.name}`,
        ]);
      return object;
    });
  }
}

/** Cold Archive regions are named `…-ARCHIVE` (RBX-ARCHIVE). */
function isColdArchiveRegion(region: string): boolean {
  return region.endsWith('-ARCHIVE');
}

function toArchive(project: string, region: string, wire: ColdArchiveContainerWire): Archive {
  const date = (value: string | null | undefined) => (value ? toIsoDate(value) : null);
  return {
    product: 'cold-archive',
    project,
    region: region.toUpperCase(),
    name: wire.name,
    id: wire.name,
    state: wire.status,
    phase: coldArchivePhase(wire.status),
    objects: wire.objectsCount ?? null,
    bytes: wire.objectsSize ?? null,
    lockedUntil: date(wire.lockedUntil),
    restoredUntil: date(wire.automaticDeletionAt),
  };
}

function toObject(wire: ColdArchiveObjectWire, bucket: Archive): ArchiveObject {
  const phase = coldArchiveObjectPhase(bucket.state);
  return {
    key: wire.key,
    label: null,
    bytes: wire.size,
    lastModified: wire.lastModified ? toIsoDate(wire.lastModified) : null,
    state: bucket.state,
    phase,
    readyAt: null,
    retrievableUntil: bucket.state === 'restored' ? (bucket.restoredUntil ?? null) : null,
  };
}
