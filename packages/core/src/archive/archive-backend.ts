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
 * The methods of `retrieve`, `download` and `upload` are optional here and present exactly when the
 * capability is declared; those of `delete`, `prune` and `lifecycle` join this interface with the
 * commands that use them (issue 11 §3; legacy PCA offers them today through LegacyPcaModel).
 */
export interface ArchiveBackend {
  readonly product: ArchiveProduct;
  readonly capabilities: readonly ArchiveCapability[];
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
    options?: { signal?: AbortSignal },
  ): Promise<ArchiveObject[]>;
  /**
   * The current state of several objects, for the state waiter: a 404 as an error, a server's
   * delay as `retryAfterSeconds`.
   */
  readObjectStates?(
    archive: Archive,
    keys: readonly string[],
    signal?: AbortSignal,
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
  /** Creates an empty archive (products whose archives users create: Cloud Archive). */
  createArchive?(address: ArchiveAddress & { region: string }, signal?: AbortSignal): Promise<Archive>;
  /** Deletes an archive; a non-empty one only with `recursive` (with the `delete` capability). */
  deleteArchive?(archive: Archive, options?: { recursive?: boolean; signal?: AbortSignal }): Promise<void>;
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
}

/** Whether a backend declares a capability. */
export function hasCapability(backend: ArchiveBackend, capability: ArchiveCapability): boolean {
  return backend.capabilities.includes(capability);
}
