import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { validateObjectKey } from '@ovh-pca/core';
import { collectUploadSources } from '@ovh-pca/platform-node';
import { DesktopError } from '../ipc/desktop-error.js';
import type { IpcHandlers } from '../ipc/ipc-dispatcher.js';
import type { ProfileSessions } from '../services/profile-sessions.js';
import { backendTransfers } from '../transfers/backend-transfers.js';
import type { DialogGrants } from '../transfers/dialog-grants.js';
import type { DialogPort } from '../transfers/dialog-port.js';
import type { TransferService } from '../transfers/transfer-service.js';
import { findArchive } from './catalog-handlers.js';

type TransferChannels =
  | 'transfers:chooseFolder'
  | 'transfers:chooseFiles'
  | 'transfers:download'
  | 'transfers:upload'
  | 'transfers:cancel';

export interface TransferHandlerDeps {
  sessions: ProfileSessions;
  dialogs: DialogPort;
  grants: DialogGrants;
  transfers: TransferService;
}

/** The active profile's archive, and the product's transfers (refused when it has none). */
async function transferTarget(sessions: ProfileSessions, ref: Parameters<typeof findArchive>[1]) {
  const connection = await sessions.connection();
  const archive = await findArchive(connection, ref);
  const transfers = backendTransfers(connection.archives.backend(archive.product));
  if (!transfers) {
    throw new DesktopError('badArguments', `${archive.product} archives do not move files here`, 'archive');
  }
  return { connection, archive, job: { profileName: connection.profile.name, archive, transfers } };
}

export function createTransferHandlers(deps: TransferHandlerDeps): Pick<IpcHandlers, TransferChannels> {
  const { sessions, dialogs, grants, transfers } = deps;
  return {
    'transfers:chooseFolder': async () => {
      const path = await dialogs.chooseFolder();
      return path === null ? null : { handle: grants.grantFolder(path), path };
    },
    'transfers:chooseFiles': async () => {
      const paths = await dialogs.chooseFiles();
      if (!paths || paths.length === 0) return null;
      const files = await Promise.all(
        paths.map(async (path) => ({ name: basename(path), bytes: (await stat(path)).size })),
      );
      return { handle: grants.grantFiles(paths), files };
    },
    'transfers:download': async ({ archive: ref, keys, folder }) => {
      const path = grants.folder(folder);
      const { connection, archive, job } = await transferTarget(sessions, ref);
      const wanted = new Set(keys.map((key) => validateObjectKey(key)));
      const listed = await connection.archives.backend(archive.product).listObjects(archive);
      const objects = listed.filter((object) => wanted.has(object.key));
      const missing = [...wanted].filter((key) => !objects.some((object) => object.key === key));
      if (missing.length > 0) {
        throw new DesktopError(
          'notFound',
          `Not in ${archive.name}: ${missing.slice(0, 5).join(', ')}`,
          'keys',
        );
      }
      const sealed = objects.filter((object) => object.phase !== 'online');
      if (sealed.length > 0) {
        const first = sealed[0]!;
        throw new DesktopError(
          'objectSealed',
          `${sealed.length} of the objects must be retrieved first (${first.key}: ${first.state}${first.readyAt ? `, ready at ${first.readyAt}` : ''})`,
          'keys',
        );
      }
      return { transferId: transfers.download(job, objects, path) };
    },
    'transfers:upload': async ({ archive: ref, files, prefix }) => {
      // Keys are made and checked (prefix + file name) before anything is sent.
      const sources = await collectUploadSources(grants.files(files), prefix ? { prefix } : {});
      const { job } = await transferTarget(sessions, ref);
      return { transferId: transfers.upload(job, sources) };
    },
    'transfers:cancel': async ({ transferId }) => {
      transfers.cancel(transferId);
      return null;
    },
  };
}
