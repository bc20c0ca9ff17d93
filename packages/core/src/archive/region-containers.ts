import type { ArchiveApiClient } from './archive-client.js';
import type { Archive } from './archive-entities.js';
import { errorStatus } from './archive-error-info.js';
import { mapBounded } from './bounded-map.js';
import { listPublicCloudProjects } from './public-cloud-projects.js';
import { isTransientFailure } from './transient-failure.js';

/** Projects (and their container lists) read at once. */
const PROJECT_CONCURRENCY = 4;
/** A DELETE whose answer was lost is sent again at most this many times in all. */
const DELETE_ATTEMPTS = 3;

/**
 * The archives of every project in some regions, from one API v1 list route per project and
 * region (`…/region/{r}/coldArchive`, `…/region/{r}/storage`): 1 + projects × regions requests,
 * 4 at once. A 404 (a project without the region, an API without the route) lists nothing there.
 */
export async function listRegionContainers<Wire>(
  client: ArchiveApiClient,
  options: {
    regions: readonly string[];
    route: (project: string, region: string) => string;
    toArchive: (project: string, region: string, wire: Wire) => Archive;
    project?: string;
    signal?: AbortSignal;
  },
): Promise<Archive[]> {
  if (options.regions.length === 0) return [];
  const projects = await listPublicCloudProjects(client, options.signal, options.project);
  const pairs = projects.flatMap((project) => options.regions.map((region) => ({ project, region })));
  const lists = await mapBounded(pairs, PROJECT_CONCURRENCY, async ({ project, region }) => {
    try {
      const wires = await client.request<Wire[]>('GET', options.route(project, region), {
        signal: options.signal,
      });
      return wires.map((wire) => options.toArchive(project, region, wire));
    } catch (error) {
      if (errorStatus(error) === 404) return [];
      throw error;
    }
  });
  return lists.flat();
}

/**
 * A DELETE that may be sent again after a failure the server may have acted on (5xx, 429, a
 * drop): a 404 after such a failure means the first one went through.
 */
export async function deleteOnce(
  client: ArchiveApiClient,
  target: string,
  signal?: AbortSignal,
): Promise<void> {
  await sendDelete(client, target, { signal, absent: 'throw' });
}

/** A DELETE sent again after a lost answer (client retries off, so its 404 is seen here). */
export const PRUNE_DELETE_ATTEMPTS = 6;

/**
 * One object's DELETE for a prune: `gone` when the first answer is a 404 (absent before this call),
 * `deleted` otherwise, a 404 after a lost answer included (counted once, never sent again).
 */
export async function removeOnce(
  client: ArchiveApiClient,
  target: string,
  signal?: AbortSignal,
): Promise<'deleted' | 'gone'> {
  return sendDelete(client, target, {
    signal,
    absent: 'gone',
    attempts: PRUNE_DELETE_ATTEMPTS,
    idempotent: false,
  });
}

async function sendDelete(
  client: ArchiveApiClient,
  target: string,
  options: { signal?: AbortSignal; absent: 'throw' | 'gone'; attempts?: number; idempotent?: boolean },
): Promise<'deleted' | 'gone'> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await client.request<unknown>('DELETE', target, {
        signal: options.signal,
        ...(options.idempotent === false && { idempotent: false }),
      });
      return 'deleted';
    } catch (error) {
      if (errorStatus(error) === 404 && attempt > 1) return 'deleted';
      if (errorStatus(error) === 404 && options.absent === 'gone') return 'gone';
      if (!isTransientFailure(error) || attempt >= (options.attempts ?? DELETE_ATTEMPTS)) throw error;
    }
  }
}
