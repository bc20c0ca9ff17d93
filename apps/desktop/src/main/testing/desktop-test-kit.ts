// Main-process services wired for Node tests: the real handlers over the real sandbox, with
// in-memory profile and secret stores (the keychain adapter has its own tests, and the end-to-end
// suite uses the real one), short poll intervals, and recorders for events, browsers and notifications.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryProfileStore, InMemoryS3CredentialStore, InMemorySecretStore } from '@ovh-pca/core';
import { AwsS3ClientFactory } from '@ovh-pca/platform-node/s3';
import { type SandboxHandle, type StartSandboxOptions, startSandbox } from '@ovh-pca/sandbox';
import { createIpcDispatcher, type IpcDispatch } from '../ipc/ipc-dispatcher.js';
import { APP_ORIGIN, createSenderCheck } from '../ipc/trusted-sender.js';
import {
  createDesktopServices,
  type DesktopServiceDeps,
  type DesktopServices,
} from '../services/desktop-services.js';
import { EventRecorder } from './event-recorder.js';
import { ScriptedDialogs } from './scripted-dialogs.js';

export interface DesktopTestKit {
  sandbox: SandboxHandle;
  services: DesktopServices;
  dispatch: IpcDispatch;
  /** Calls a channel as the app's own window would; throws on an error result. */
  call: <C extends Parameters<IpcDispatch>[0]>(channel: C, input: unknown) => Promise<unknown>;
  events: EventRecorder;
  dialogs: ScriptedDialogs;
  opened: string[];
  notifications: Array<{ title: string; body: string }>;
  logs: string[];
  profileStore: InMemoryProfileStore;
  secretStore: InMemorySecretStore;
  close(): Promise<void>;
}

export const TRUSTED_SENDER = { url: `${APP_ORIGIN}/index.html`, isMainFrame: true };

export async function startDesktopTestKit(
  options: { sandbox?: StartSandboxOptions; deps?: Partial<DesktopServiceDeps> } = {},
): Promise<DesktopTestKit> {
  const sandbox = await startSandbox({ taskDurationSeconds: 1, sessions: 6, files: 4, ...options.sandbox });
  const dataDirectory = await mkdtemp(join(tmpdir(), 'ovh-pca-desktop-'));
  const events = new EventRecorder();
  const opened: string[] = [];
  const notifications: Array<{ title: string; body: string }> = [];
  const logs: string[] = [];
  const profileStore = new InMemoryProfileStore();
  const secretStore = new InMemorySecretStore();
  const dialogs = new ScriptedDialogs();
  const services = createDesktopServices({
    profileStore,
    secretStore,
    s3CredentialStore: new InMemoryS3CredentialStore(),
    startSandbox: (trialOptions) => startSandbox({ ...trialOptions, sessions: 4, files: 3 }),
    dataDirectory,
    openExternal: async (url) => {
      opened.push(url);
    },
    notify: (title, body) => notifications.push({ title, body }),
    dialogs,
    emit: events.emit,
    log: (line) => logs.push(line),
    version: '0.0.0-test',
    platform: process.platform,
    locale: 'en-US',
    validationPollInterval: { initialMs: 50, maxMs: 200 },
    taskPollIntervalMs: 100,
    retrievalPollIntervalMs: 100,
    lifecyclePollIntervalMs: 100,
    // Cold Archive v1/v2 bytes through the AWS SDK against the sandbox's S3, as in the app.
    createS3: (access) => new AwsS3ClientFactory({ access }),
    longTaskMs: 0,
    ...options.deps,
  });
  const dispatch = createIpcDispatcher({
    handlers: services.handlers,
    isTrustedSender: createSenderCheck(),
    knownSecrets: services.knownSecrets,
    log: (line) => logs.push(line),
  });
  const call = async (channel: Parameters<IpcDispatch>[0], input: unknown) => {
    const result = await dispatch(channel, TRUSTED_SENDER, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { serialised: result.error });
    return result.value;
  };
  return {
    sandbox,
    services,
    dispatch,
    call,
    events,
    dialogs,
    opened,
    notifications,
    logs,
    profileStore,
    secretStore,
    async close() {
      await services.close();
      await sandbox.close();
      await rm(dataDirectory, { recursive: true, force: true });
    },
  };
}
