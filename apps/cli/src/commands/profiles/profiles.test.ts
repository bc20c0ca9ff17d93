import { FileProfileStore } from '@ovh-pca/platform-node';
import { type SandboxHandle, startSandbox } from '@ovh-pca/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../exit-codes.js';
import { makeTestHome, runBuiltCli } from '../../testing/run-built-cli.js';

// Profiles written by the same store the desktop app uses; the secrets come from OVH_* variables
// here so these tests need no keychain (the keychain path is covered in commands/auth).
let sandbox: SandboxHandle;
let home: Awaited<ReturnType<typeof makeTestHome>>;
let store: FileProfileStore;
const secretsEnv = () => ({
  OVH_APPLICATION_SECRET: sandbox.applicationSecret,
  OVH_CONSUMER_KEY: sandbox.consumerKey,
});
const cli = (args: string[], env: Record<string, string> = {}) =>
  runBuiltCli(args, { env: { ...home.env, ...env } });

beforeAll(async () => {
  sandbox = await startSandbox({ sessions: 2, files: 1, seed: 17 });
  home = await makeTestHome();
  store = new FileProfileStore({ directory: home.env.OVH_PCA_CONFIG_DIR! });
  for (const name of ['alpha', 'beta']) {
    await store.upsert({
      name,
      endpoint: sandbox.endpoint,
      applicationKey: sandbox.applicationKey,
      rules: [],
    });
  }
  await store.setDefault('alpha');
});
afterAll(async () => {
  await sandbox?.close();
  await home?.dispose();
});

describe('profiles and services use', () => {
  it('lists profiles, shows one, switches the default', async () => {
    const list = await cli(['profiles', 'list', '--json']);
    expect(list.code, list.stderr).toBe(0);
    expect(
      JSON.parse(list.stdout).map((p: { name: string; default: boolean }) => [p.name, p.default]),
    ).toEqual([
      ['alpha', true],
      ['beta', false],
    ]);
    const use = await cli(['profiles', 'use', 'beta']);
    expect(use.code, use.stderr).toBe(0);
    expect(await store.getDefault()).toBe('beta');
    const csv = await cli(['profiles', 'list', '--csv']);
    expect(csv.stdout.split('\n')[0]).toBe('Default,Name,Endpoint,Account,Service,Expires');
    expect((await cli(['profiles', 'use', 'gamma'])).code).toBe(ExitCode.usage);

    const show = await cli(['profiles', 'show', 'alpha']);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toMatch(/Application key\s+\S+/);
    expect(show.stdout).toMatch(/Consumer key\s+(missing|in the keychain|unknown \(keychain unavailable\))/);
  });

  it('pins a service in the profile, which then scopes every command, and unpins it', async () => {
    const services = JSON.parse((await cli(['services', 'list', '--json'], secretsEnv())).stdout) as Array<{
      id: string;
    }>;
    const chosen = services[0]!.id;
    const use = await cli(['--profile', 'alpha', 'services', 'use', chosen], secretsEnv());
    expect(use.code, use.stderr).toBe(0);
    expect((await store.get('alpha'))?.archiveService).toBe(chosen);

    const listed = await cli(['--profile', 'alpha', 'services', 'list', '--json'], secretsEnv());
    expect(JSON.parse(listed.stdout).filter((s: { pinned: boolean }) => s.pinned)).toEqual([
      expect.objectContaining({ id: chosen }),
    ]);
    const sessions = JSON.parse(
      (await cli(['--profile', 'alpha', 'sessions', 'list', '--json'], secretsEnv())).stdout,
    ) as Array<{ serviceId: string }>;
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.every((session) => session.serviceId === chosen)).toBe(true);

    const unknown = await cli(['--profile', 'alpha', 'services', 'use', 'nope/pca-00000000'], secretsEnv());
    expect(unknown.code).toBe(ExitCode.usage);
    expect((await cli(['--profile', 'alpha', 'services', 'use', '--all'], secretsEnv())).code).toBe(0);
    expect((await store.get('alpha'))?.archiveService).toBeUndefined();
  });

  it('removes a profile only when confirmed', async () => {
    expect((await cli(['profiles', 'remove', 'alpha'])).code).toBe(ExitCode.usage);
    expect(await store.get('alpha')).toBeDefined();
    const removed = await cli(['profiles', 'remove', 'alpha', '--yes'], secretsEnv());
    // Removing clears the keychain entries first: without a Secret Service that step fails with a
    // keychain error and the profile stays whole.
    if (process.env.OVH_PCA_IN_KEYRING_SESSION) {
      expect(removed.code, removed.stderr).toBe(0);
      expect(await store.get('alpha')).toBeUndefined();
    } else {
      expect(removed.code).toBe(ExitCode.failed);
      expect(removed.stderr).toMatch(/keychain|Secret Service/i);
      expect(await store.get('alpha')).toBeDefined();
    }
  });
});
