import type { Archive, ArchiveAddress, ArchiveBackend } from '@ovh-pca/core';
import type { CommandContext } from './command-context.js';

/** One archive named on the command line and the backend of its product. */
export interface ArchiveTarget {
  archive: Archive;
  backend: ArchiveBackend;
}

/**
 * Resolves an address already parsed (so bad input was refused before anything was sent) against
 * the archives it can name: a region asks only the products that can have it (`PASSPORT/NAME` is a
 * legacy service), a project only that project, and no counts are read. None or several →
 * ArchiveAddressError (exit 2, candidates).
 */
export async function openArchive(context: CommandContext, address: ArchiveAddress): Promise<ArchiveTarget> {
  const { archives } = await context.connect();
  const archive = await archives.findArchive(address, { signal: context.signal });
  return { archive, backend: archives.backend(archive.product) };
}
