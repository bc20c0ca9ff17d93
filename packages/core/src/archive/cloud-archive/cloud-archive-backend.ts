import { path } from '../../client/index.js';
import { type ArchiveAddress, parseArchiveRegion, validateArchiveName } from '../archive-address.js';
import type { ArchiveBackend, ListArchivesOptions, ListObjectsOptions } from '../archive-backend.js';
import type { ArchiveApiClient } from '../archive-client.js';
import type { Archive, ArchiveObject } from '../archive-entities.js';
import { errorStatus } from '../archive-error-info.js';
import { ArchiveNotFoundError, ValidationError } from '../archive-errors.js';
import type { UploadedObject, UploadOptions, UploadSource } from '../archive-upload.js';
import { mapBounded } from '../bounded-map.js';
import { checkPlanFor } from '../bucket-prune.js';
import { toIsoDate } from '../iso-date.js';
import { longestCommonPrefix } from '../key-prefix.js';
import type { DownloadSource } from '../object-download.js';
import { validateObjectKey } from '../object-key.js';
import type {
  ExecuteObjectPruneOptions,
  ObjectPruneOptions,
  ObjectPrunePlan,
  ObjectPruneResult,
} from '../object-prune-types.js';
import { listPublicCloudProjects, onlyProject } from '../public-cloud-projects.js';
import type { WaitReading } from '../state-waiter.js';
import type { SwiftAccessProvider, SwiftListedObject } from './cloud-archive-ports.js';
import {
  type CloudArchivePruneDeps,
  executeCloudArchivePrune,
  planCloudArchivePrune,
} from './cloud-archive-prune.js';
import { cloudArchiveObjectPhase } from './cloud-archive-states.js';
import { CloudArchiveUpload } from './cloud-archive-upload.js';
import type {
  StorageContainerDetailWire,
  StorageContainerWire,
  StorageObjectWire,
} from './cloud-archive-wire-types.js';
import { ApiSwiftAccessProvider } from './swift-access-provider.js';
import { type FetchLike, SwiftContainerClient } from './swift-container-client.js';
import { openSwiftDownload } from './swift-download.js';
import { SwiftError } from './swift-error.js';
import { readSwiftLimits, type SwiftLimits } from './swift-limits.js';
import { listSwiftEntries, swiftListingDate } from './swift-listing.js';
import { SwiftObjectWriter } from './swift-object-writer.js';

/** Unseal requests in flight at once: enough to start 1,000 in seconds, few enough to stay polite. */
const RETRIEVE_CONCURRENCY = 8;
/** Projects (and their storage lists) read at once. */
const PROJECT_CONCURRENCY = 4;

export interface CloudArchiveBackendOptions {
  client: ArchiveApiClient;
  /** Defaults to POST …/storage/access through `client`. */
  access?: SwiftAccessProvider;
  fetch?: FetchLike;
  now?: () => number;
}

/**
 * Cloud Archive: Swift containers with the storage policy PCA of every Public Cloud project. Discovery
 * and container actions go through API v1 (so a read-only credential still lists archives); objects
 * are listed, unsealed and downloaded through Swift, with the token API v1 hands out.
 */
export class CloudArchiveBackend implements ArchiveBackend {
  readonly product = 'cloud-archive' as const;
  readonly capabilities = ['list', 'retrieve', 'download', 'upload', 'delete', 'prune'] as const;
  readonly #client: ArchiveApiClient;
  readonly #access: SwiftAccessProvider;
  readonly #fetch: FetchLike | undefined;
  readonly #now: () => number;
  readonly #swift = new Map<string, SwiftContainerClient>();
  /** `/info` of each region's cluster, read once. */
  readonly #limits = new Map<string, Promise<SwiftLimits>>();

  constructor(options: CloudArchiveBackendOptions) {
    this.#client = options.client;
    this.#now = options.now ?? Date.now;
    this.#access = options.access ?? new ApiSwiftAccessProvider(options.client, { now: this.#now });
    this.#fetch = options.fetch;
  }

  /** The Public Cloud projects of the credential (serviceNames). */
  listProjects(signal?: AbortSignal): Promise<string[]> {
    return listPublicCloudProjects(this.#client, signal);
  }

  /** 1 + one request per project, API v1 only. */
  async listArchives(options: ListArchivesOptions = {}): Promise<Archive[]> {
    const projects = await listPublicCloudProjects(this.#client, options.signal, options.project);
    const lists = await mapBounded(projects, PROJECT_CONCURRENCY, async (project) => {
      const containers = await this.#client.request<StorageContainerWire[]>(
        'GET',
        path`/cloud/project/${project}/storage`,
        { signal: options.signal },
      );
      return containers
        .filter((container) => container.archive === true)
        .map((container) => this.#toArchive(project, container))
        .filter((archive) => options.region === undefined || archive.region === options.region);
    });
    return lists.flat();
  }

  /** ceil(N / 10,000) Swift listings (plus the access once); API v1 alone when Swift access is refused. */
  async listObjects(archive: Archive, options: ListObjectsOptions = {}): Promise<ArchiveObject[]> {
    try {
      return await this.#listSwift(archive, options.prefix, options.signal);
    } catch (error) {
      // A read-only credential may not POST …/storage/access: API v1 lists objects too.
      if (errorStatus(error) !== 403 || !isApiAccessRefusal(error)) throw error;
      return this.#listApi(archive, options.prefix, options.signal);
    }
  }

  /**
   * One listing, then a GET of each sealed object (its 429 starts unsealing; body discarded). Objects
   * unsealing or unsealed are left alone, so a re-run goes on where the last one stopped.
   */
  async retrieveObjects(
    archive: Archive,
    keys: readonly string[],
    options: { signal?: AbortSignal } = {},
  ): Promise<ArchiveObject[]> {
    const current = await this.#currentObjects(archive, keys, options.signal);
    return this.#unseal(archive, keys, current, options.signal);
  }

  /**
   * One re-listing for all keys (not a HEAD each); an unsealing object's delay as Retry-After. A
   * followed object found sealed lost its unseal request (a faulted 429, a window that lapsed): it
   * is asked again, so a wait never mistakes it for settled.
   */
  async readObjectStates(
    archive: Archive,
    keys: readonly string[],
    signal?: AbortSignal,
  ): Promise<Array<WaitReading<ArchiveObject>>> {
    const current = await this.#currentObjects(archive, keys, signal);
    const sealed = keys.filter((key) => current.get(key)?.phase === 'offline');
    if (sealed.length > 0) {
      for (const object of await this.#unseal(archive, sealed, current, signal))
        current.set(object.key, object);
    }
    const nowMs = this.#now();
    return keys.map((key) => {
      const value = current.get(key);
      if (value === undefined) {
        return { id: key, error: new ArchiveNotFoundError('object', key, [archiveLabel(archive)]) };
      }
      const readyMs = value.readyAt === null ? Number.NaN : Date.parse(value.readyAt);
      return Number.isNaN(readyMs)
        ? { id: key, value }
        : { id: key, value, retryAfterSeconds: Math.max(0, Math.ceil((readyMs - nowMs) / 1000)) };
    });
  }

  /**
   * HEAD, then (for a manifest) its segment MD5s; ranges read under If-Match (swift-download.ts).
   * Sealed or unsealing → ObjectNotReadyError with its ready time; no such key → ArchiveNotFoundError.
   */
  async openDownload(
    archive: Archive,
    key: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<DownloadSource> {
    validateObjectKey(key);
    try {
      return await openSwiftDownload(this.#swiftOf(archive), archive.name, key, {
        now: this.#now,
        signal: options.signal,
      });
    } catch (error) {
      if (error instanceof SwiftError && error.status === 404) {
        throw new ArchiveNotFoundError('object', key, [archiveLabel(archive)]);
      }
      throw error;
    }
  }

  /** A GET of each sealed key, a few at once; each answers the object as it stands after. */
  #unseal(
    archive: Archive,
    keys: readonly string[],
    current: ReadonlyMap<string, ArchiveObject>,
    signal?: AbortSignal,
  ): Promise<ArchiveObject[]> {
    const swift = this.#swiftOf(archive);
    return mapBounded(
      keys,
      RETRIEVE_CONCURRENCY,
      async (key) => {
        const object = current.get(key);
        if (object === undefined) throw new ArchiveNotFoundError('object', key, [archiveLabel(archive)]);
        if (object.phase !== 'offline') return object;
        const delay = await swift.requestRetrieval(archive.name, key, signal);
        if (delay === 0) return { ...object, state: 'unsealed', phase: 'online' as const, readyAt: null };
        return {
          ...object,
          state: 'unsealing',
          phase: 'retrieving' as const,
          readyAt: new Date(this.#now() + delay * 1000).toISOString(),
        };
      },
      { signal },
    );
  }

  /** The objects last modified before the age (server clock), with their segments; nothing deleted. */
  planPrune(archive: Archive, options: ObjectPruneOptions): Promise<ObjectPrunePlan> {
    return planCloudArchivePrune(this.#pruneDeps(archive), archive, options);
  }

  /** Deletes exactly what the plan lists (segments, then their manifest), each once. */
  executePrune(
    archive: Archive,
    plan: ObjectPrunePlan,
    options: ExecuteObjectPruneOptions = {},
  ): Promise<ObjectPruneResult> {
    checkPlanFor(archive, plan);
    return executeCloudArchivePrune(this.#pruneDeps(archive), archive, plan, options);
  }

  #pruneDeps(archive: Archive): CloudArchivePruneDeps {
    return {
      swift: this.#swiftOf(archive),
      timeOffset: (signal) => this.#client.getTimeOffset(signal),
      now: this.#now,
    };
  }

  /**
   * Uploads files (cloud-archive-upload.ts): one PUT each up to the threshold, segments under an
   * SLO manifest beyond it; what the archive already holds is not sent again.
   */
  uploadObjects(
    archive: Archive,
    sources: readonly UploadSource[],
    options: UploadOptions = {},
  ): Promise<UploadedObject[]> {
    const upload = new CloudArchiveUpload(
      {
        archive,
        writer: new SwiftObjectWriter(this.#swiftOf(archive)),
        limits: (signal) => this.#limitsOf(archive, signal),
      },
      options,
    );
    return upload.run(sources);
  }

  #limitsOf(archive: Archive, signal?: AbortSignal): Promise<SwiftLimits> {
    const region = archive.region ?? '';
    const cacheKey = `${archive.project}\u0000${region}`;
    let limits = this.#limits.get(cacheKey);
    if (!limits) {
      limits = this.#access.access(archive.project, signal).then((access) => {
        const account = access.endpoints[region];
        if (account === undefined) {
          throw new SwiftError({
            status: 0,
            method: 'GET',
            path: '/info',
            reason: `no Swift endpoint for region ${region} in project ${archive.project}`,
          });
        }
        return readSwiftLimits(account, this.#fetch ?? ((input, init) => fetch(input, init)), signal);
      });
      this.#limits.set(cacheKey, limits);
      limits.catch(() => this.#limits.delete(cacheKey));
    }
    return limits;
  }

  /**
   * `POST /cloud/project/{sn}/storage` with `archive: true` (policy PCA). Without a project, the
   * credential's only one; several → ArchiveAddressError listing them (exit 2).
   */
  async createArchive(address: ArchiveAddress & { region?: string }, signal?: AbortSignal): Promise<Archive> {
    const name = validateArchiveName(address.name);
    if (address.region === undefined)
      throw new ValidationError('region', 'A Cloud Archive container needs a region');
    const region = parseArchiveRegion(address.region);
    const project = address.project ?? (await onlyProject(this.#client, signal));
    const created = await this.#client.request<StorageContainerWire>(
      'POST',
      path`/cloud/project/${project}/storage`,
      { body: { archive: true, containerName: name, region }, signal },
    );
    return this.#toArchive(project, {
      ...created,
      name: created.name ?? name,
      region: created.region ?? region,
      archive: true,
      storedBytes: created.storedBytes ?? 0,
      storedObjects: created.storedObjects ?? 0,
    });
  }

  /** `DELETE …/storage/{id}`; a non-empty archive only with `recursive` (else OVH answers 409). */
  async deleteArchive(
    archive: Archive,
    options: { recursive?: boolean; signal?: AbortSignal } = {},
  ): Promise<void> {
    await this.#client.request<unknown>(
      'DELETE',
      path`/cloud/project/${archive.project}/storage/${archive.id}`,
      {
        query: options.recursive ? { recursive: true } : undefined,
        signal: options.signal,
      },
    );
  }

  /** The listed state of `keys`, from one listing over their common prefix. */
  async #currentObjects(
    archive: Archive,
    keys: readonly string[],
    signal?: AbortSignal,
  ): Promise<Map<string, ArchiveObject>> {
    if (keys.length === 0) return new Map();
    const listed = await this.#listSwift(archive, longestCommonPrefix(keys), signal);
    return new Map(listed.map((object) => [object.key, object]));
  }

  async #listSwift(
    archive: Archive,
    prefix: string | undefined,
    signal?: AbortSignal,
  ): Promise<ArchiveObject[]> {
    const entries = await listSwiftEntries(this.#swiftOf(archive), archive.name, prefix, signal);
    const nowMs = this.#now();
    return entries.map((entry) => this.#fromSwift(entry, nowMs));
  }

  async #listApi(
    archive: Archive,
    prefix: string | undefined,
    signal?: AbortSignal,
  ): Promise<ArchiveObject[]> {
    const detail = await this.#client.request<StorageContainerDetailWire>(
      'GET',
      path`/cloud/project/${archive.project}/storage/${archive.id}`,
      { query: { prefix: prefix || undefined }, signal },
    );
    const nowMs = this.#now();
    return detail.objects.map((wire) => this.#fromApi(wire, nowMs)).sort((a, b) => compareUtf8(a.key, b.key));
  }

  #swiftOf(archive: Archive): SwiftContainerClient {
    const region = archive.region ?? '';
    const cacheKey = `${archive.project}\u0000${region}`;
    let swift = this.#swift.get(cacheKey);
    if (!swift) {
      swift = new SwiftContainerClient({
        project: archive.project,
        region,
        access: this.#access,
        fetch: this.#fetch,
        now: this.#now,
      });
      this.#swift.set(cacheKey, swift);
    }
    return swift;
  }

  #toArchive(project: string, container: StorageContainerWire): Archive {
    return {
      product: 'cloud-archive',
      project,
      region: container.region.toUpperCase(),
      name: container.name,
      id: container.id,
      state: 'active',
      phase: 'open',
      objects: container.storedObjects,
      bytes: container.storedBytes,
    };
  }

  #fromSwift(entry: SwiftListedObject, nowMs: number): ArchiveObject {
    return this.#object(
      entry.name,
      entry.bytes,
      swiftListingDate(entry.last_modified),
      entry.policy_retrieval_state ?? 'unsealed',
      entry.policy_retrieval_delay ?? null,
      nowMs,
    );
  }

  #fromApi(wire: StorageObjectWire, nowMs: number): ArchiveObject {
    return this.#object(
      wire.name,
      wire.size,
      toIsoDate(wire.lastModified),
      wire.retrievalState,
      wire.retrievalDelay,
      nowMs,
    );
  }

  #object(
    key: string,
    bytes: number,
    lastModified: string,
    state: string,
    delaySeconds: number | null,
    nowMs: number,
  ): ArchiveObject {
    const unsealing = state === 'unsealing' && typeof delaySeconds === 'number';
    return {
      key,
      label: null,
      bytes,
      lastModified,
      state,
      phase: cloudArchiveObjectPhase(state),
      readyAt: unsealing ? new Date(nowMs + delaySeconds * 1000).toISOString() : null,
      // Neither the listing nor the HEAD says when an unsealed object is sealed again.
      retrievableUntil: null,
    };
  }
}

function archiveLabel(archive: Archive): string {
  return `${archive.project}/${archive.region}/${archive.name}`;
}

/** 403 on API v1's access route (not a Swift 403, which means a wrong project). */
function isApiAccessRefusal(error: unknown): boolean {
  return (error as { name?: unknown })?.name !== 'SwiftError';
}

const encoder = new TextEncoder();

/** Swift's own order: UTF-8 bytes. */
function compareUtf8(a: string, b: string): number {
  const [x, y] = [encoder.encode(a), encoder.encode(b)];
  for (let index = 0; index < Math.min(x.length, y.length); index += 1) {
    if (x[index] !== y[index]) return x[index]! - y[index]!;
  }
  return x.length - y.length;
}
