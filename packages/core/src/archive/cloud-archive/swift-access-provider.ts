import { path } from '../../client/index.js';
import type { ArchiveApiClient } from '../archive-client.js';
import type { SwiftAccess, SwiftAccessProvider, ToSwiftAccess } from './cloud-archive-ports.js';
import type { StorageAccessWire } from './cloud-archive-wire-types.js';

/** OVH's Keystone tokens live 24 h; renewed a little early so a call never starts on a dying one. */
const TOKEN_LIFETIME_MS = 24 * 3_600_000;
const EARLY_RENEWAL_MS = 5 * 60_000;

export const toSwiftAccess: ToSwiftAccess = (wire: StorageAccessWire, issuedAtMs: number) => ({
  token: wire.token,
  endpoints: Object.fromEntries(wire.endpoints.map((entry) => [entry.region.toUpperCase(), entry.url])),
  expiresAtMs: issuedAtMs + TOKEN_LIFETIME_MS,
});

/**
 * Swift access from API v1 (`POST /cloud/project/{sn}/storage/access`), kept in memory per project
 * until it expires. Concurrent callers share one request; a renewal after a 401 happens once per
 * stale token.
 */
export class ApiSwiftAccessProvider implements SwiftAccessProvider {
  readonly #client: ArchiveApiClient;
  readonly #now: () => number;
  readonly #cache = new Map<string, Promise<SwiftAccess>>();

  constructor(client: ArchiveApiClient, options: { now?: () => number } = {}) {
    this.#client = client;
    this.#now = options.now ?? Date.now;
  }

  async access(project: string, signal?: AbortSignal): Promise<SwiftAccess> {
    const cached = this.#cache.get(project);
    if (cached) {
      const access = await cached.catch(() => undefined);
      if (access && access.expiresAtMs - EARLY_RENEWAL_MS > this.#now()) return access;
      if (this.#cache.get(project) !== cached) return this.access(project, signal);
    }
    return this.#issue(project, signal);
  }

  async renew(project: string, stale: SwiftAccess, signal?: AbortSignal): Promise<SwiftAccess> {
    const cached = this.#cache.get(project);
    if (cached) {
      const current = await cached.catch(() => undefined);
      // Someone renewed already: use theirs.
      if (current && current.token !== stale.token) return current;
      if (this.#cache.get(project) !== cached) return this.access(project, signal);
    }
    return this.#issue(project, signal);
  }

  #issue(project: string, signal?: AbortSignal): Promise<SwiftAccess> {
    const issuedAt = this.#now();
    const pending = this.#client
      // Asking for a token twice is harmless: the POST may be repeated after a failure.
      .request<StorageAccessWire>('POST', path`/cloud/project/${project}/storage/access`, {
        signal,
        idempotent: true,
      })
      .then((wire) => toSwiftAccess(wire, issuedAt));
    this.#cache.set(project, pending);
    pending.catch(() => {
      if (this.#cache.get(project) === pending) this.#cache.delete(project);
    });
    return pending;
  }
}
