import type { Archive } from '@ovh-pca/core';

export interface TransferStepOptions {
  signal: AbortSignal;
  /** Bytes moved since the last call (for progress). */
  onBytes(bytes: number): void;
}

/**
 * Moves one object's bytes between an archive and a local file, in main. The transfer service
 * (transfer-service.ts) drives these one object at a time; each product's implementation streams,
 * writes a download under a `.part` name until it is whole, and never lets a token leave main.
 */
export interface ObjectTransfers {
  /** Writes the object to `destination` (its parent folder exists). */
  download(archive: Archive, key: string, destination: string, options: TransferStepOptions): Promise<void>;
  /** Stores the file at `source` as `key`. */
  upload(archive: Archive, source: string, key: string, options: TransferStepOptions): Promise<void>;
}
