import type { ArchiveBackend, ListArchivesOptions, ListObjectsOptions } from '../archive-backend.js';
import type { Archive, ArchiveObject } from '../archive-entities.js';
import { mapBounded } from '../bounded-map.js';
import type { WaitReading } from '../state-waiter.js';
import type { LegacyPcaBackendPort } from './legacy-pca-backend-port.js';
import type { LegacyPcaModel } from './legacy-pca-model.js';
import { legacySessionObjectPhase } from './legacy-pca-phases.js';
import type { ArchiveService, ArchiveSession } from './legacy-pca-types.js';

/** What a passport looks like (32 hex): the only "region" a legacy address can name. */
const PASSPORT = /^[0-9A-F]{32}$/i;
/** Restores started at once at most. */
const RETRIEVE_CONCURRENCY = 4;

/** A legacy session as a product-neutral object: the key is its id, the label its name. */
export function sessionAsObject(session: ArchiveSession): ArchiveObject {
  return {
    key: session.id,
    label: session.name,
    bytes: session.size,
    lastModified: session.endDate ?? session.startDate,
    state: session.state,
    phase: legacySessionObjectPhase(session.phase),
    readyAt: null,
    retrievableUntil: null,
  };
}

/**
 * Legacy Public Cloud Archive as one product among others: each PCA service is an archive (project
 * = its passport, no region), its sessions are the objects. Built over the same sessions model the
 * `sessions …` commands use, so discovery is shared and cached once.
 */
export class LegacyPcaArchiveBackend implements ArchiveBackend {
  readonly product = 'legacy-pca' as const;
  readonly capabilities = ['list', 'retrieve', 'delete', 'prune'] as const;
  readonly #model: LegacyPcaModel;
  readonly #routes: LegacyPcaBackendPort;

  constructor(options: { model: LegacyPcaModel; backend: LegacyPcaBackendPort }) {
    this.#model = options.model;
    this.#routes = options.backend;
  }

  /**
   * Every PCA service of every passport, whatever the pin: 2 requests per service (ids, usage), none
   * with `counts: false`. A region is a passport here (`PASSPORT/NAME`, the old `--service` form):
   * any other region lists nothing, at no cost.
   */
  async listArchives(options: ListArchivesOptions = {}): Promise<Archive[]> {
    if (options.region !== undefined && !PASSPORT.test(options.region)) return [];
    const services = (await this.#model.listServices({ signal: options.signal })).filter(
      (service) => options.region === undefined || service.passport.toUpperCase() === options.region,
    );
    if (options.counts === false) return services.map((service) => toArchive(service, null, null));
    return Promise.all(services.map((service) => this.#describe(service, options.signal)));
  }

  async listObjects(archive: Archive, options: ListObjectsOptions = {}): Promise<ArchiveObject[]> {
    const sessions = await this.#model.listSessions({ service: archive.id, signal: options.signal });
    return sessions
      .map(sessionAsObject)
      .filter((object) => options.prefix === undefined || object.key.startsWith(options.prefix))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** Restores each session (a whole-session restore) unless it is restoring already. */
  async retrieveObjects(
    archive: Archive,
    keys: readonly string[],
    options: { signal?: AbortSignal } = {},
  ): Promise<ArchiveObject[]> {
    const call = { service: archive.id, signal: options.signal };
    return mapBounded(keys, RETRIEVE_CONCURRENCY, async (key) => {
      const before = await this.#model.getSession(key, call);
      if (before.phase === 'restoring') return sessionAsObject(before);
      await this.#model.restoreSession(key, call);
      return sessionAsObject(await this.#model.getSession(key, call));
    });
  }

  async readObjectStates(
    archive: Archive,
    keys: readonly string[],
    signal?: AbortSignal,
  ): Promise<Array<WaitReading<ArchiveObject>>> {
    return mapBounded(keys, RETRIEVE_CONCURRENCY, async (key) => {
      try {
        return {
          id: key,
          value: sessionAsObject(await this.#model.getSession(key, { service: archive.id, signal })),
        };
      } catch (error) {
        return { id: key, error };
      }
    });
  }

  async #describe(service: ArchiveService, signal?: AbortSignal): Promise<Archive> {
    const [ids, bytes] = await Promise.all([
      this.#routes.listSessionIds(service, signal),
      this.#routes.getUsage(service, signal),
    ]);
    return toArchive(service, ids.length, bytes);
  }
}

function toArchive(service: ArchiveService, objects: number | null, bytes: number | null): Archive {
  return {
    product: 'legacy-pca',
    project: service.passport,
    region: null,
    name: service.serviceName,
    id: service.id,
    state: 'active',
    phase: 'open',
    objects,
    bytes,
  };
}
