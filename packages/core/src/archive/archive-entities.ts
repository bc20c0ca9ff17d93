// Product-neutral nouns: one archive and its objects, whatever product holds them. Plain JSON (they
// cross IPC and `--json` as they are): dates ISO 8601 in UTC, sizes exact byte counts.
import type { ArchiveProduct } from './archive-product.js';

/**
 * The shared reading of an archive's own state, for tables, filters and waits:
 * - `open`: objects can be written and read as the product allows (a Swift PCA container, a
 *   legacy PCA service, an S3 bucket, a Cold Archive bucket not archived yet);
 * - `archiving` → `offline` (on tape, listing only) ⇄ `retrieving` → `online` (restored copy);
 * - `deleting` → `empty` (flushed, can be removed);
 * - `busy`: a state this code does not know (never treated as final).
 */
export const ARCHIVE_PHASES = [
  'open',
  'archiving',
  'offline',
  'retrieving',
  'online',
  'deleting',
  'empty',
  'busy',
] as const;
export type ArchivePhase = (typeof ARCHIVE_PHASES)[number];

/**
 * The shared reading of an object's own state:
 * - `offline`: sealed / archived, must be retrieved before download;
 * - `retrieving`: unsealing / restoring, see `readyAt`;
 * - `online`: downloadable now (unsealed, restored, or never archived), see `retrievableUntil`;
 * - `uploading`, `deleting`, `failed`: legacy sessions on their way in, out, or broken;
 * - `busy`: a state this code does not know.
 */
export const ARCHIVE_OBJECT_PHASES = [
  'offline',
  'retrieving',
  'online',
  'uploading',
  'deleting',
  'failed',
  'busy',
] as const;
export type ArchiveObjectPhase = (typeof ARCHIVE_OBJECT_PHASES)[number];

/** One archive of one product: a legacy PCA service, a Swift PCA container, a bucket. */
export interface Archive {
  product: ArchiveProduct;
  /** The Public Cloud project (its serviceName); for legacy PCA, the passport. */
  project: string;
  /** The region, upper case (`GRA`, `RBX-ARCHIVE`); null where the product has none (legacy PCA). */
  region: string | null;
  name: string;
  /**
   * The backend's own handle for its routes: legacy `passport/pcaServiceName`, a Swift container
   * id. Opaque to everyone else.
   */
  id: string;
  /** The product's own state, as its API says it (`active`, `archived`, `restoring`, …). */
  state: string;
  phase: ArchivePhase;
  /** Objects held (legacy PCA: sessions); null when the product cannot tell without listing. */
  objects: number | null;
  /** Bytes stored; null when unknown. */
  bytes: number | null;
  /**
   * Until when the archive cannot be flushed or deleted (Cold Archive v1's write-once lock, ISO
   * UTC); null = no lock; absent where the product has no locks.
   */
  lockedUntil?: string | null;
  /**
   * When the restored copy disappears (Cold Archive v1 `automaticDeletionAt`: 30 days after the
   * restore, back to archived); null = none; absent where the product has none.
   */
  restoredUntil?: string | null;
}

/** One object of an archive: a Swift object, an S3 object, a legacy PCA session. */
export interface ArchiveObject {
  /** Unique in its archive: the object key (legacy PCA: the session id). */
  key: string;
  /** A name to show beside the key where the product has one (legacy PCA: the session name). */
  label: string | null;
  bytes: number;
  lastModified: string | null;
  /** The product's own state (`sealed`, `unsealing`, `unsealed`, `archived`, `restoring`, `done`…). */
  state: string;
  phase: ArchiveObjectPhase;
  /** When a retrieval in progress should be done; null when none is or the product cannot tell. */
  readyAt: string | null;
  /** Until when a retrieved copy stays downloadable; null when not retrieved or not said. */
  retrievableUntil: string | null;
}

/** Where an archive sits, as `PROJECT/REGION/NAME` (legacy PCA, without region: `PASSPORT/NAME`). */
export function formatArchiveAddress(archive: Pick<Archive, 'project' | 'region' | 'name'>): string {
  return archive.region === null
    ? `${archive.project}/${archive.name}`
    : `${archive.project}/${archive.region}/${archive.name}`;
}
