import { type SandboxHandle, startSandbox } from '@ovh-pca/sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../exit-codes.js';
import { makeTestHome, runBuiltCli, sandboxKeysEnv } from '../../testing/run-built-cli.js';
import { apiCalls, sandboxCloudArchives, sandboxDeepArchives } from '../../testing/sandbox-facts.js';

let sandbox: SandboxHandle;
let home: Awaited<ReturnType<typeof makeTestHome>>;
const cli = (args: string[]) => runBuiltCli(args, { env: { ...home.env, ...sandboxKeysEnv(sandbox) } });

beforeAll(async () => {
  sandbox = await startSandbox({ sessions: 5, files: 1, seed: 23 });
  home = await makeTestHome();
});
afterAll(async () => {
  await sandbox?.close();
  await home?.dispose();
});
beforeEach(() => sandbox.clearRequests());

/** Each PCA service as a legacy-pca row, read straight from the sandbox's state. */
function legacyRows() {
  return Object.values(sandbox.state.cloud.passports)
    .flatMap((passport) =>
      Object.values(passport.pcaServices).map((service) => {
        const sessions = Object.values(service.sessions);
        return {
          product: 'legacy-pca',
          project: passport.serviceName,
          region: null,
          name: service.serviceName,
          state: 'active',
          phase: 'open',
          objects: sessions.length,
          bytes: sessions.reduce((sum, session) => sum + session.size, 0),
          lockedUntil: null,
          restoredUntil: null,
        };
      }),
    )
    .sort((a, b) => (a.project + a.name < b.project + b.name ? -1 : 1));
}

/**
 * Every row `archives list` shows but Cold Archive v1's (whose states move on the sandbox clock):
 * products in name order.
 */
function expectedRows() {
  return [...sandboxCloudArchives(sandbox), ...sandboxDeepArchives(sandbox), ...legacyRows()];
}

const withoutColdArchive = (rows: Array<Record<string, unknown>>) =>
  rows.filter((row) => row.product !== 'cold-archive');

describe('archives list, as the built binary', () => {
  it('shows Cloud Archive containers of both regions beside every legacy PCA service, with the documented --json fields', async () => {
    const run = await cli(['archives', 'list', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const rows = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(rows.length).toBeGreaterThan(1);
    expect(withoutColdArchive(rows)).toEqual(expectedRows());
    expect(
      rows.filter((row) => row.product === 'cold-archive').every((row) => row.region === 'RBX-ARCHIVE'),
    ).toBe(true);
    const cloud = rows.filter((row) => row.product === 'cloud-archive');
    expect(new Set(cloud.map((row) => row.region))).toEqual(new Set(['GRA', 'BHS']));
    expect(rows.filter((row) => row.product === 'legacy-pca')).toEqual(legacyRows());
    expect(Object.keys(rows[0]!)).toEqual([
      'product',
      'project',
      'region',
      'name',
      'state',
      'phase',
      'objects',
      'bytes',
      'lockedUntil',
      'restoredUntil',
    ]);
    expect(run.stderr).toBe('');
  });

  it('prints a table and CSV of the same archives', async () => {
    const table = await cli(['archives', 'list']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(
      /^Product\s+Project\s+Region\s+Name\s+State\s+Objects\s+Size\s+Until$/,
    );
    const csv = (await cli(['archives', 'list', '--csv'])).stdout.trimEnd().split('\n');
    expect(csv[0]).toBe('Product,Project,Region,Name,State,Objects,Size,Until');
    expect(csv.slice(1).filter((line) => !line.startsWith('cold-archive,'))).toEqual(
      expectedRows().map((row) =>
        [row.product, row.project, row.region ?? '', row.name, row.state, row.objects, row.bytes, ''].join(
          ',',
        ),
      ),
    );
  });

  it('filters by product, and a region filter leaves region-less legacy archives out', async () => {
    const legacy = await cli(['archives', 'list', '--product', 'legacy-pca', '--json']);
    expect(JSON.parse(legacy.stdout)).toEqual(legacyRows());
    const cloud = await cli(['archives', 'list', '--product', 'cloud-archive', '--json']);
    expect(JSON.parse(cloud.stdout)).toEqual(sandboxCloudArchives(sandbox));
    const gra = await cli(['archives', 'list', '--region', 'gra', '--json']);
    expect(gra.code, gra.stderr).toBe(0);
    expect(JSON.parse(gra.stdout)).toEqual(
      sandboxCloudArchives(sandbox).filter((row) => row.region === 'GRA'),
    );
    expect(sandbox.requests().some((entry) => entry.protocol === 'swift')).toBe(false);
  });

  it.each([
    [['--product', 'tape'], /Unknown archive product "tape"/],
    [['--product', 'Legacy-PCA'], /Unknown archive product/],
    [['--region', 'GRA/1'], /Invalid region/],
    [['--product', 'cold'], /Unknown archive product/],
  ])('bad filter %j: exit 2, a message, no request', async (args, message) => {
    const run = await cli(['archives', 'list', ...args]);
    expect(run.code).toBe(ExitCode.usage);
    expect(run.stderr).toMatch(message);
    expect(apiCalls(sandbox)).toEqual([]);
  });
});
