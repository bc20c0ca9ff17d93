import { sleep } from '../../client/abortable-wait.js';
import { path } from '../../client/index.js';
import type { ArchiveApiClient } from '../archive-client.js';
import { s3EndpointOf } from './s3-endpoint.js';
import type { S3AccessProvider, S3Credential, S3CredentialStore, S3Endpoint } from './s3-ports.js';
import type { CloudUserWire, RegionWire, S3CredentialsWire } from './s3-wire-types.js';

/** The description ovh-pca gives the object-storage user it creates, and looks for first. */
export const S3_USER_DESCRIPTION = 'ovh-pca S3 access';
/** The role OVH's Control Panel gives Cold Archive users (reference §4.5). */
export const S3_USER_ROLE = 'objectstore_operator';

/** What ovh-pca created on the account to reach S3 (said to the user, never with a secret). */
export type S3AccessCreation =
  | { kind: 'user'; project: string; userId: number; username: string; description: string }
  | { kind: 's3-credential'; project: string; userId: number; accessKeyId: string };

export interface ApiS3AccessProviderOptions {
  /** Where credentials are kept between runs (the OS keychain); none = memory only. */
  store?: S3CredentialStore;
  /** The keychain scope of a project; default `s3:PROJECT`. Callers add their API endpoint. */
  scopeOf?: (project: string) => string;
  /** Told what was created on the account. */
  onCreated?: (creation: S3AccessCreation) => void;
  /** How often a user still `creating` is read again. Default 2000 ms. */
  userPollIntervalMs?: number;
  /** Reads of a user still `creating` before giving up. Default 150 (5 min at 2 s). */
  userPollAttempts?: number;
}

export class S3AccessError extends Error {
  override readonly name = 'S3AccessError';
}

function usable(user: CloudUserWire): boolean {
  const roles = (user.roles ?? []).map((role) => role.name);
  return (
    user.description === S3_USER_DESCRIPTION &&
    user.status !== 'deleting' &&
    user.status !== 'deleted' &&
    user.status !== 'disabled' &&
    (roles.length === 0 || roles.includes(S3_USER_ROLE) || roles.includes('administrator'))
  );
}

/**
 * S3 access from the profile's OVH credentials, through API v1 alone (reference §4.5, §7):
 * - the endpoint of a region: its `storage-s3-*` service, read once per project and region;
 * - the credential of a project: the keychain's if there is one; else an object-storage user of
 *   the project described `ovh-pca S3 access` (found, or created with role objectstore_operator
 *   and awaited until `ok`), and a new S3 credential of it (the secret is in that answer only),
 *   kept in the keychain for the next run. Concurrent callers share one of each request.
 * A POST whose answer was lost is never blindly sent again: the users are read first, and a
 * credential created by a lost answer stays unused on the account (harmless, never billed).
 */
export class ApiS3AccessProvider implements S3AccessProvider {
  readonly #client: ArchiveApiClient;
  readonly #store: S3CredentialStore | undefined;
  readonly #scopeOf: (project: string) => string;
  readonly #onCreated: ((creation: S3AccessCreation) => void) | undefined;
  readonly #pollMs: number;
  readonly #pollAttempts: number;
  readonly #endpoints = new Map<string, Promise<S3Endpoint>>();
  readonly #credentials = new Map<string, Promise<S3Credential>>();

  constructor(client: ArchiveApiClient, options: ApiS3AccessProviderOptions = {}) {
    this.#client = client;
    this.#store = options.store;
    this.#scopeOf = options.scopeOf ?? ((project) => `s3:${project}`);
    this.#onCreated = options.onCreated;
    this.#pollMs = options.userPollIntervalMs ?? 2000;
    this.#pollAttempts = options.userPollAttempts ?? 150;
  }

  endpoint(project: string, region: string, signal?: AbortSignal): Promise<S3Endpoint> {
    const key = `${project}\u0000${region.toUpperCase()}`;
    return this.#shared(this.#endpoints, key, async () => {
      const wire = await this.#client.request<RegionWire>(
        'GET',
        path`/cloud/project/${project}/region/${region.toUpperCase()}`,
        { signal },
      );
      const endpoint = s3EndpointOf(wire);
      if (!endpoint)
        throw new S3AccessError(`Region ${region.toUpperCase()} of ${project} offers no S3 service`);
      return endpoint;
    });
  }

  credential(project: string, signal?: AbortSignal): Promise<S3Credential> {
    return this.#shared(this.#credentials, project, async () => {
      const stored = await this.#store?.get(this.#scopeOf(project));
      return stored ?? this.#obtain(project, signal);
    });
  }

  async renew(project: string, stale: S3Credential, signal?: AbortSignal): Promise<S3Credential> {
    const cached = this.#credentials.get(project);
    const current = await cached?.catch(() => undefined);
    // Someone renewed already: use theirs.
    if (current && current.accessKeyId !== stale.accessKeyId) return current;
    const renewal = (async () => {
      await this.#store?.delete(this.#scopeOf(project));
      return this.#obtain(project, signal);
    })();
    this.#credentials.set(project, renewal);
    renewal.catch(() => {
      if (this.#credentials.get(project) === renewal) this.#credentials.delete(project);
    });
    return renewal;
  }

  /** One request per key at a time; a failure is not cached. */
  #shared<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
    const cached = cache.get(key);
    if (cached) return cached;
    const pending = make();
    cache.set(key, pending);
    pending.catch(() => {
      if (cache.get(key) === pending) cache.delete(key);
    });
    return pending;
  }

  async #obtain(project: string, signal?: AbortSignal): Promise<S3Credential> {
    const user = await this.#readyUser(project, signal);
    const wire = await this.#client.request<S3CredentialsWire>(
      'POST',
      path`/cloud/project/${project}/user/${String(user.id)}/s3Credentials`,
      { signal },
    );
    if (!wire.secret) throw new S3AccessError('OVH created S3 credentials without a secret');
    const credential: S3Credential = {
      accessKeyId: wire.access,
      secretAccessKey: wire.secret,
      userId: user.id,
    };
    this.#onCreated?.({ kind: 's3-credential', project, userId: user.id, accessKeyId: wire.access });
    await this.#store?.set(this.#scopeOf(project), credential);
    return credential;
  }

  /** Our object-storage user of the project, created if there is none, once it is `ok`. */
  async #readyUser(project: string, signal?: AbortSignal): Promise<CloudUserWire> {
    let user = await this.#findUser(project, signal);
    if (!user) {
      const created = await this.#client.request<CloudUserWire>(
        'POST',
        path`/cloud/project/${project}/user`,
        {
          body: { description: S3_USER_DESCRIPTION, role: S3_USER_ROLE },
          signal,
        },
      );
      this.#onCreated?.({
        kind: 'user',
        project,
        userId: created.id,
        username: created.username,
        description: S3_USER_DESCRIPTION,
      });
      user = created;
    }
    for (let attempt = 0; user.status !== 'ok'; attempt += 1) {
      if (attempt >= this.#pollAttempts) {
        throw new S3AccessError(
          `User ${user.username} of ${project} is still ${user.status}; try again later`,
        );
      }
      await sleep(this.#pollMs, signal);
      user = await this.#client.request<CloudUserWire>(
        'GET',
        path`/cloud/project/${project}/user/${String(user.id)}`,
        { signal },
      );
    }
    return user;
  }

  async #findUser(project: string, signal?: AbortSignal): Promise<CloudUserWire | undefined> {
    const users = await this.#client.request<CloudUserWire[]>('GET', path`/cloud/project/${project}/user`, {
      signal,
    });
    const ours = users.filter(usable);
    return ours.find((user) => user.status === 'ok') ?? ours[0];
  }
}
