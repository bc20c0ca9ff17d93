import {
  type Archive,
  type ArchiveBackend,
  type ArchiveObject,
  type ObjectPrunePlan,
  validateObjectKey,
  validateObjectPrefix,
} from '@ovh-pca/core';
import type { ArchiveRef, ArchiveRow } from '../../shared/ipc-types.js';
import { DesktopError } from '../ipc/desktop-error.js';
import type { IpcHandlers } from '../ipc/ipc-dispatcher.js';
import type { Connection, ProfileSessions } from '../services/profile-sessions.js';
import type { RetrievalWatcher } from '../services/retrieval-watcher.js';
import { KeptPlans } from './kept-plans.js';
import { lifecycleSteps } from './lifecycle-steps.js';

type CatalogChannels =
  | 'archives:list'
  | 'archives:listObjects'
  | 'archives:retrieve'
  | 'archives:previewPrune'
  | 'archives:prune';

/** A listing row; `serverNowMs` (the server's clock) decides which lifecycle steps are refused now. */
export function toRow(connection: Connection, archive: Archive, serverNowMs: number): ArchiveRow {
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
    lockedUntil: archive.lockedUntil ?? null,
    restoredUntil: archive.restoredUntil ?? null,
    steps: lifecycleSteps(archive, backend.lifecycle !== undefined, serverNowMs),
  };
}

/** The local clock corrected by the offset the client measured (as core's rules use it). */
export async function serverNow(connection: Connection): Promise<number> {
  return Date.now() + (await connection.client.getTimeOffset()) * 1000;
}

/** The archive a reference names, found again in main's own listing (never trusted as given). */
export async function findArchive(connection: Connection, ref: ArchiveRef): Promise<Archive> {
  // Only the product, project and region named, without counts (legacy: no sessions or usage read).
  const archives = await connection.archives.listArchives({
    product: ref.product,
    project: ref.project,
    ...(ref.region !== null && { region: ref.region }),
    counts: false,
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
  // The plans the user was shown: prune executes one of these and nothing the renderer wrote.
  const plans = new KeptPlans<{ profileName: string; archive: Archive; plan: ObjectPrunePlan }>();
  return {
    'archives:list': async ({ product, region }) => {
      const connection = await sessions.connection();
      const archives = await connection.archives.listArchives({
        ...(product !== undefined && { product }),
        ...(region !== undefined && { region }),
      });
      const now = await serverNow(connection);
      return archives.map((archive) => toRow(connection, archive, now));
    },
    'archives:listObjects': async ({ archive: ref, prefix }) => {
      const connection = await sessions.connection();
      const archive = await findArchive(connection, ref);
      const backend = connection.archives.backend(archive.product);
      return backend.listObjects(archive, prefix ? { prefix: validateObjectPrefix(prefix) } : {});
    },
    'archives:retrieve': async ({ archive: ref, keys, prefix, days }) => {
      const connection = await sessions.connection();
      const archive = await findArchive(connection, ref);
      const backend = connection.archives.backend(archive.product);
      if (!backend.retrieveObjects) {
        throw new DesktopError('badArguments', `${archive.product} archives cannot be retrieved`, 'archive');
      }
      const wanted = await objectsToRetrieve(backend, archive, keys, prefix);
      const objects: ArchiveObject[] =
        wanted.length === 0
          ? []
          : await backend.retrieveObjects(archive, wanted, days === undefined ? {} : { days });
      const retrievalId = retrievals.watch(connection.profile.name, backend, archive, objects);
      return { retrievalId, objects };
    },
    'archives:previewPrune': async ({ archive: ref, olderThanSeconds, keepNewest, prefix }) => {
      const connection = await sessions.connection();
      const archive = await findArchive(connection, ref);
      const backend = connection.archives.backend(archive.product);
      if (!backend.planPrune || !backend.executePrune) {
        throw new DesktopError(
          'badArguments',
          `${archive.product} archives have no retention here`,
          'archive',
        );
      }
      const plan = await backend.planPrune(archive, {
        olderThanSeconds,
        ...(keepNewest !== undefined && { keepNewest }),
        ...(prefix && { prefix: validateObjectPrefix(prefix) }),
      });
      const planId = plans.keep({ profileName: connection.profile.name, archive, plan });
      return {
        planId,
        archive: plan.archive,
        cutoff: plan.cutoff,
        serverTime: plan.serverTime,
        objects: plan.objects,
        deleteCount: plan.deleteCount,
        totalBytes: plan.totalBytes,
        skipped: plan.skipped.map((item) => ({ key: item.key, reason: item.reason })),
        recentCount: plan.recentCount,
        ...(plan.costs && { costs: plan.costs }),
      };
    },
    'archives:prune': async ({ planId }) => {
      const connection = await sessions.connection();
      const kept = plans.take(planId, connection.profile.name);
      const backend = connection.archives.backend(kept.archive.product);
      return backend.executePrune!(kept.archive, kept.plan);
    },
  };
}
