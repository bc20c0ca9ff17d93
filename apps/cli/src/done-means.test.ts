import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  answerValidationPage,
  type SandboxHandle,
  startSandbox,
  type ValidationPageResult,
} from '@ovh-pca/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, makeTestHome, runBuiltCli } from './testing/run-built-cli.js';
import { containerObjects } from './testing/sandbox-facts.js';
import { findValidationUrl } from './testing/validation-page.js';

// Issue 11 "Done means", in the CLI: as a new user on the sandbox (a first login, secrets in the
// OS keychain), `archives list` shows both regions' Cloud Archive containers beside the legacy
// services; a file uploaded, retrieved and downloaded comes back byte for byte; old objects are
// pruned after a preview. Needs a real Secret Service (scripts/with-keyring.sh; CI always has one).
const keyring = Boolean(process.env.OVH_PCA_IN_KEYRING_SESSION);
const DAY = 86_400;
const MIB = 1024 * 1024;

let sandbox: SandboxHandle;
let home: Awaited<ReturnType<typeof makeTestHome>>;
let user: { nichandle: string; password: string };
let app: { applicationKey: string; applicationSecret: string };
const cli = (args: string[]): Promise<CliRun> => runBuiltCli(args, { env: home.env });

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 61, sessions: 2, files: 1, objects: 6, retrievalDelaySeconds: 1 });
  home = await makeTestHome();
  // The account holder of the seeded data, new to ovh-pca: an application of their own, a fresh
  // home and keychain profile.
  user = sandbox.account;
  app = sandbox.createApplication({ name: 'my-archive-tool' });
});
afterAll(async () => {
  await sandbox?.close();
  await home?.dispose();
});

describe.skipIf(!keyring && !process.env.CI)('issue 11 done means, in the CLI', () => {
  let project: string;

  it('a new user logs in, and archives list shows Cloud Archive in GRA and BHS beside legacy PCA', async () => {
    let answered: Promise<ValidationPageResult> | undefined;
    const login = await runBuiltCli(
      ['login', '--endpoint', sandbox.endpoint, '--app-key', app.applicationKey, '--rules', 'archive-full'],
      {
        env: home.env,
        stdin: `${app.applicationSecret}\n`,
        onStderr: (stderr) => {
          const url = findValidationUrl(stderr);
          if (url && !answered)
            answered = answerValidationPage(url, {
              login: user.nichandle,
              password: user.password,
              action: 'accept',
              followRedirect: true,
            });
        },
      },
    );
    expect(login.code, login.stderr).toBe(0);
    expect((await answered)?.status).toBe(200);

    const list = await cli(['archives', 'list', '--json']);
    expect(list.code, list.stderr).toBe(0);
    const rows = JSON.parse(list.stdout) as Array<{
      product: string;
      project: string;
      region: string | null;
    }>;
    const cloud = rows.filter((row) => row.product === 'cloud-archive');
    expect(new Set(cloud.map((row) => row.region))).toEqual(new Set(['GRA', 'BHS']));
    expect(rows.filter((row) => row.product === 'legacy-pca').length).toBeGreaterThan(0);
    project = cloud.find((row) => row.region === 'GRA')!.project;
  });

  it('a file uploaded (in segments), retrieved and downloaded comes back byte for byte', async () => {
    const created = await cli(['archives', 'create', `${project}/GRA/done-means`, '--json']);
    expect(created.code, created.stderr).toBe(0);
    const folder = join(home.home, 'files');
    await mkdir(folder, { recursive: true });
    const bytes = randomBytes(3 * MIB + 12_345);
    await writeFile(join(folder, 'backup.tar'), bytes);

    const upload = await cli([
      'upload',
      join(folder, 'backup.tar'),
      'GRA/done-means',
      '--prefix',
      'old',
      '--segment-size',
      '1MiB',
    ]);
    expect(upload.code, upload.stderr).toBe(0);
    expect(containerObjects(sandbox, 'done-means_segments')).toHaveLength(4);

    const listed = JSON.parse((await cli(['objects', 'list', 'GRA/done-means', '--json'])).stdout) as Array<{
      key: string;
      state: string;
    }>;
    expect(listed).toEqual([expect.objectContaining({ key: 'old/backup.tar', state: 'sealed' })]);
    const retrieve = await cli(['retrieve', 'GRA/done-means', 'old/backup.tar', '--wait', '--json']);
    expect(retrieve.code, retrieve.stderr).toBe(0);
    expect(JSON.parse(retrieve.stdout)).toEqual([expect.objectContaining({ state: 'unsealed' })]);

    const target = join(home.home, 'restored.tar');
    const download = await cli(['download', 'GRA/done-means', 'old/backup.tar', '-o', target]);
    expect(download.code, download.stderr).toBe(0);
    expect((await readFile(target)).equals(bytes)).toBe(true);
  });

  it('old objects are pruned after a preview: the old file and its segments go, the recent one stays', async () => {
    // Forty days later, a second backup.
    sandbox.setBehaviour({ skewSeconds: sandbox.clock.skewSeconds + 40 * DAY });
    const folder = join(home.home, 'files');
    await writeFile(join(folder, 'backup.tar'), randomBytes(2 * MIB));
    const upload = await cli([
      'upload',
      join(folder, 'backup.tar'),
      'GRA/done-means',
      '--prefix',
      'new',
      '--segment-size',
      '1MiB',
    ]);
    expect(upload.code, upload.stderr).toBe(0);
    const segmentsBefore = containerObjects(sandbox, 'done-means_segments').map((object) => object.key);
    expect(segmentsBefore).toHaveLength(6);

    const preview = await cli(['objects', 'prune', 'GRA/done-means', '--older-than', '30d', '--dry-run']);
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stdout).toMatch(
      /Deletes objects of .+\/GRA\/done-means last modified before .+ \(30 days ago, server clock\):/,
    );
    expect(preview.stdout).toMatch(/old\/backup\.tar {2}\(\+ 4 segment\(s\) in done-means_segments\)/);
    expect(preview.stdout).not.toMatch(/new\/backup\.tar/);
    expect(preview.stdout).toMatch(/Total: 1 object\(s\), 5 deletion\(s\) with segments/);
    expect(containerObjects(sandbox, 'done-means')).toHaveLength(2);

    sandbox.clearRequests();
    const prune = await cli(['objects', 'prune', 'GRA/done-means', '--older-than', '30d', '--yes']);
    expect(prune.code, prune.stderr).toBe(0);
    expect(prune.stderr).toMatch(/Deleted 1 object\(s\) and 4 segment\(s\)/);
    expect(containerObjects(sandbox, 'done-means').map((object) => object.key)).toEqual(['new/backup.tar']);
    const segmentsAfter = containerObjects(sandbox, 'done-means_segments').map((object) => object.key);
    expect(segmentsAfter).toHaveLength(2);
    expect(segmentsAfter.every((key) => key.startsWith('new/'))).toBe(true);
    expect(sandbox.requests().filter((entry) => entry.method === 'DELETE')).toHaveLength(5);
  });
});
