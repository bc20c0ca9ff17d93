import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  forgetConsumerKey,
  getCurrentCredential,
  InMemorySecretStore,
  logout,
  OvhClient,
  presetAccessRules,
  removeProfileAndSecrets,
  requestConsumerKey,
  saveLogin,
  waitForValidation,
} from '@ovh-pca/core';
import { answerValidationPage, type SandboxHandle, startSandbox } from '@ovh-pca/sandbox';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNodeCredentialServices, type NodeCredentialServices } from './node-credential-services.js';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'ovh-pca-home-'));
});
afterEach(() => rm(home, { recursive: true, force: true }));

const services = (extra: Record<string, string> = {}, secretStore?: InMemorySecretStore) =>
  createNodeCredentialServices({
    env: { OVH_PCA_CONFIG_DIR: join(home, 'config'), ...extra },
    home,
    cwd: join(home, 'project'),
    ovhConfPaths: [join(home, '.ovh.conf')],
    ...(secretStore ? { secretStore } : {}),
  });

/** Every file under a directory, recursively, with its content. */
async function filesUnder(dir: string): Promise<Array<{ path: string; text: string }>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const path = join(entry.parentPath, entry.name);
        return { path, text: await readFile(path, 'latin1') };
      }),
  );
}

describe('createNodeCredentialServices', () => {
  it('resolves from the environment, the profile file and ovh.conf, explaining each source', async () => {
    await writeFile(
      join(home, '.ovh.conf'),
      '[ovh-ca]\napplication_secret=AS-from-conf\nconsumer_key=CK-from-conf\n',
    );
    const s = services({ OVH_APPLICATION_KEY: 'AK-env' }, new InMemorySecretStore());
    await s.profileStore.upsert({
      name: 'acme',
      endpoint: 'ovh-ca',
      applicationKey: 'AK-profile',
      rules: [],
    });
    const config = await s.resolveConfig({ profile: 'acme' });
    expect(config.explain().map((line) => `${line.setting}: ${line.sourceLabel}`)).toEqual([
      'profile: flag --profile',
      'endpoint: profile acme',
      'applicationKey: env OVH_APPLICATION_KEY',
      `applicationSecret: ovh.conf ${join(home, '.ovh.conf')} [ovh-ca]`,
      `consumerKey: ovh.conf ${join(home, '.ovh.conf')} [ovh-ca]`,
      'archiveService: not set',
    ]);
    expect(JSON.stringify(config)).not.toContain('from-conf');
  });

  it('validates the environment once, at creation', () => {
    expect(() => services({ OVH_PROFILE: 'bad name' })).toThrow(/Invalid OVH_PROFILE/);
  });

  it('writes profiles.json under OVH_PCA_CONFIG_DIR', async () => {
    const s = services({}, new InMemorySecretStore());
    await s.profileStore.upsert({ name: 'acme', endpoint: 'ovh-eu', applicationKey: 'AK', rules: [] });
    expect(s.profileStore.filePath).toBe(join(home, 'config', 'profiles.json'));
    expect((await filesUnder(home)).map((file) => file.path)).toEqual([
      join(home, 'config', 'profiles.json'),
    ]);
  });
});

const hasSessionBus = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);
describe.skipIf(process.platform === 'linux' && !hasSessionBus)(
  hasSessionBus
    ? 'login, use and logout with the real keychain and the sandbox'
    : 'login, use and logout with the real keychain and the sandbox (SKIPPED: DBUS_SESSION_BUS_ADDRESS is unset; run under scripts/with-keyring.sh)',
  () => {
    let eu: SandboxHandle;
    let ca: SandboxHandle;
    const suffix = randomBytes(3).toString('hex');
    const profiles = [`eu-${suffix}`, `ca-${suffix}`];
    let s: NodeCredentialServices;

    beforeAll(async () => {
      [eu, ca] = await Promise.all([startSandbox({ seed: 1 }), startSandbox({ seed: 2 })]);
    });
    afterAll(async () => {
      await Promise.all([eu?.close(), ca?.close()]);
    });
    afterEach(async () => {
      for (const name of profiles) await s.secretStore.deleteProfile?.(name);
    });

    /** What `ovh-pca login` does, with the account holder accepting on the validation page. */
    async function login(sandbox: SandboxHandle, name: string) {
      const client = new OvhClient({
        endpoint: sandbox.endpoint,
        applicationKey: sandbox.applicationKey,
        applicationSecret: sandbox.applicationSecret,
      });
      const pending = await requestConsumerKey(client, { accessRules: presetAccessRules('archive-full') });
      let accepted: Promise<unknown> | undefined;
      const outcome = await waitForValidation(client, {
        consumerKey: pending.consumerKey,
        interval: { initialMs: 5, maxMs: 20 },
        timeoutMs: 20_000,
        onPoll: () => {
          accepted ??= answerValidationPage(pending.validationUrl, {
            action: 'accept',
            login: sandbox.account.nichandle,
            password: sandbox.account.password,
          });
        },
      });
      await accepted;
      if (outcome.status !== 'validated') throw new Error(`login ended ${outcome.status}`);
      const me = await client.request<{ nichandle: string }>('GET', '/me');
      await saveLogin({
        profileStore: s.profileStore,
        secretStore: s.secretStore,
        name,
        endpoint: sandbox.endpoint,
        applicationKey: sandbox.applicationKey,
        applicationSecret: sandbox.applicationSecret,
        consumerKey: pending.consumerKey,
        credential: outcome.credential,
        account: me.nichandle,
      });
      return pending.consumerKey;
    }

    it('keeps two profiles on two endpoints side by side, and leaves no secret in any file', async () => {
      s = services();
      const [euName, caName] = profiles as [string, string];
      const euKey = await login(eu, euName);
      const caKey = await login(ca, caName);
      expect(await s.profileStore.getDefault()).toBe(euName);

      // Use: each profile reaches its own endpoint with its own keys from the keychain.
      for (const [name, sandbox] of [
        [euName, eu],
        [caName, ca],
      ] as const) {
        const config = await services().resolveConfig({ profile: name });
        expect(config.sourceOf('consumerKey')).toEqual({ kind: 'keychain', profile: name });
        const client = new OvhClient({ ...config.requireClientCredentials() });
        expect(await client.request('GET', '/me')).toMatchObject({ nichandle: sandbox.account.nichandle });
      }
      const byDefault = await services().resolveConfig();
      expect(byDefault.endpoint).toBe(eu.endpoint);

      // Logout of one profile: revoked on its server, gone from the keychain, the other untouched.
      const euConfig = await s.resolveConfig({ profile: euName });
      const euClient = new OvhClient({ ...euConfig.requireClientCredentials() });
      await logout(euClient);
      await forgetConsumerKey(s, euName);
      await expect(getCurrentCredential(euClient)).rejects.toThrow(/not valid/);
      expect((await s.resolveConfig({ profile: euName })).missing()).toEqual(['consumerKey']);
      expect((await s.resolveConfig({ profile: caName })).missing()).toEqual([]);

      const secrets = [eu.applicationSecret, ca.applicationSecret, euKey, caKey];
      const files = await filesUnder(home);
      expect(files.map((file) => file.path)).toEqual([join(home, 'config', 'profiles.json')]);
      for (const file of files) for (const secret of secrets) expect(file.text).not.toContain(secret);

      expect(await removeProfileAndSecrets(s, caName)).toBe(true);
      expect(await s.secretStore.get(caName, 'applicationSecret')).toBeUndefined();
    });
  },
);
