// Product-neutral retention (`objects prune`): what a plan shows before anything is deleted, and
// what a run did. Plain JSON, so a plan can cross IPC and `--json` as it is. Each product's
// backend builds the plan (buildObjectPrunePlan) and executes it (executeObjectPrune).
import type { ArchiveErrorInfo } from './archive-error-info.js';
import type { ArchiveProduct } from './archive-product.js';

export interface ObjectPruneOptions {
  /** Objects last modified longer ago than this many seconds (server clock) go. */
  olderThanSeconds: number;
  /** The N most recently modified objects in scope stay, however old. Default 0. */
  keepNewest?: number;
  /** Only keys starting with this prefix are in scope. */
  prefix?: string;
  signal?: AbortSignal;
}

/** Why an old-enough object stays. */
export type ObjectPruneSkipReason =
  /** One of the N newest. */
  | 'kept-newest'
  /** A segment a manifest that stays still needs (never deleted). */
  | 'referenced'
  /** In a state the product does not let go of (uploading, being deleted…). */
  | 'busy'
  /** Changed on the server since the plan was made (re-checked before deleting). */
  | 'changed'
  /** The run was stopped before its turn. */
  | 'cancelled';

/** Something deleted along with a planned object (a segment of a manifest), in its own archive. */
export interface ObjectPrunePart {
  /** The archive (container, bucket) holding it: the segments container for a Swift manifest. */
  archive: string;
  key: string;
  bytes: number;
}

/** One object a plan deletes, with what goes with it. */
export interface PlannedObjectDeletion {
  key: string;
  /** The object's own stored bytes (a manifest: 0; its segments are counted in `parts`). */
  bytes: number;
  lastModified: string | null;
  parts: ObjectPrunePart[];
}

export interface ObjectPruneSkipped {
  key: string;
  bytes: number;
  lastModified: string | null;
  reason: ObjectPruneSkipReason;
}

/** Everything a caller shows before deleting: exactly what goes, nothing else will. */
export interface ObjectPrunePlan {
  product: ArchiveProduct;
  /** The archive's address, `PROJECT/REGION/NAME` (legacy: `PASSPORT/NAME`). */
  archive: string;
  olderThanSeconds: number;
  keepNewest: number;
  prefix: string | null;
  /** The server's clock when the plan was made; ages are measured on it. */
  serverTime: string;
  clockOffsetSeconds: number;
  /** Objects last modified before this instant are old enough. */
  cutoff: string;
  /** Objects to delete, oldest first. */
  objects: PlannedObjectDeletion[];
  /** Everything deleted: the objects and their parts. */
  deleteCount: number;
  /** Bytes freed: the objects' own bytes and their parts'. */
  totalBytes: number;
  /** Old-enough objects that stay, with the reason. */
  skipped: ObjectPruneSkipped[];
  /** Objects in scope younger than the cutoff (not listed). */
  recentCount: number;
  /** What deleting the planned objects costs, where the product charges for it (a minimum storage). */
  costs?: string[];
}

export type ObjectPruneOutcome =
  /** Deleted by this run (a DELETE answered, or a repeat after a lost answer found it gone). */
  | 'deleted'
  /** Already gone before this run touched it. */
  | 'gone'
  | 'skipped'
  | 'failed';

export interface ObjectPruneItemResult {
  key: string;
  bytes: number;
  outcome: ObjectPruneOutcome;
  /** Parts deleted (or found gone) with it. */
  partsDeleted: number;
  reason?: ObjectPruneSkipReason;
  error?: ArchiveErrorInfo;
}

export interface ObjectPruneProgressEvent {
  result: ObjectPruneItemResult;
  completed: number;
  total: number;
}

export interface ExecuteObjectPruneOptions {
  /** Objects deleted at once. Default 8. */
  concurrency?: number;
  onProgress?: (event: ObjectPruneProgressEvent) => void;
  signal?: AbortSignal;
}

export interface ObjectPruneResult {
  /** One per planned object, in plan order. */
  results: ObjectPruneItemResult[];
  deletedCount: number;
  /** Bytes of the objects deleted and their parts. */
  deletedBytes: number;
  partsDeleted: number;
  goneCount: number;
  skippedCount: number;
  failedCount: number;
}
