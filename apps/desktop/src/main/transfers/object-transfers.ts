import type { Archive, UploadSource } from '@ovh-pca/core';

export interface TransferStepOptions {
  signal: AbortSignal;
  /** Bytes moved since the last call (for progress). */
  onBytes(bytes: number): void;
}

/**
 * Moves one object's bytes between an archive and a local file, in main. The transfer service
 * (transfer-service.ts) drives these one object at a time; backend-transfers.ts implements them
 * over any backend with the `download` / `upload` capabilities, so no token leaves main.
 */
export interface ObjectTransfers {
  /** Writes the object to `destination` (under a `.part` name until it is whole and checked). */
  download(archive: Archive, key: string, destination: string, options: TransferStepOptions): Promise<void>;
  /** Stores one local file (its key set by the source). */
  upload(archive: Archive, source: UploadSource, options: TransferStepOptions): Promise<void>;
}
