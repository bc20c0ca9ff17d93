import type { ArchiveAddress } from './archive-address.js';
import type { Archive, ArchiveObject } from './archive-entities.js';
import type { ArchiveCapability, ArchiveProduct } from './archive-product.js';
import type { UploadedObject, UploadOptions, UploadSource } from './archive-upload.js';
import type { DownloadSource } from './object-download.js';
import type {
  ExecuteObjectPruneOptions,
  ObjectPruneOptions,
  ObjectPrunePlan,
  ObjectPruneResult,
} from './object-prune-types.js';
import type { WaitReading } from './state-waiter.js';

export interface ListArchivesOptions {
  /** Only this region (upper case): a hint a backend may use to ask less; the catalog filters. */
  region?: string;
  /** Only this Public Cloud project: a hint (the address named it) that saves listing the others. */
  project?: string;
  /**
   * `false` when only the addresses matter (resolving a name): a backend whose counts cost extra
   * requests (legacy PCA: sessions and usage per service) leaves `objects` and `bytes` null.
   */
  counts?: boolean;
  signal?: AbortSignal;
}

export interface ListObjectsOptions {
  /** Only keys starting with this prefix. */
  prefix?: string;
  signal?: AbortSignal;
}

/**
 * One archive product, as the product-neutral commands and screens see it. Each composition root
 * (the CLI's connection, the desktop main's profile session) builds the backends it offers and
 * hands them to an ArchiveCatalog; nothing else constructs one.
 *
 * `capabilities` says what the product really does; a caller checks it before offering an action.
 * The methods of `retrieve`, `download`, `upload` and `prune` are optional here and present exactly
 * when the capability is declared; those of `delete` and `lifecycle` join this interface with the
 * commands that use them (issue 11 §3; legacy PCA offers them today through LegacyPcaModel).
 */
export interface ArchiveBackend {
  readonly product: ArchiveProduct;
  readonly capabilities: readonly ArchiveCapability[];
  /**
   * True for a region that holds this product's archives and no other product's (Cold Archive v1's
   * `…-ARCHIVE` regions, Cold Archive v2's 3-AZ EU-WEST-PAR where Public Cloud has no Swift): an
   * address in it asks only the products that own it. Absent: the product owns no region alone.
   */
  ownsRegion?(region: string): boolean;
  /** Every archive of this product the credential can see, with counts and bytes. */
  listArchives(options?: ListArchivesOptions): Promise<Archive[]>;
  /** The objects of one archive (one the listing returned), ordered by key. */
  listObjects(archive: Archive, options?: ListObjectsOptions): Promise<ArchiveObject[]>;
  /**
   * Starts retrieving these objects (unseal, restore); answers each one's state just after. Objects
   * already online, or already retrieving, are left as they are.
   */
  retrieveObjects?(
    archive: Archive,
    keys: readonly string[],
    options?: RetrieveOptions,
  ): Promise<ArchiveObject[]>;
  /**
   * The current state of several objects, for the state waiter: a 404 as an error, a server's
   * delay as `retryAfterSeconds`.
   */
  readObjectStates?(
    archive: Archive,
    keys: readonly string[],
    signal?: AbortSignal,
    /** The retrieval being followed (v2: `days`), so an object whose request was lost is asked again. */
    options?: { days?: number },
  ): Promise<Array<WaitReading<ArchiveObject>>>;
  /**
   * What a retention run would delete (with the `prune` capability): objects last modified before
   * `olderThan` on the server's clock, the newest `keepNewest` kept, and what goes with each
   * (a manifest's segments). Sends nothing destructive.
   */
  planPrune?(archive: Archive, options: ObjectPruneOptions): Promise<ObjectPrunePlan>;
  /** Deletes exactly what the plan lists, each thing once. */
  executePrune?(
    archive: Archive,
    plan: ObjectPrunePlan,
    options?: ExecuteObjectPruneOptions,
  ): Promise<ObjectPruneResult>;
  /**
   * Describes one object for a download (size, ETag, what can be verified) and hands out its byte
   * ranges; with the `download` capability. An object not readable now (sealed, restoring) rejects
   * with ObjectNotReadyError, carrying when it should be (asking may start its retrieval, as the
   * product's own GET does).
   */
  openDownload?(archive: Archive, key: string, options?: { signal?: AbortSignal }): Promise<DownloadSource>;
  /**
   * Creates an empty archive. Cloud Archive needs a region; Cold Archive v1 and v2 have their own
   * (RBX-ARCHIVE, EU-WEST-PAR) when none is given.
   */
  createArchive?(address: ArchiveAddress & { region?: string }, signal?: AbortSignal): Promise<Archive>;
  /** Deletes an archive; a non-empty one only with `recursive` (with the `delete` capability). */
  deleteArchive?(
    archive: Archive,
    options?: { recursive?: boolean; signal?: AbortSignal; plan?: DeletePlan },
  ): Promise<void>;
  /**
   * Uploads files into an archive (with the `upload` capability): what the archive already holds
   * is not sent again, an interrupted upload goes on where it stopped. One result per source, in
   * order; a source that fails does not stop the others.
   */
  uploadObjects?(
    archive: Archive,
    sources: readonly UploadSource[],
    options?: UploadOptions,
  ): Promise<UploadedObject[]>;
  /**
   * What a deletion would do, checked against the archive's state before anything is sent: a
   * refusal (LifecycleRefusedError, exit 2) when the server would refuse it (Cold Archive v1 before
   * flushed), else the objects that go with it. Products without such rules leave it out.
   */
  planDelete?(archive: Archive, options?: { recursive?: boolean; signal?: AbortSignal }): Promise<DeletePlan>;
  // deleteArchive with the `plan` shown deletes exactly its objects, never one listed later.
  /** Archive-level lifecycle (the `lifecycle` capability: Cold Archive v1). */
  readonly lifecycle?: ArchiveLifecycle;
  /** The storage classes `uploadObjects` takes (`options.storageClass`); absent: none can be chosen. */
  readonly uploadStorageClasses?: readonly string[];
}

export interface RetrieveOptions {
  /** Days a restored copy stays readable (Cold Archive v2: required). */
  days?: number;
  signal?: AbortSignal;
}

/** What `archives delete` will remove. */
export interface DeletePlan {
  archive: Archive;
  /** Objects deleted with it (recursive), in key order; empty otherwise. */
  objects: ArchiveObject[];
}

export const LIFECYCLE_ACTIONS = ['archive', 'restore', 'destroy'] as const;
/** `archive` (to tape, optionally locked), `restore` (a readable copy), `destroy` (flush from tape). */
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

/** What a lifecycle step will do and cost, shown before asking (plain JSON). */
export interface LifecyclePreview {
  action: LifecycleAction;
  archive: Archive;
  /** Days of the write-once lock asked for (archive), if any. */
  lockDays: number | null;
  /** The lock end this step sets (server clock), if any. */
  lockedUntil: string | null;
  /** The server's time when planned (the local clock corrected by the measured offset). */
  serverTime: string;
  /** True when only the lock is extended (archive of an archived/restored bucket). */
  lockOnly: boolean;
  /** What it does, one sentence each. */
  effects: string[];
  /** What it costs or commits to, from the reference (180-day minimum, 30-day copy, lock). */
  costs: string[];
  /** The state the archive settles in once the step is over. */
  settlesIn: string;
}

/**
 * The archive-level lifecycle of a product whose archives move as a whole (Cold Archive v1):
 * `plan` checks the step against the archive's current state and the server clock and throws
 * LifecycleRefusedError (a ValidationError: exit 2, nothing sent) with the reason or the date when
 * the server would refuse it; `run` sends it once (a failure is followed by a re-read, never a
 * blind second request); `read` re-reads the archive for waits.
 */
export interface ArchiveLifecycle {
  plan(
    archive: Archive,
    action: LifecycleAction,
    options?: { lockDays?: number; signal?: AbortSignal },
  ): Promise<LifecyclePreview>;
  run(preview: LifecyclePreview, signal?: AbortSignal): Promise<Archive>;
  read(archive: Archive, signal?: AbortSignal): Promise<Archive>;
}

/** Whether a backend declares a capability. */
export function hasCapability(backend: ArchiveBackend, capability: ArchiveCapability): boolean {
  return backend.capabilities.includes(capability);
}
