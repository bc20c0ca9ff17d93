import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeychainUnavailableError } from '@ovh-pca/core';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromKeytarError } from './keytar-errors.js';
import { KEYCHAIN_SERVICE, KeytarSecretStore } from './keytar-secret-store.js';
import { runProbe } from './testing/run-probe.js';

const hasSessionBus = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);
const realKeychain = describe.skipIf(process.platform === 'linux' && !hasSessionBus);

realKeychain(
  hasSessionBus
    ? 'KeytarSecretStore on a real Secret Service'
    : 'KeytarSecretStore on a real Secret Service (SKIPPED: DBUS_SESSION_BUS_ADDRESS is unset; run under scripts/with-keyring.sh)',
  () => {
    // Unique names: under a developer's own session this must never touch real profiles.
    const profile = `test-${randomBytes(4).toString('hex')}`;
    const store = new KeytarSecretStore();
    afterAll(() => store.deleteProfile(profile));

    it('stores, reads back and deletes each secret under service ovh-pca, account PROFILE:NAME', async () => {
      expect(await store.get(profile, 'consumerKey')).toBeUndefined();
      await store.set(profile, 'applicationSecret', 'AS-é-secret');
      await store.set(profile, 'consumerKey', 'CK-secret');
      expect(await store.get(profile, 'applicationSecret')).toBe('AS-é-secret');
      expect(await keytar.getPassword(KEYCHAIN_SERVICE, `${profile}:consumerKey`)).toBe('CK-secret');

      expect(await store.delete(profile, 'consumerKey')).toBe(true);
      expect(await store.delete(profile, 'consumerKey')).toBe(false);
      expect(await store.get(profile, 'consumerKey')).toBeUndefined();
      expect(await store.get(profile, 'applicationSecret')).toBe('AS-é-secret');
    });

    it('shares entries between instances (the CLI and the desktop app), and deleteProfile clears both', async () => {
      const other = `${profile}-b`;
      await new KeytarSecretStore().set(other, 'applicationSecret', 'from-the-desktop');
      await new KeytarSecretStore().set(other, 'consumerKey', 'ck-from-the-desktop');
      expect(await store.get(other, 'applicationSecret')).toBe('from-the-desktop');
      await store.deleteProfile(other);
      const accounts = (await keytar.findCredentials(KEYCHAIN_SERVICE)).map((entry) => entry.account);
      expect(accounts.filter((account) => account.startsWith(`${other}:`))).toEqual([]);
    });

    it('refuses to store an empty secret', async () => {
      await expect(store.set(profile, 'consumerKey', '')).rejects.toThrow(/empty consumerKey/);
    });
  },
);

describe('no usable keychain (child processes, never a plaintext fallback)', () => {
  let home: string;
  let hungBus: Server;
  let hungBusPath: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'ovh-pca-nokeychain-'));
    hungBusPath = join(home, 'hung-bus.sock');
    // Accepts connections and never answers: a D-Bus that hangs, like a keyring stuck on a prompt.
    hungBus = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => hungBus.listen(hungBusPath, resolve));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => hungBus.close(resolve));
    await rm(home, { recursive: true, force: true });
  });

  const childEnv = (bus: string, extra: Record<string, string> = {}) => ({
    PATH: process.env.PATH,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local/share'),
    DBUS_SESSION_BUS_ADDRESS: bus,
    ...extra,
  });

  it.skipIf(process.platform !== 'linux')(
    'a dead D-Bus socket gives KeychainUnavailableError with the hint',
    async () => {
      const answer = (await runProbe('read', childEnv(`unix:path=${join(home, 'no-such-bus')}`))) as {
        error: { name: string; code: string; message: string; hint: string };
      };
      expect(answer.error).toMatchObject({ name: 'KeychainUnavailableError', code: 'no-secret-service' });
      expect(answer.error.message).toMatch(
        /^The OS keychain is unavailable: no keychain service is reachable \(/,
      );
      expect(answer.error.hint).toContain('gnome-keyring');
      expect(answer.error.hint).toContain('OVH_APPLICATION_SECRET');
      expect(answer.error.hint).toContain('never falls back to storing secrets in a file');
      // Nothing was written anywhere instead.
      expect(await readdir(home)).toEqual(['hung-bus.sock']);
    },
  );

  it.skipIf(process.platform !== 'linux')(
    'a keychain that never answers times out instead of hanging',
    async () => {
      const answer = (await runProbe(
        'read',
        childEnv(`unix:path=${hungBusPath}`, { PROBE_TIMEOUT_MS: '300' }),
      )) as {
        error: { name: string; code: string; message: string; hint: string };
      };
      expect(answer.error).toMatchObject({ name: 'KeychainUnavailableError', code: 'timeout' });
      expect(answer.error.message).toContain('no answer to a read within 300 ms');
      expect(answer.error.hint).toMatch(/locked and waiting for a password prompt/);
    },
  );

  it('does not load the native keychain module for commands that need no secret', async () => {
    const answer = await runProbe(
      'lazy',
      childEnv('unix:path=/nonexistent', { OVH_PCA_CONFIG_DIR: join(home, 'cfg') }),
    );
    expect(answer).toEqual({ applicationKey: 'AK', keytarLoaded: false });
  });
});

describe('fromKeytarError', () => {
  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'no-secret-service'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'no-secret-service'],
    ['Cannot create an item in a locked collection', 'locked'],
    ['User interaction is not allowed.', 'locked'],
    ['The user name or passphrase you entered is not correct.', 'access-denied'],
    ['Something odd', 'unknown'],
  ])('maps "%s" to %s', (message, code) => {
    const error = fromKeytarError(new Error(message), 'linux');
    expect(error).toBeInstanceOf(KeychainUnavailableError);
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });

  it('gives an OS-specific hint', () => {
    expect(fromKeytarError(new Error('locked'), 'darwin').hint).toContain('security unlock-keychain');
    expect(fromKeytarError(new Error('locked'), 'win32').hint).toContain('interactive session');
    expect(fromKeytarError(new Error('locked'), 'linux').hint).toContain('gnome-keyring-daemon --unlock');
  });
});
