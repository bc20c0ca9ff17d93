import { join } from 'node:path';
import {
  ApiS3AccessProvider,
  ArchiveCatalog,
  CloudArchiveBackend,
  ColdArchiveBackend,
  DeepArchiveBackend,
  LegacyPcaArchiveBackend,
  LegacyPcaBackend,
  LegacyPcaModel,
  OvhClient,
  type PollInterval,
  type ProfileStore,
  type S3CredentialStore,
  type SecretStore,
} from '@ovh-pca/core';
import type { AwsS3ClientFactory } from '@ovh-pca/platform-node/s3';
import { AwsS3Transfers } from '@ovh-pca/platform-node/s3-transfers';
import { createAppHandlers } from '../handlers/app-handlers.js';
import { createArchiveHandlers } from '../handlers/archive-handlers.js';
import { createAuthHandlers } from '../handlers/auth-handlers.js';
import { createCatalogHandlers } from '../handlers/catalog-handlers.js';
import { createConsoleHandlers } from '../handlers/console-handlers.js';
import { createLifecycleHandlers } from '../handlers/lifecycle-handlers.js';
import { createProfileHandlers } from '../handlers/profile-handlers.js';
import { createTransferHandlers } from '../handlers/transfer-handlers.js';
import type { IpcHandlers } from '../ipc/ipc-dispatcher.js';
import { DialogGrants } from '../transfers/dialog-grants.js';
import type { DialogPort } from '../transfers/dialog-port.js';
import { TransferService } from '../transfers/transfer-service.js';
import type { EmitEvent } from './app-events.js';
import { describeLifecycleEnd } from './lifecycle-text.js';
import { LifecycleWatcher } from './lifecycle-watcher.js';
import { LoginFlow } from './login-flow.js';
import { describeTasksEnd } from './notification-text.js';
import { type ArchiveAccess, type CreateClient, ProfileSessions } from './profile-sessions.js';
import { describeRetrievalEnd } from './retrieval-text.js';
import { RetrievalWatcher } from './retrieval-watcher.js';
import { TaskWatcher } from './task-watcher.js';
import { type StartSandbox, TrialSandbox } from './trial-sandbox.js';
import { UiLanguageSetting } from './ui-language.js';

/** What the runtime provides: Electron in the app, plain Node in the tests and the e2e harness. */
export interface DesktopServiceDeps {
  profileStore: ProfileStore;
  secretStore: SecretStore;
  /** Where S3 keys of Public Cloud projects live: the OS keychain (main only, never the renderer). */
  s3CredentialStore: S3CredentialStore;
  /**
   * Builds the S3 clients (the AWS SDK in platform-node) over an access provider: Cold Archive v1
   * and v2 bytes (download, upload) and v2's bucket calls go through them. Without it, no transfers.
   */
  createS3?: (access: ApiS3AccessProvider) => AwsS3ClientFactory;
  startSandbox: StartSandbox;
  /** The app's private directory (the trial sandbox's data lives there). */
  dataDirectory: string;
  openExternal: (url: string) => Promise<void>;
  /** The OS file dialogs (Electron's in the app; real temporary folders in the tests). */
  dialogs: DialogPort;
  notify: (title: string, body: string) => void;
  emit: EmitEvent;
  log: (line: string) => void;
  version: string;
  platform: string;
  /** The OS locale: main's language until the window sets its own. */
  locale: string;
  /** Replaces how clients are built (tests pass a fetch or shorter timeouts). */
  createClient?: CreateClient;
  validationPollInterval?: PollInterval;
  taskPollIntervalMs?: number;
  longTaskMs?: number;
  retrievalPollIntervalMs?: number;
  /** How often a bucket is read while a Cold Archive v1 step is under way (core's default: 2 s). */
  lifecyclePollIntervalMs?: number;
}

export interface DesktopServices {
  handlers: IpcHandlers;
  sessions: ProfileSessions;
  login: LoginFlow;
  tasks: TaskWatcher;
  retrievals: RetrievalWatcher;
  lifecycles: LifecycleWatcher;
  transfers: TransferService;
  trial: TrialSandbox;
  /** The language of the window, for what main shows itself (notifications, dialogs). */
  language: UiLanguageSetting;
  knownSecrets: () => readonly string[];
  /** Stops background work: validation waits, task polling, the trial sandbox. */
  close(): Promise<void>;
}

/**
 * The archive products the app offers over one profile's client. Swift tokens and S3 keys stay in
 * main: S3 keys are obtained through API v1 (an object-storage user ovh-pca creates if needed,
 * logged) and kept in the OS keychain, like the CLI's (the two share them).
 */
function archivesFactory(deps: DesktopServiceDeps): (client: OvhClient) => ArchiveAccess {
  return (client) => {
    const backend = new LegacyPcaBackend(client);
    const archive = new LegacyPcaModel({ backend });
    const s3Access = new ApiS3AccessProvider(client, {
      store: deps.s3CredentialStore,
      scopeOf: (project) => `s3:${client.endpointUrl}:${project}`,
      onCreated: (creation) =>
        deps.log(
          creation.kind === 'user'
            ? `Created object-storage user ${creation.username} (id ${creation.userId}) in project ${creation.project} for S3 access`
            : `Created S3 credential ${creation.accessKeyId} of user ${creation.userId} in project ${creation.project} (secret in the keychain)`,
        ),
    });
    const s3 = deps.createS3?.(s3Access);
    // Multipart uploads and ranged GETs over the same clients (the CLI's module).
    const transfers = s3 && new AwsS3Transfers(s3);
    return {
      archive,
      archives: new ArchiveCatalog([
        new LegacyPcaArchiveBackend({ model: archive, backend }),
        new CloudArchiveBackend({ client }),
        new ColdArchiveBackend({ client, s3Access, ...(transfers && { transfers }) }),
        new DeepArchiveBackend({ client, s3Access, ...(s3 && { s3 }), ...(transfers && { transfers }) }),
      ]),
    };
  };
}

/** Wires main's services and IPC handlers once; the Electron entry and the tests share it. */
export function createDesktopServices(deps: DesktopServiceDeps): DesktopServices {
  const language = new UiLanguageSetting(deps.locale);
  const createClient = deps.createClient ?? ((options) => new OvhClient(options));
  const trial = new TrialSandbox({
    start: deps.startSandbox,
    dataFile: join(deps.dataDirectory, 'trial-sandbox.json'),
    recordFile: join(deps.dataDirectory, 'trial-endpoint.json'),
    log: deps.log,
  });
  const sessions = new ProfileSessions({
    profileStore: deps.profileStore,
    secretStore: deps.secretStore,
    trial,
    createClient,
    createArchives: archivesFactory(deps),
    emit: deps.emit,
  });
  const login = new LoginFlow({
    sessions,
    trial,
    createClient,
    openExternal: deps.openExternal,
    emit: deps.emit,
    log: deps.log,
    ...(deps.validationPollInterval && { pollInterval: deps.validationPollInterval }),
  });
  const tasks = new TaskWatcher({
    emit: deps.emit,
    notify: deps.notify,
    describeEnd: (tasks, sessionName) => describeTasksEnd(language.current, tasks, sessionName),
    log: deps.log,
    ...(deps.taskPollIntervalMs !== undefined && { pollIntervalMs: deps.taskPollIntervalMs }),
    ...(deps.longTaskMs !== undefined && { longTaskMs: deps.longTaskMs }),
  });
  const knownSecrets = () => sessions.knownSecrets();
  const retrievals = new RetrievalWatcher({
    emit: deps.emit,
    notify: deps.notify,
    describeEnd: (archiveName, keys) => describeRetrievalEnd(language.current, archiveName, keys),
    knownSecrets,
    log: deps.log,
    ...(deps.retrievalPollIntervalMs !== undefined && { pollIntervalMs: deps.retrievalPollIntervalMs }),
  });
  const lifecycles = new LifecycleWatcher({
    emit: deps.emit,
    notify: deps.notify,
    describeEnd: (step, archive) => describeLifecycleEnd(language.current, step, archive),
    knownSecrets,
    log: deps.log,
    ...(deps.lifecyclePollIntervalMs !== undefined && { pollIntervalMs: deps.lifecyclePollIntervalMs }),
  });
  const transfers = new TransferService({ emit: deps.emit, knownSecrets, log: deps.log });
  const handlers: IpcHandlers = {
    ...createAppHandlers({ ...deps, language }),
    ...createProfileHandlers(sessions),
    ...createAuthHandlers(login),
    ...createArchiveHandlers(sessions, tasks),
    ...createConsoleHandlers(sessions),
    ...createCatalogHandlers(sessions, retrievals),
    ...createLifecycleHandlers(sessions, lifecycles),
    ...createTransferHandlers({ sessions, dialogs: deps.dialogs, grants: new DialogGrants(), transfers }),
  };
  return {
    handlers,
    sessions,
    login,
    tasks,
    retrievals,
    lifecycles,
    transfers,
    trial,
    language,
    knownSecrets,
    async close() {
      tasks.stop();
      await retrievals.stop();
      await lifecycles.stop();
      await transfers.close();
      for (const profile of (await sessions.list().catch(() => ({ profiles: [] }))).profiles) {
        sessions.cancelPending(profile.name);
      }
      await login.settle();
      await trial.close();
    },
  };
}
