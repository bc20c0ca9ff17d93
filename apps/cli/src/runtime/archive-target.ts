import type { Archive, ArchiveAddress, ArchiveBackend } from '@ovh-pca/core';
import type { CommandContext } from './command-context.js';

/** One archive named on the command line and the backend of its product. */
export interface ArchiveTarget {
  archive: Archive;
  backend: ArchiveBackend;
}

/**
 * Resolves an address already parsed (so bad input was refused before anything was sent) against
 * every archive of every product; none or several → ArchiveAddressError (exit 2, candidates).
 */
export async function openArchive(context: CommandContext, address: ArchiveAddress): Promise<ArchiveTarget> {
  const { resolveArchiveAddress } = await import('@ovh-pca/core');
  const { archives } = await context.connect();
  const archive = resolveArchiveAddress(address, await archives.listArchives({ signal: context.signal }));
  return { archive, backend: archives.backend(archive.product) };
}
