// Composition root of the Electron main process: the only file that wires Electron to the services.
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createNodeCredentialServices, KeytarS3CredentialStore } from '@ovh-pca/platform-node';
import { AwsS3ClientFactory } from '@ovh-pca/platform-node/s3';
import { startSandbox } from '@ovh-pca/sandbox';
import {
  app,
  type BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  protocol,
  session,
  shell,
} from 'electron';
import { cliInstallMessage, cliWrapperPath, macInstallScript } from './cli-on-path.js';
import { createIpcDispatcher } from './ipc/ipc-dispatcher.js';
import { registerIpc } from './ipc/register-ipc.js';
import { maskSecrets } from './ipc/serialise-error.js';
import { createSenderCheck } from './ipc/trusted-sender.js';
import { buildMenu } from './menu.js';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './protocol/register-app-protocol.js';
import { isAllowedExternalUrl } from './security/external-url.js';
import type { EmitEvent } from './services/app-events.js';
import { createDesktopServices } from './services/desktop-services.js';
import { electronDialogs } from './transfers/electron-dialogs.js';
import { createMainWindow, guardWebContents, preloadPathFrom } from './window.js';

// Before `ready`: the renderer's scheme, and the sandbox for every renderer.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let window: BrowserWindow | null = null;
  let secrets: () => readonly string[] = () => [];
  const log = (line: string) => console.error(maskSecrets(line, secrets()));

  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    // No permission (camera, notifications from the page, geolocation…) is ever granted to web content.
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    registerAppProtocol(protocol, join(__dirname, '..', 'renderer'));

    const dataDirectory = app.getPath('userData');
    mkdirSync(dataDirectory, { recursive: true });
    const credentials = createNodeCredentialServices();
    const emit: EmitEvent = (event, payload) => window?.webContents.send(event, payload);
    const services = createDesktopServices({
      profileStore: credentials.profileStore,
      secretStore: credentials.secretStore,
      s3CredentialStore: new KeytarS3CredentialStore(),
      createS3: (access) => new AwsS3ClientFactory({ access }),
      startSandbox,
      dataDirectory,
      openExternal: async (url) => {
        if (!isAllowedExternalUrl(url)) throw new Error('Refused to open a non-https URL');
        await shell.openExternal(url);
      },
      notify: (title, body) => {
        if (Notification.isSupported()) new Notification({ title, body }).show();
      },
      dialogs: electronDialogs(dialog, () => window),
      emit,
      log,
      version: app.getVersion(),
      platform: process.platform,
      locale: app.getLocale(),
    });
    secrets = services.knownSecrets;
    registerIpc(
      ipcMain,
      createIpcDispatcher({
        handlers: services.handlers,
        isTrustedSender: createSenderCheck(),
        knownSecrets: services.knownSecrets,
        log,
      }),
    );

    const isMac = process.platform === 'darwin';
    const installCli = () => {
      const script = macInstallScript(cliWrapperPath(process.resourcesPath, process.platform));
      execFile('osascript', ['-e', script], (error) => {
        const message = cliInstallMessage(services.language.current, !error);
        void dialog.showMessageBox(error ? { type: 'error', message } : { message });
      });
    };
    Menu.setApplicationMenu(
      buildMenu({ isMac, getWindow: () => window, ...(isMac && app.isPackaged && { installCli }) }),
    );

    window = createMainWindow(preloadPathFrom(__dirname));
    window.on('closed', () => {
      window = null;
    });
    app.on('before-quit', () => {
      void services.close();
    });
  });
}
