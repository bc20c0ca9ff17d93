/**
 * startSandbox(options): seeds or loads the state, wires every domain's routes into the HTTP
 * layer and listens on 127.0.0.1. The handle gives the demo keys plus controls for tests.
 */
import { BlobStore } from './blobs/blob-store.js';
import {
  createAccount,
  createApplication,
  createCredential,
  FULL_ACCESS_RULES,
  type NewAccount,
} from './domain/auth/auth-records.js';
import type { AccessRule, CredentialStatus, SandboxCredential } from './domain/auth/auth-state.js';
import { canUseObjectStorage } from './domain/public-cloud/cloud-users.js';
import { createS3Credential } from './domain/public-cloud/s3-credentials.js';
import { createFaultPicker, PROTOCOL_FAULT_KINDS } from './http/fault-injection.js';
import { type LoopbackListener, listenLoopback } from './http/listen-loopback.js';
import { createQueryIdGenerator } from './http/query-id.js';
import { DEFAULT_IDLE_TIMEOUT_MS } from './http/read-body.js';
import { RequestLog, type RequestLogEntry } from './http/request-log.js';
import { RouteMatcher } from './http/route-matcher.js';
import type { RouteDefinition } from './http/route-types.js';
import type { RequestTimeouts, SandboxRuntime } from './http/sandbox-runtime.js';
import { listenProtocol } from './protocols/protocol-listener.js';
import { API_DOMAINS, PAGE_ROUTES, protocolEntryPoints } from './sandbox-registry.js';
import {
  applyBehaviourUpdate,
  type BehaviourUpdate,
  DEFAULT_SETTINGS,
  type SandboxSettings,
} from './sandbox-settings.js';
import { createSandboxServer } from './server.js';
import { createSandboxClock, type SandboxClock } from './state/clock.js';
import { createInitialState } from './state/create-initial-state.js';
import type { SandboxState } from './state/sandbox-state.js';
import { createSeededRandom, deriveSeed } from './state/seeded-random.js';
import { loadStateFile, StateFileWriter } from './state/state-file.js';

export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

export interface StartSandboxOptions {
  /** 0 (default) = any free port. */
  port?: number;
  latencyMs?: number;
  latencyJitterMs?: number;
  /** Server clock minus real clock, seconds. */
  skewSeconds?: number;
  /** Share (0..1) of API calls answered by a seeded fault: 429, 500, 503 or a dropped connection. */
  faults?: number;
  /** Seeds data, keys, fault pattern and jitter. Default 1. */
  seed?: number;
  /** Sessions per PCA service. Default 8. */
  sessions?: number;
  /** Files per session. Default 12. */
  files?: number;
  /** Objects per seeded Swift container. Default 12. */
  objects?: number;
  /** Cloud Archive: seconds to unseal an object (Retry-After). Default 600. */
  retrievalDelaySeconds?: number;
  /** Cloud Archive: seconds an unsealed object stays downloadable. Default 86400. */
  unsealedForSeconds?: number;
  /** S3 DEEP_ARCHIVE: seconds a restore takes. Default 600. */
  restoreDelaySeconds?: number;
  /** Where uploaded object bytes live. Default: `<dataFile>.objects/` with dataFile, else a temp dir. */
  objectDir?: string;
  taskDurationSeconds?: number;
  /** Default 60. */
  timestampWindowSeconds?: number;
  /** Persist the state there (loaded on start when present). */
  dataFile?: string;
  /** Honour X-Ovh-Batch (default true). */
  batch?: boolean;
  /** Honour Iceberg pagination (default true). */
  iceberg?: boolean;
  /** Headers must arrive within it, and a body may not pause longer, ms (default 10 000): else 408. */
  idleTimeoutMs?: number;
  /** A whole request must arrive within it, ms (default 60 000): else 408. */
  requestTimeoutMs?: number;
  /** Extra routes below /1.0, e.g. for a test. */
  extraRoutes?: RouteDefinition[];
}

export interface NewCredentialInput {
  /** Default: the demo application. */
  applicationKey?: string;
  /** Default: full rights. */
  rules?: AccessRule[];
  /** Default 'validated'. */
  status?: CredentialStatus;
  /** Default: the demo account. */
  nichandle?: string;
  /** Seconds from now on the sandbox clock; default unlimited. */
  expiresInSeconds?: number;
  allowedIPs?: string[];
}

/** An object-storage user of the first project: what an OpenStack client (rclone, swift) needs. */
export interface OpenStackCredentials {
  /** Keystone v3: `http://127.0.0.1:PORT/v3`. */
  authUrl: string;
  username: string;
  password: string;
  userDomain: string;
  /** The project's serviceName (also its OpenStack id). */
  projectId: string;
  projectName: string;
  projectDomain: string;
  region: string;
}

/** S3 credentials of the same user as `openstack`, and each S3 region's endpoint (path style). */
export interface S3Credentials {
  accessKey: string;
  secretKey: string;
  endpoints: Record<string, string>;
}

export interface SandboxHandle {
  /** `http://127.0.0.1:PORT/1.0` */
  endpoint: string;
  /** Same as endpoint. */
  url: string;
  /** `http://127.0.0.1:PORT` (admin routes and the validation page live here). */
  origin: string;
  port: number;
  applicationKey: string;
  applicationSecret: string;
  consumerKey: string;
  account: { nichandle: string; password: string };
  openstack: OpenStackCredentials;
  s3: S3Credentials;
  /** Keystone's base URL and each region's Swift and S3 origin. */
  endpoints: { keystone: string; swift: Record<string, string>; s3: Record<string, string> };
  /** Where uploaded object bytes are kept. */
  objectDir: string;
  /** Live state: tests may read and change it. */
  readonly state: SandboxState;
  clock: SandboxClock;
  readonly settings: Readonly<SandboxSettings>;
  setBehaviour(update: BehaviourUpdate): void;
  requests(): RequestLogEntry[];
  clearRequests(): void;
  createAccount(input?: NewAccount): { nichandle: string; password: string };
  createApplication(input?: { nichandle?: string; name?: string }): {
    applicationId: number;
    applicationKey: string;
    applicationSecret: string;
  };
  createCredential(input?: NewCredentialInput): { credentialId: number; consumerKey: string };
  /** Writes the data file now (when dataFile is set). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

function settingsFrom(options: StartSandboxOptions): SandboxSettings {
  const settings = { ...DEFAULT_SETTINGS };
  const clockless = createSandboxClock();
  applyBehaviourUpdate(settings, clockless, {
    ...(options.latencyMs !== undefined && { latencyMs: options.latencyMs }),
    ...(options.latencyJitterMs !== undefined && { latencyJitterMs: options.latencyJitterMs }),
    ...(options.faults !== undefined && { faultRate: options.faults }),
    ...(options.taskDurationSeconds !== undefined && { taskDurationSeconds: options.taskDurationSeconds }),
    ...(options.timestampWindowSeconds !== undefined && {
      timestampWindowSeconds: options.timestampWindowSeconds,
    }),
    ...(options.batch !== undefined && { batch: options.batch }),
    ...(options.iceberg !== undefined && { iceberg: options.iceberg }),
    ...(options.retrievalDelaySeconds !== undefined && {
      retrievalDelaySeconds: options.retrievalDelaySeconds,
    }),
    ...(options.unsealedForSeconds !== undefined && { unsealedForSeconds: options.unsealedForSeconds }),
    ...(options.restoreDelaySeconds !== undefined && { restoreDelaySeconds: options.restoreDelaySeconds }),
  });
  return settings;
}

function timeoutsFrom(options: StartSandboxOptions): RequestTimeouts {
  const idleMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const requestMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  for (const [name, value] of [
    ['idleTimeoutMs', idleMs],
    ['requestTimeoutMs', requestMs],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of ms >= 1`);
  }
  // Node refuses a headers timeout longer than the request timeout.
  if (idleMs > requestMs) throw new Error('idleTimeoutMs must not exceed requestTimeoutMs');
  return { idleMs, requestMs };
}

/** The key printed on start: the demo application's first full-rights key, re-created if gone. */
function demoCredential(runtime: SandboxRuntime): SandboxCredential {
  const { auth } = runtime.state;
  const application = auth.applications[0];
  const account = auth.accounts[0];
  if (!application || !account) throw new Error('Sandbox state has no account or application');
  const fullRights = (credential: SandboxCredential) =>
    credential.applicationId === application.applicationId &&
    credential.status === 'validated' &&
    credential.expiration === null &&
    FULL_ACCESS_RULES.every((rule) =>
      credential.rules.some((r) => r.method === rule.method && r.path === rule.path),
    );
  const existing = auth.credentials.find(fullRights);
  if (existing) return existing;
  runtime.markDirty();
  return createCredential(auth, runtime.random, {
    applicationId: application.applicationId,
    rules: FULL_ACCESS_RULES,
    nowMs: runtime.clock.nowMs(),
    status: 'validated',
    nichandle: account.nichandle,
  });
}

export async function startSandbox(options: StartSandboxOptions = {}): Promise<SandboxHandle> {
  const seed = options.seed ?? 1;
  const clock = createSandboxClock(options.skewSeconds ?? 0);
  const settings = settingsFrom(options);
  const timeouts = timeoutsFrom(options);
  const seedOptions = {
    seed,
    sessions: options.sessions ?? 8,
    files: options.files ?? 12,
    objects: options.objects ?? 12,
    retrievalDelaySeconds: settings.retrievalDelaySeconds,
    unsealedForSeconds: settings.unsealedForSeconds,
    restoreDelaySeconds: settings.restoreDelaySeconds,
    nowMs: clock.nowMs(),
  };
  const loaded = options.dataFile ? await loadStateFile(options.dataFile, seedOptions) : undefined;
  const state = loaded ?? createInitialState(seedOptions);
  const blobs = await BlobStore.open(
    options.objectDir ?? (options.dataFile ? `${options.dataFile}.objects` : undefined),
  );

  let writer: StateFileWriter | undefined;
  const runtime: SandboxRuntime = {
    state,
    clock,
    settings,
    timeouts,
    apiRoutes: new RouteMatcher([
      ...API_DOMAINS.flatMap((domain) => domain.routes),
      ...(options.extraRoutes ?? []),
    ]),
    pageRoutes: new RouteMatcher(PAGE_ROUTES),
    log: new RequestLog(),
    random: createSeededRandom(deriveSeed(seed, 'handlers')),
    latencyRandom: createSeededRandom(deriveSeed(seed, 'latency')),
    pickFault: createFaultPicker(createSeededRandom(deriveSeed(seed, 'faults'))),
    pickProtocolFault: createFaultPicker(
      createSeededRandom(deriveSeed(seed, 'protocol-faults')),
      PROTOCOL_FAULT_KINDS,
    ),
    nextQueryId: createQueryIdGenerator(),
    markDirty: () => writer?.markDirty(),
    blobs,
    endpoints: { keystone: '', swift: {}, s3: {} },
    markTouched: () => writer?.markTouched(),
    persisted: () => writer?.persisted() ?? Promise.resolve(),
  };
  if (options.dataFile) {
    writer = new StateFileWriter(options.dataFile, () => runtime.state);
    // A fresh (or migrated) state is written at once, so a restart finds the same keys.
    writer.markDirty();
  }

  const credential = demoCredential(runtime);
  const application = state.auth.applications.find((app) => app.applicationId === credential.applicationId)!;
  const account = state.auth.accounts.find((candidate) => candidate.nichandle === credential.nichandle)!;
  // The keys printed below must be the ones a restart finds, even after a kill.
  await writer?.flush();

  const server = createSandboxServer(runtime);
  const api = await listenLoopback(server, options.port ?? 0);
  const { port, origin } = api;
  const listeners: LoopbackListener[] = [api];
  for (const entryPoint of protocolEntryPoints()) {
    const listener = await listenProtocol(runtime, entryPoint);
    listeners.push(listener);
    if (entryPoint.protocol === 'keystone') runtime.endpoints.keystone = `${listener.origin}/v3`;
    else if (entryPoint.protocol === 's3' && entryPoint.region)
      runtime.endpoints.s3[entryPoint.region] = listener.origin;
    else if (entryPoint.region) runtime.endpoints.swift[entryPoint.region] = listener.origin;
  }

  const findApplication = (applicationKey: string | undefined) => {
    const found = applicationKey
      ? state.auth.applications.find((app) => app.applicationKey === applicationKey)
      : application;
    if (!found) throw new Error('Unknown application key');
    return found;
  };

  let closed: Promise<void> | undefined;
  return {
    endpoint: `${origin}/1.0`,
    url: `${origin}/1.0`,
    origin,
    port,
    applicationKey: application.applicationKey,
    applicationSecret: application.applicationSecret,
    consumerKey: credential.consumerKey,
    account: { nichandle: account.nichandle, password: account.password },
    openstack: openStackCredentials(runtime),
    s3: s3Credentials(runtime),
    endpoints: runtime.endpoints,
    objectDir: blobs.dir,
    get state() {
      return runtime.state;
    },
    clock,
    settings,
    setBehaviour: (update) => applyBehaviourUpdate(settings, clock, update),
    requests: () => runtime.log.list(),
    clearRequests: () => runtime.log.clear(),
    createAccount: (input) => {
      const created = createAccount(runtime.state.auth, runtime.random, input);
      runtime.markDirty();
      return { nichandle: created.nichandle, password: created.password };
    },
    createApplication: (input = {}) => {
      const created = createApplication(runtime.state.auth, runtime.random, {
        ownerNichandle: input.nichandle ?? account.nichandle,
        name: input.name,
      });
      runtime.markDirty();
      return pick(created, ['applicationId', 'applicationKey', 'applicationSecret']);
    },
    createCredential: (input = {}) => {
      const status = input.status ?? 'validated';
      const created = createCredential(runtime.state.auth, runtime.random, {
        applicationId: findApplication(input.applicationKey).applicationId,
        rules: input.rules ?? FULL_ACCESS_RULES,
        nowMs: clock.nowMs(),
        status,
        nichandle: status === 'pendingValidation' ? null : (input.nichandle ?? account.nichandle),
        expirationMs:
          input.expiresInSeconds === undefined ? null : clock.nowMs() + input.expiresInSeconds * 1000,
        allowedIPs: input.allowedIPs ?? null,
      });
      runtime.markDirty();
      return pick(created, ['credentialId', 'consumerKey']);
    },
    flush: async () => {
      await writer?.flush();
    },
    close: () => {
      closed ??= Promise.all(listeners.map((listener) => listener.close()))
        .then(() => writer?.flush())
        .then(() => blobs.close());
      return closed;
    },
  };
}

/** The first project and its first object-storage user. */
function objectStorageUser(runtime: SandboxRuntime) {
  const project = Object.values(runtime.state.publicCloud.projects)[0];
  const user = project && Object.values(project.users).find(canUseObjectStorage);
  if (!project || !user)
    throw new Error('Sandbox state has no Public Cloud project with an object storage user');
  return { project, user };
}

/** That user's first S3 credential, created (and saved) when the state has none yet. */
function s3Credentials(runtime: SandboxRuntime): S3Credentials {
  const { user } = objectStorageUser(runtime);
  let credential = user.s3Credentials?.[0];
  if (!credential) {
    credential = createS3Credential(user, runtime.random);
    runtime.markDirty();
  }
  return { accessKey: credential.access, secretKey: credential.secret, endpoints: runtime.endpoints.s3 };
}

/** The object-storage user, in the first region with Swift. */
function openStackCredentials(runtime: SandboxRuntime): OpenStackCredentials {
  const { project, user } = objectStorageUser(runtime);
  return {
    authUrl: runtime.endpoints.keystone,
    username: user.username,
    password: user.password,
    userDomain: 'Default',
    projectId: project.serviceName,
    projectName: project.projectName,
    projectDomain: 'Default',
    region: project.regions.find((region) => region in runtime.endpoints.swift) ?? 'GRA',
  };
}

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, source[key]])) as Pick<T, K>;
}
