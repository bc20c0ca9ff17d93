// The end-to-end rig: the real renderer (production build) in Debian's Chromium, its window API
// given by the preload shim, every call handled by the real main-process services and dispatcher
// in this Node process, against the sandbox, with profiles in a temporary directory and secrets in
// the real Secret Service (run under scripts/with-keyring.sh). The validation page opens in a
// second browser context that stands for the system browser.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileProfileStore, KeytarS3CredentialStore, KeytarSecretStore } from '@ovh-pca/platform-node';
import { AwsS3ClientFactory } from '@ovh-pca/platform-node/s3';
import { type SandboxHandle, type StartSandboxOptions, startSandbox } from '@ovh-pca/sandbox';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { createIpcDispatcher } from '../../src/main/ipc/ipc-dispatcher.js';
import { createSenderCheck } from '../../src/main/ipc/trusted-sender.js';
import type { EmitEvent } from '../../src/main/services/app-events.js';
import { createDesktopServices, type DesktopServices } from '../../src/main/services/desktop-services.js';
import { ScriptedDialogs } from '../../src/main/testing/scripted-dialogs.js';
import type { EventChannel, InvokeChannel } from '../../src/shared/ipc-channels.js';
import { startAppServer } from './app-server.js';
import { E2E_ASSETS } from './build-test-assets.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOT_DIRECTORY = `${root}.cache/screenshots`;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

export interface DesktopHarness {
  sandbox: SandboxHandle;
  services: DesktopServices;
  page: Page;
  appOrigin: string;
  /** Resolves with the next page main opened "in the system browser". */
  nextBrowserPage(): Promise<Page>;
  /** The OS dialogs main opens: queue what the user picks (real temporary folders and files). */
  dialogs: ScriptedDialogs;
  /** A temporary directory of this run (removed on close), for downloads and files to upload. */
  workDirectory: string;
  notifications: Array<{ title: string; body: string }>;
  /** Errors the page logged (CSP violations included) and uncaught exceptions. */
  pageErrors: string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function startDesktopHarness(
  options: { sandbox?: StartSandboxOptions; trialSandbox?: StartSandboxOptions } = {},
): Promise<DesktopHarness> {
  const sandbox = await startSandbox({ taskDurationSeconds: 1, sessions: 40, files: 6, ...options.sandbox });
  const dataDirectory = await mkdtemp(join(tmpdir(), 'ovh-pca-e2e-'));
  await mkdir(SCREENSHOT_DIRECTORY, { recursive: true });
  const appServer = await startAppServer(E2E_ASSETS.renderer);
  const browser = await launchChromium();
  const systemBrowser: BrowserContext = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  // A bound on failure, not a wait: fail a step with the locator at fault before the test's own
  // timeout, yet leave a busy 2-core CI machine room (a retention run took 8 s+ at load 20).
  context.setDefaultTimeout(20_000);
  systemBrowser.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));

  // Each run has its own keychain service name, so nothing it stores meets another run's secrets.
  const secretStore = new KeytarSecretStore({ service: `ovh-pca-e2e-${randomBytes(6).toString('hex')}` });
  const profileStore = new FileProfileStore({ directory: join(dataDirectory, 'config') });
  const openedPages: Page[] = [];
  const pageWaiters: Array<(page: Page) => void> = [];
  const notifications: Array<{ title: string; body: string }> = [];
  const dialogs = new ScriptedDialogs();

  const emit: EmitEvent = (event, payload) => {
    // Like webContents.send: dropped when the page is navigating.
    page
      .evaluate(([name, data]) => window.__ovhPcaEmit(name as EventChannel, data), [event, payload] as const)
      .catch(() => {});
  };
  const services = createDesktopServices({
    profileStore,
    secretStore,
    s3CredentialStore: new KeytarS3CredentialStore({
      service: `ovh-pca-e2e-${randomBytes(6).toString('hex')}`,
    }),
    startSandbox: (trialOptions) =>
      startSandbox({ ...trialOptions, sessions: 6, files: 3, ...options.trialSandbox }),
    dataDirectory,
    openExternal: async (url) => {
      const browserPage = await systemBrowser.newPage();
      await browserPage.goto(url);
      const waiter = pageWaiters.shift();
      if (waiter) waiter(browserPage);
      else openedPages.push(browserPage);
    },
    notify: (title, body) => notifications.push({ title, body }),
    dialogs,
    emit,
    log: () => {},
    version: '0.0.0-e2e',
    platform: process.platform,
    locale: 'en-US',
    validationPollInterval: { initialMs: 100, maxMs: 400 },
    taskPollIntervalMs: 200,
    retrievalPollIntervalMs: 200,
    lifecyclePollIntervalMs: 200,
    createS3: (access) => new AwsS3ClientFactory({ access }),
    longTaskMs: 0,
  });
  const dispatch = createIpcDispatcher({
    handlers: services.handlers,
    // The test server stands for app://ovh-pca: it is the one trusted origin.
    isTrustedSender: createSenderCheck([appServer.origin]),
    knownSecrets: services.knownSecrets,
  });
  await page.exposeBinding('__ovhPcaInvoke', async ({ frame }, channel: InvokeChannel, input: unknown) =>
    JSON.stringify(
      await dispatch(channel, { url: frame.url(), isMainFrame: frame === page.mainFrame() }, input),
    ),
  );
  await page.addInitScript({ path: E2E_ASSETS.preloadShim });
  await page.goto(`${appServer.origin}/index.html`);

  return {
    sandbox,
    services,
    page,
    appOrigin: appServer.origin,
    notifications,
    dialogs,
    workDirectory: dataDirectory,
    pageErrors,
    nextBrowserPage: () => {
      const ready = openedPages.shift();
      return ready ? Promise.resolve(ready) : new Promise((resolve) => pageWaiters.push(resolve));
    },
    screenshot: async (name) => {
      const path = `${SCREENSHOT_DIRECTORY}/${name}.png`;
      await page.screenshot({ path, fullPage: false });
      return path;
    },
    async close() {
      await services.close();
      for (const profile of await profileStore.list()) await secretStore.deleteProfile(profile.name);
      await browser.close();
      await appServer.close();
      await sandbox.close();
      await rm(dataDirectory, { recursive: true, force: true });
    },
  };
}
