import {
  type Archive,
  type ArchiveBackend,
  type ArchiveObject,
  validateObjectKey,
  validateObjectPrefix,
} from '@ovh-pca/core';
import type { ArchiveRef, ArchiveRow } from '../../shared/ipc-types.js';
import { DesktopError } from '../ipc/desktop-error.js';
import type { IpcHandlers } from '../ipc/ipc-dispatcher.js';
import type { Connection, ProfileSessions } from '../services/profile-sessions.js';
import type { RetrievalWatcher } from '../services/retrieval-watcher.js';

type CatalogChannels = 'archives:list' | 'archives:listObjects' | 'archives:retrieve';

function toRow(connection: Connection, archive: Archive): ArchiveRow {
  const backend = connection.archives.backend(archive.product);
  return {
    product: archive.product,
    project: archive.project,
    region: archive.region,
    name: archive.name,
    state: archive.state,
    phase: archive.phase,
    objects: archive.objects,
    bytes: archive.bytes,
    capabilities: [...backend.capabilities],
  };
}

/** The archive a reference names, found again in main's own listing (never trusted as given). */
export async function findArchive(connection: Connection, ref: ArchiveRef): Promise<Archive> {
  const archives = await connection.archives.listArchives({
    product: ref.product,
    ...(ref.region !== null && { region: ref.region }),
  });
  const found = archives.find(
    (archive) =>
      archive.project === ref.project && archive.region === ref.region && archive.name === ref.name,
  );
  if (!found) {
    throw new DesktopError('notFound', `No ${ref.product} archive ${ref.name} here (any more)`, 'archive');
  }
  return found;
}

/** Keys named, or every key under a prefix (checked as the CLI checks them: nothing sent when bad). */
async function objectsToRetrieve(
  backend: ArchiveBackend,
  archive: Archive,
  keys: readonly string[] | undefined,
  prefix: string | undefined,
): Promise<string[]> {
  if (keys !== undefined && keys.length > 0) return keys.map((key) => validateObjectKey(key));
  if (prefix === undefined) throw new DesktopError('badArguments', 'Select objects or give a prefix', 'keys');
  const listed = await backend.listObjects(archive, { prefix: validateObjectPrefix(prefix) });
  return listed.filter((object) => object.phase === 'offline').map((object) => object.key);
}

export function createCatalogHandlers(
  sessions: ProfileSessions,
  retrievals: RetrievalWatcher,
): Pick<IpcHandlers, CatalogChannels> {
  return {
    'archives:list': async ({ product, region }) => {
      const connection = await sessions.connection();
      const archives = await connection.archives.listArchives({
        ...(product !== undefined && { product }),
        ...(region !== undefined && { region }),
      });
      return archives.map((archive) => toRow(connection, archive));
    },
    'archives:listObjects': async ({ archive: ref, prefix }) => {
      const connection = await sessions.connection();
      const archive = await findArchive(connection, ref);
      const backend = connection.archives.backend(archive.product);
      return backend.listObjects(archive, prefix ? { prefix: validateObjectPrefix(prefix) } : {});
    },
    'archives:retrieve': async ({ archive: ref, keys, prefix }) => {
      const connection = await sessions.connection();
      const archive = await findArchive(connection, ref);
      const backend = connection.archives.backend(archive.product);
      if (!backend.retrieveObjects) {
        throw new DesktopError('badArguments', `${archive.product} archives cannot be retrieved`, 'archive');
      }
      const wanted = await objectsToRetrieve(backend, archive, keys, prefix);
      const objects: ArchiveObject[] =
        wanted.length === 0 ? [] : await backend.retrieveObjects(archive, wanted);
      const retrievalId = retrievals.watch(connection.profile.name, backend, archive, objects);
      return { retrievalId, objects };
    },
  };
}
