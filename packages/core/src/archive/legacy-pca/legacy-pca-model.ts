import { errorStatus } from '../archive-error-info.js';
import { ArchiveNotFoundError, ValidationError } from '../archive-errors.js';
import { dateMs } from '../iso-date.js';
import { parseAge } from '../parse-age.js';
import { latestSession } from './latest-session.js';
import type { LegacyPcaBackendPort } from './legacy-pca-backend-port.js';
import { parseFileId, parseServiceId, parseSessionId, parseTaskId } from './legacy-pca-ids.js';
import type {
  ArchiveCallOptions,
  ListFilesOptions,
  ListSessionsOptions,
  ListTasksOptions,
} from './legacy-pca-query-types.js';
import type {
  ArchiveFile,
  ArchiveRenameResult,
  ArchiveService,
  ArchiveSession,
  ArchiveTask,
  ArchiveUsage,
} from './legacy-pca-types.js';
import { executePrunePlan } from './prune-executor.js';
import { buildPrunePlan, parseKeepNewest } from './prune-planner.js';
import type { ExecutePruneOptions, PrunePlan, PrunePlanOptions, PruneResult } from './prune-types.js';
import { validateSessionName } from './session-name.js';
import { validateTaskFilter } from './task-filter.js';
import type { ArchiveTaskRef, WaitForTasksOptions } from './task-wait-types.js';
import { waitForArchiveTasks } from './task-waiter.js';

export interface LegacyPcaModelOptions {
  /** The legacy routes, injected by the composition root: `new LegacyPcaBackend(client)`. */
  backend: LegacyPcaBackendPort;
  /** Pin one service, `passport/pcaServiceName`; its format is checked at once, its existence on first use. */
  service?: string;
  /** The local clock in ms; must be the one the client measures its offset against. Default Date.now. */
  now?: () => number;
}

function byStartDate(a: ArchiveSession, b: ArchiveSession): number {
  return (dateMs(a.startDate) || 0) - (dateMs(b.startDate) || 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function byTodoDate(a: ArchiveTask, b: ArchiveTask): number {
  return (dateMs(a.todoDate) || 0) - (dateMs(b.todoDate) || 0) || Number(a.id) - Number(b.id);
}

/**
 * The legacy PCA sessions model: discovery of PCA services, sessions, files, tasks, usage, rename,
 * delete, restore, task waiting and retention. One instance per command or window: discovery is
 * cached for its lifetime. Everything returned is plain JSON.
 *
 * Scope of a call: its `service` option, else the pinned service, else every service of every
 * passport. Actions on one session go only to the service holding it.
 */
export class LegacyPcaModel {
  readonly #backend: LegacyPcaBackendPort;
  readonly #pinned: string | undefined;
  readonly #now: () => number;
  #services: Promise<ArchiveService[]> | undefined;
  readonly #servicesByPassport = new Map<string, Promise<ArchiveService[]>>();
  /** Where each session seen so far lives: spares probing the services for it. */
  readonly #sessionHome = new Map<string, string>();

  constructor(options: LegacyPcaModelOptions) {
    this.#backend = options.backend;
    this.#now = options.now ?? Date.now;
    if (options.service !== undefined) {
      const { passport, serviceName } = parseServiceId(options.service);
      this.#pinned = `${passport}/${serviceName}`;
    }
  }

  /** The pinned service id, if any. */
  get pinnedServiceId(): string | undefined {
    return this.#pinned;
  }

  /** Every archive service of the account (all passports), whatever the pin. Cached. */
  async listServices(options: { signal?: AbortSignal } = {}): Promise<ArchiveService[]> {
    if (!this.#services) {
      const discovery = this.#discover(options.signal);
      this.#services = discovery;
      // A failed discovery is not cached: the next call tries again.
      discovery.catch(() => {
        if (this.#services === discovery) this.#services = undefined;
      });
    }
    return (await this.#services).map((service) => ({ ...service }));
  }

  /** Sessions with full details of the services in scope, ordered by startDate (oldest first). */
  async listSessions(options: ListSessionsOptions = {}): Promise<ArchiveSession[]> {
    const services = await this.#scope(options.service, options.signal);
    return this.#listSessionsOf(services, options);
  }

  /** One session, from the service that holds it. */
  async getSession(sessionId: string, options: ArchiveCallOptions = {}): Promise<ArchiveSession> {
    const id = parseSessionId(sessionId);
    const found = await this.#locateSession(id, options);
    return found.session ?? this.#remember(await this.#backend.getSession(found.service, id, options.signal));
  }

  /** The most recent session by startDate, or null when there is none. */
  async getLastSession(options: ArchiveCallOptions = {}): Promise<ArchiveSession | null> {
    return latestSession(await this.listSessions(options));
  }

  /** Files with full details, ordered by name. */
  async listFiles(sessionId: string, options: ListFilesOptions = {}): Promise<ArchiveFile[]> {
    const id = parseSessionId(sessionId);
    const { service } = await this.#locateSession(id, options);
    const files = await this.#backend.listFiles(service, id, { name: options.name, signal: options.signal });
    return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
  }

  async getFile(sessionId: string, fileId: string, options: ArchiveCallOptions = {}): Promise<ArchiveFile> {
    const id = parseSessionId(sessionId);
    const file = parseFileId(fileId);
    const { service } = await this.#locateSession(id, options);
    return this.#backend.getFile(service, id, file, options.signal);
  }

  /** Tasks of the services in scope matching the filters, ordered by todoDate. */
  async listTasks(options: ListTasksOptions = {}): Promise<ArchiveTask[]> {
    const filter = validateTaskFilter(options);
    const services = await this.#scope(options.service, options.signal);
    const lists = await Promise.all(services.map((service) => this.#backend.listTasks(service, filter)));
    return lists.flat().sort(byTodoDate);
  }

  /** One task; when several services are in scope, the first that knows the id answers. */
  async getTask(taskId: string, options: ArchiveCallOptions = {}): Promise<ArchiveTask> {
    const id = parseTaskId(taskId);
    const services = await this.#scope(options.service, options.signal);
    return this.#firstHit('task', id, services, (service) =>
      this.#backend.getTask(service, id, options.signal),
    );
  }

  /** Bytes stored, in total and per service. */
  async getUsage(options: ArchiveCallOptions = {}): Promise<ArchiveUsage> {
    const services = await this.#scope(options.service, options.signal);
    const usage = await Promise.all(
      services.map(async (service) => ({
        serviceId: service.id,
        bytes: await this.#backend.getUsage(service, options.signal),
      })),
    );
    return { totalBytes: usage.reduce((sum, entry) => sum + entry.bytes, 0), services: usage };
  }

  /** Validates the name (ValidationError) then PUTs it to the service holding the session. */
  async renameSession(
    sessionId: string,
    name: string,
    options: ArchiveCallOptions = {},
  ): Promise<ArchiveRenameResult> {
    const id = parseSessionId(sessionId);
    const newName = validateSessionName(name);
    const { service } = await this.#locateSession(id, options);
    await this.#backend.renameSession(service, id, newName, options.signal);
    return { serviceId: service.id, sessionId: id, name: newName };
  }

  /** Starts the deletion; returns its task. */
  async deleteSession(sessionId: string, options: ArchiveCallOptions = {}): Promise<ArchiveTask> {
    const id = parseSessionId(sessionId);
    const { service } = await this.#locateSession(id, options);
    return this.#backend.deleteSession(service, id, options.signal);
  }

  /** Starts a (whole-session) restore; returns its task. */
  async restoreSession(sessionId: string, options: ArchiveCallOptions = {}): Promise<ArchiveTask> {
    const id = parseSessionId(sessionId);
    const { service } = await this.#locateSession(id, options);
    return this.#backend.restoreSession(service, id, options.signal);
  }

  /**
   * Polls until every task is done, failed or cancelled; returns the final tasks in input order.
   * A task the server no longer knows (404) ends as status `deleted`.
   */
  async waitForTasks(
    tasks: readonly ArchiveTaskRef[],
    options: WaitForTasksOptions = {},
  ): Promise<ArchiveTask[]> {
    const refs = tasks.map((task) => ({ ...task, id: parseTaskId(task.id) }));
    const services = new Map<string, ArchiveService>();
    for (const ref of refs)
      services.set(ref.serviceId, await this.#knownService(ref.serviceId, options.signal));
    return waitForArchiveTasks(
      refs,
      (serviceId, ids, signal) => this.#backend.getTasks(services.get(serviceId)!, ids, signal),
      options,
    );
  }

  /** Computes (never executes) what a retention run would delete, measured on the server's clock. */
  async planPrune(options: PrunePlanOptions): Promise<PrunePlan> {
    const olderThanSeconds = parseAge(options.olderThan);
    const keepNewest = parseKeepNewest(options.keepNewest);
    const services = await this.#scope(options.service, options.signal);
    const [sessions, offsetSeconds] = await Promise.all([
      this.#listSessionsOf(services, { signal: options.signal }),
      this.#backend.getTimeOffset(options.signal),
    ]);
    return buildPrunePlan({
      sessions,
      serviceIds: services.map((service) => service.id),
      serverNowMs: this.#now() + offsetSeconds * 1000,
      clockOffsetSeconds: offsetSeconds,
      olderThanSeconds,
      keepNewest,
    });
  }

  /** Deletes exactly the planned sessions, each once; per-session results. */
  async executePrune(plan: PrunePlan, options: ExecutePruneOptions = {}): Promise<PruneResult> {
    // A plan may come back over IPC: check every id before sending anything.
    for (const session of plan.sessions) {
      parseSessionId(session.id);
      await this.#knownService(session.serviceId, options.signal);
    }
    return executePrunePlan(
      plan,
      {
        listSessions: async (serviceIds, signal) =>
          this.#listSessionsOf(
            await Promise.all(serviceIds.map((serviceId) => this.#knownService(serviceId, signal))),
            { signal },
          ),
        getSession: async (serviceId, sessionId, signal) =>
          this.#backend.getSession(await this.#knownService(serviceId, signal), sessionId, signal),
        deleteSession: async (serviceId, sessionId, signal) =>
          this.#backend.deleteSession(await this.#knownService(serviceId, signal), sessionId, signal),
      },
      options,
    );
  }

  async #listSessionsOf(
    services: readonly ArchiveService[],
    options: { name?: string; signal?: AbortSignal },
  ): Promise<ArchiveSession[]> {
    const lists = await Promise.all(
      services.map((service) =>
        this.#backend.listSessions(service, { name: options.name, signal: options.signal }),
      ),
    );
    return lists
      .flat()
      .map((session) => this.#remember(session))
      .sort(byStartDate);
  }

  #remember(session: ArchiveSession): ArchiveSession {
    this.#sessionHome.set(session.id, session.serviceId);
    return session;
  }

  /** The services a call covers: its option, else the pin, else all. */
  async #scope(service: string | undefined, signal?: AbortSignal): Promise<ArchiveService[]> {
    const wanted = service ?? this.#pinned;
    if (wanted === undefined) return this.listServices({ signal });
    return [await this.#knownService(wanted, signal)];
  }

  async #discover(signal?: AbortSignal): Promise<ArchiveService[]> {
    const passports = await this.#backend.listPassports(signal);
    const perPassport = await Promise.all(
      passports.map((passport) =>
        // A passport without the (retired) PCA offer may answer 404: it simply has none.
        this.#servicesOf(passport, signal).catch((error: unknown) => {
          if (errorStatus(error) === 404) return [];
          throw error;
        }),
      ),
    );
    return perPassport.flat();
  }

  /** The services of one passport, one request, cached (failures are not). */
  #servicesOf(passport: string, signal?: AbortSignal): Promise<ArchiveService[]> {
    let services = this.#servicesByPassport.get(passport);
    if (!services) {
      services = this.#backend.listServicesOfPassport(passport, signal);
      this.#servicesByPassport.set(passport, services);
      const cached = services;
      cached.catch(() => {
        if (this.#servicesByPassport.get(passport) === cached) this.#servicesByPassport.delete(passport);
      });
    }
    return services;
  }

  /**
   * A service by id, checked to exist. Reads only its passport's services (one request), so a
   * pinned service costs no full discovery.
   */
  async #knownService(serviceId: string, signal?: AbortSignal): Promise<ArchiveService> {
    const { passport, serviceName } = parseServiceId(serviceId);
    let siblings: ArchiveService[];
    try {
      siblings = await this.#servicesOf(passport, signal);
    } catch (error) {
      if (errorStatus(error) !== 404) throw error;
      const known = await this.listServices({ signal }).then(
        (services) => [...new Set(services.map((s) => s.passport))].join(', ') || 'none',
        () => 'unknown',
      );
      throw new ValidationError(
        'service',
        `Unknown passport "${passport}" in service "${serviceId}". Passports of this account: ${known}`,
      );
    }
    const found = siblings.find((s) => s.serviceName === serviceName);
    if (found) return { ...found };
    throw new ValidationError(
      'service',
      `Passport "${passport}" has no PCA service "${serviceName}". Its PCA services: ${siblings.map((s) => s.serviceName).join(', ') || 'none'}`,
    );
  }

  /**
   * The service holding a session. One service in scope: that one. Otherwise the cached listing,
   * else a GET of the session on every service in scope: the first hit wins, 404s elsewhere are
   * expected and never surfaced.
   */
  async #locateSession(
    sessionId: string,
    options: ArchiveCallOptions,
  ): Promise<{ service: ArchiveService; session?: ArchiveSession }> {
    const services = await this.#scope(options.service, options.signal);
    if (services.length === 1) return { service: services[0]! };
    const home = services.find((service) => service.id === this.#sessionHome.get(sessionId));
    if (home) return { service: home };
    return this.#firstHit('session', sessionId, services, async (service) => {
      const session = this.#remember(await this.#backend.getSession(service, sessionId, options.signal));
      return { service, session };
    });
  }

  async #firstHit<T>(
    kind: 'session' | 'task',
    id: string,
    services: readonly ArchiveService[],
    probe: (service: ArchiveService) => Promise<T>,
  ): Promise<T> {
    const searched = services.map((service) => service.id);
    if (services.length === 0) throw new ArchiveNotFoundError(kind, id, searched);
    try {
      return await Promise.any(services.map(probe));
    } catch (error) {
      const errors = error instanceof AggregateError ? error.errors : [error];
      const unexpected = errors.find((e) => errorStatus(e) !== 404);
      throw unexpected ?? new ArchiveNotFoundError(kind, id, searched);
    }
  }
}
