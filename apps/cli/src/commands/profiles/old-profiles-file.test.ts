import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KeytarSecretStore } from '@ovh-pca/platform-node';
import { type SandboxHandle, startSandbox } from '@ovh-pca/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestHome, runBuiltCli } from '../../testing/run-built-cli.js';
import { sandboxSessions } from '../../testing/sandbox-facts.js';

// A profiles.json as ovh-pca 0.1.0 wrote it (before the product-neutral archive model), with a
// pinned legacy service in `archiveService`: it must load and scope commands exactly as before,
// and reading it must not rewrite it. Only the sandbox's address and keys are filled in; the
// secrets sit in the real Secret Service (the package's tests run under scripts/with-keyring.sh).
const PROFILE = 'old-prod';
const secrets = new KeytarSecretStore();
const FIXTURE = new URL('../../testing/fixtures/profiles-0.1.0.json', import.meta.url);

let sandbox: SandboxHandle;
let home: Awaited<ReturnType<typeof makeTestHome>>;
let file: string;
let written: string;
let pinned: string;
const cli = (args: string[]) => runBuiltCli(args, { env: home.env });

beforeAll(async () => {
  sandbox = await startSandbox({ sessions: 3, files: 1, seed: 29 });
  home = await makeTestHome();
  const services = [...new Set(sandboxSessions(sandbox).map((session) => session.serviceId))];
  expect(services.length).toBeGreaterThan(1);
  pinned = services[1]!;
  written = (await readFile(FIXTURE, 'utf8'))
    .replaceAll('@ENDPOINT@', sandbox.endpoint)
    .replaceAll('@APPLICATION_KEY@', sandbox.applicationKey)
    .replaceAll('@PINNED_SERVICE@', pinned);
  const directory = home.env.OVH_PCA_CONFIG_DIR!;
  await mkdir(directory, { recursive: true, mode: 0o700 });
  file = join(directory, 'profiles.json');
  await writeFile(file, written, { mode: 0o600 });
  await secrets.set(PROFILE, 'applicationSecret', sandbox.applicationSecret);
  await secrets.set(PROFILE, 'consumerKey', sandbox.consumerKey);
});
afterAll(async () => {
  await secrets.deleteProfile(PROFILE).catch(() => undefined);
  await sandbox?.close();
  await home?.dispose();
});

describe('a profiles.json written by ovh-pca 0.1.0', () => {
  it('keeps its pinned legacy service: sessions, services and usage are scoped to it', async () => {
    const sessions = await cli(['sessions', 'list', '--json']);
    expect(sessions.code, sessions.stderr).toBe(0);
    const ids = (JSON.parse(sessions.stdout) as Array<{ id: string; serviceId: string }>)
      .map((s) => s.id)
      .sort();
    expect(ids).toEqual(
      sandboxSessions(sandbox)
        .filter((session) => session.serviceId === pinned)
        .map((session) => session.id)
        .sort(),
    );

    const services = await cli(['services', 'list', '--json']);
    expect(services.code, services.stderr).toBe(0);
    expect(
      (JSON.parse(services.stdout) as Array<{ id: string; kind: string; pinned: boolean }>)
        .filter((service) => service.pinned)
        .map((service) => [service.id, service.kind]),
    ).toEqual([[pinned, 'pca']]);

    const usage = await cli(['usage', '--json']);
    expect(usage.code, usage.stderr).toBe(0);
    expect((JSON.parse(usage.stdout) as { services: Array<{ serviceId: string }> }).services).toEqual([
      expect.objectContaining({ serviceId: pinned }),
    ]);

    const show = await cli(['profiles', 'show', '--json']);
    expect(show.code, show.stderr).toBe(0);
    expect(JSON.parse(show.stdout)).toMatchObject({
      name: PROFILE,
      default: true,
      archiveService: pinned,
      account: 'xx1234-ovh',
    });
  });

  it('is left byte for byte as it was', async () => {
    expect((await cli(['profiles', 'list', '--json'])).code).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(written);
  });
});
