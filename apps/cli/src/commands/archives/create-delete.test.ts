import { type SandboxHandle, startSandbox } from '@ovh-pca/sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../exit-codes.js';
import { makeTestHome, runBuiltCli, sandboxKeysEnv } from '../../testing/run-built-cli.js';

// archives create / delete, as the built binary: what reaches the sandbox, and what never does.
let sandbox: SandboxHandle;
let home: Awaited<ReturnType<typeof makeTestHome>>;
let first: string;
let second: string;
const cli = (args: string[]) => runBuiltCli(args, { env: { ...home.env, ...sandboxKeysEnv(sandbox) } });
const writes = () =>
  sandbox.requests().filter((entry) => entry.method === 'POST' || entry.method === 'DELETE');

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 41, sessions: 1, files: 1, objects: 6 });
  home = await makeTestHome();
  [first, second] = Object.keys(sandbox.state.publicCloud.projects) as [string, string];
});
afterAll(async () => {
  await sandbox?.close();
  await home?.dispose();
});
beforeEach(() => sandbox.clearRequests());

const container = (project: string, region: string, name: string) =>
  sandbox.state.publicCloud.projects[project]?.storage[region]?.containers[name];

describe('archives create', () => {
  it('with several projects and none named: exit 2 listing them, nothing created', async () => {
    const run = await cli(['archives', 'create', 'fresh', '--region', 'GRA']);
    expect(run.code).toBe(ExitCode.usage);
    expect(run.stderr).toContain(first);
    expect(run.stderr).toContain(second);
    expect(writes()).toEqual([]);
  });

  it('creates a PCA container from PROJECT/REGION/NAME or --region, shown by archives list', async () => {
    const run = await cli(['archives', 'create', `${first}/gra/fresh`, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      product: 'cloud-archive',
      project: first,
      region: 'GRA',
      name: 'fresh',
      objects: 0,
    });
    expect(container(first, 'GRA', 'fresh')?.policy).toBe('PCA');
    const other = await cli(['archives', 'create', `${second}/x/fresh-2`, '--region', 'BHS']);
    expect(other.code).toBe(ExitCode.usage);
    expect(other.stderr).toMatch(/Two regions/);
    const listed = JSON.parse(
      (await cli(['archives', 'list', '--product', 'cloud-archive', '--json'])).stdout,
    );
    expect(listed).toContainEqual(expect.objectContaining({ project: first, region: 'GRA', name: 'fresh' }));
  });

  it.each([
    [['archives', 'create', '', '--region', 'GRA'], /must not be empty/],
    [['archives', 'create', 'n'.repeat(257), '--region', 'GRA'], /257 bytes/],
    [['archives', 'create', 'fresh'], /--region R or REGION\/NAME/],
    [['archives', 'create', 'fresh', '--region', 'G/RA'], /Invalid region/],
    [['archives', 'delete', '', '--yes'], /must not be empty/],
  ])('bad input %j: exit 2, nothing sent', async (args, message) => {
    const run = await cli(args);
    expect(run.code).toBe(ExitCode.usage);
    expect(run.stderr).toMatch(message);
    expect(sandbox.requests()).toEqual([]);
  });
});

describe('archives delete', () => {
  it('an ambiguous name exits 2 with the candidates', async () => {
    expect((await cli(['archives', 'create', `${first}/BHS/archives-gra`])).code).toBe(0);
    sandbox.clearRequests();
    const run = await cli(['objects', 'list', 'archives-gra']);
    expect(run.code).toBe(ExitCode.usage);
    expect(run.stderr).toMatch(/ambiguous/);
    expect(run.stderr).toContain(`${first}/GRA/archives-gra (cloud-archive)`);
    expect(run.stderr).toContain(`${first}/BHS/archives-gra (cloud-archive)`);
  });

  it('without a terminal and without --yes: refused before anything is sent', async () => {
    const run = await cli(['archives', 'delete', 'BHS/archives-gra']);
    expect(run.code).toBe(ExitCode.usage);
    expect(run.stderr).toMatch(/--yes/);
    expect(sandbox.requests()).toEqual([]);
  });

  it('a non-empty archive only with --recursive', async () => {
    const run = await cli(['archives', 'delete', 'GRA/archives-gra', '--yes']);
    expect(run.code).toBe(ExitCode.usage);
    expect(run.stderr).toMatch(/holds \d+ object\(s\): add --recursive/);
    expect(writes()).toEqual([]);
    expect(container(first, 'GRA', 'archives-gra')).toBeDefined();
  });

  it('deletes an empty one, and a full one with --recursive', async () => {
    const empty = await cli(['archives', 'delete', 'BHS/archives-gra', '--yes', '--json']);
    expect(empty.code, empty.stderr).toBe(0);
    expect(JSON.parse(empty.stdout).deleted).toMatchObject({ region: 'BHS', name: 'archives-gra' });
    expect(writes().map((entry) => entry.path)).toEqual([expect.not.stringContaining('recursive')]);
    expect(container(first, 'BHS', 'archives-gra')).toBeUndefined();

    sandbox.clearRequests();
    const full = await cli(['archives', 'delete', 'cold-backups', '--recursive', '--yes']);
    expect(full.code, full.stderr).toBe(0);
    expect(writes().map((entry) => entry.path)).toEqual([expect.stringContaining('recursive=true')]);
    expect(container(second, 'GRA', 'cold-backups')).toBeUndefined();
  });
});
