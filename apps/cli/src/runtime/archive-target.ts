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
  // A full address narrows the listing to its project and region (a 2-part one may be a legacy
  // PASSPORT/SERVICE, so it lists everything).
  const hints =
    address.project !== undefined && address.region !== undefined
      ? { project: address.project, region: address.region }
      : {};
  const archive = resolveArchiveAddress(
    address,
    await archives.listArchives({ ...hints, signal: context.signal }),
  );
  return { archive, backend: archives.backend(archive.product) };
}
