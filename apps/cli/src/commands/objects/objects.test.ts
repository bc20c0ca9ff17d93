import { type SandboxHandle, startSandbox } from '@ovh-pca/sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../exit-codes.js';
import { makeTestHome, runBuiltCli, sandboxKeysEnv } from '../../testing/run-built-cli.js';
import { containerObjects, unsealRequests } from '../../testing/sandbox-facts.js';

// objects list and retrieve, as the built binary against the sandbox's API v1 and Swift.
const OBJECTS = 1000;
const RETRIEVAL_DELAY_SECONDS = 2;

let sandbox: SandboxHandle;
let home: Awaited<ReturnType<typeof makeTestHome>>;
const cli = (args: string[]) => runBuiltCli(args, { env: { ...home.env, ...sandboxKeysEnv(sandbox) } });

beforeAll(async () => {
  sandbox = await startSandbox({
    seed: 31,
    sessions: 2,
    files: 1,
    objects: OBJECTS,
    retrievalDelaySeconds: RETRIEVAL_DELAY_SECONDS,
  });
  home = await makeTestHome();
});
afterAll(async () => {
  await sandbox?.close();
  await home?.dispose();
});
beforeEach(() => sandbox.clearRequests());

const swift = () => sandbox.requests().filter((entry) => entry.protocol === 'swift');
const unsealGets = () => unsealRequests(sandbox);

/** Keys of one seeded container, in Swift's order (UTF-8 bytes), from the sandbox's state. */
const containerKeys = (name: string) =>
  containerObjects(sandbox, name)
    .map((object) => object.key)
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));

describe('objects list', () => {
  it('lists every object with the documented --json fields, in one Swift page per 10,000', async () => {
    const run = await cli(['objects', 'list', 'archives-bhs', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const rows = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(rows.map((row) => row.key)).toEqual(containerKeys('archives-bhs'));
    expect(Object.keys(rows[0]!)).toEqual([
      'key',
      'bytes',
      'lastModified',
      'state',
      'readyAt',
      'retrievableUntil',
    ]);
    const states = rows.map((row) => row.state);
    // The seeded unsealing object is ready RETRIEVAL_DELAY_SECONDS after the sandbox started: on a
    // loaded machine it may be unsealed by now, so both are counted together (no timing bet).
    expect(states.filter((state) => state === 'unsealing' || state === 'unsealed')).toHaveLength(2);
    for (const row of rows.filter((entry) => entry.state === 'unsealing')) expect(row.readyAt).toMatch(/Z$/);
    expect(swift()).toHaveLength(Math.ceil(rows.length / 10_000));
    expect(swift()[0]!.path).toMatch(/policy_extra=true/);
    expect(sandbox.requests().filter((entry) => entry.path.endsWith('/storage/access'))).toHaveLength(1);
  });

  it('takes REGION/NAME and PROJECT/REGION/NAME, a prefix, and prints a table', async () => {
    const [project] = Object.keys(sandbox.state.publicCloud.projects);
    const full = await cli([
      'objects',
      'list',
      `${project}/BHS/archives-bhs`,
      '--prefix',
      'README',
      '--json',
    ]);
    expect(full.code, full.stderr).toBe(0);
    expect((JSON.parse(full.stdout) as Array<{ key: string }>).map((row) => row.key)).toEqual(['README.txt']);
    const table = await cli(['objects', 'list', 'bhs/archives-bhs', '--prefix', 'README']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(
      /^Key\s+Size\s+Modified\s+State\s+Ready at\s+Retrievable until$/,
    );
    expect(table.stdout).toMatch(/README\.txt\s+12 B/);
  });

  it.each([
    [['objects', 'list', ''], /must not be empty/],
    [['objects', 'list', 'n'.repeat(257)], /257 bytes, at most 256/],
    [['objects', 'list', 'a/b/c/d'], /expected NAME, REGION\/NAME or PROJECT\/REGION\/NAME/],
    [['objects', 'list', 'archives-bhs', '--prefix', 'p'.repeat(1025)], /1025 bytes, at most 1024/],
    [['retrieve', 'archives-bhs', ''], /must not be empty/],
    [['retrieve', 'archives-bhs', 'k'.repeat(1025)], /1025 bytes, at most 1024/],
    [['retrieve', 'archives-bhs'], /KEY\.\.\. or --prefix/],
  ])('bad input %j: exit 2, a message, nothing sent', async (args, message) => {
    const run = await cli(args);
    expect(run.code).toBe(ExitCode.usage);
    expect(run.stderr).toMatch(message);
    expect(sandbox.requests()).toEqual([]);
  });

  it('an unknown archive: exit 2 with the archives there are', async () => {
    const run = await cli(['objects', 'list', 'no-such-archive']);
    expect(run.code).toBe(ExitCode.usage);
    expect(run.stderr).toMatch(/No archive "no-such-archive"/);
    expect(run.stderr).toMatch(/archives-gra \(cloud-archive\)/);
    expect(swift()).toEqual([]);
  });
});

describe('retrieve', () => {
  it('unseals the named objects with one GET each; a re-run sends no unseal again', async () => {
    const keys = containerKeys('archives-gra').slice(4, 7);
    const first = await cli(['retrieve', 'archives-gra', ...keys, '--json']);
    expect(first.code, first.stderr).toBe(0);
    const rows = JSON.parse(first.stdout) as Array<{ key: string; state: string; readyAt: string | null }>;
    expect(rows.map((row) => row.key)).toEqual(keys);
    expect(rows.every((row) => row.state === 'unsealing' && row.readyAt !== null)).toBe(true);
    expect(unsealGets().map((entry) => entry.status)).toEqual([429, 429, 429]);

    sandbox.clearRequests();
    const again = await cli(['retrieve', 'archives-gra', ...keys, '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect((JSON.parse(again.stdout) as Array<{ state: string }>).map((row) => row.state)).toEqual(
      keys.map(() => 'unsealing'),
    );
    expect(unsealGets()).toEqual([]);
  });

  it(`--wait on every object of a ${OBJECTS}-object archive: all unsealed, at most 1,100 requests, no HEAD`, async () => {
    const run = await cli(['retrieve', 'archives-bhs', '--prefix', '', '--wait', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const rows = JSON.parse(run.stdout) as Array<{ key: string; state: string }>;
    expect(rows.map((row) => row.key).sort()).toEqual([...containerKeys('archives-bhs')].sort());
    expect(new Set(rows.map((row) => row.state))).toEqual(new Set(['unsealed']));
    const requests = sandbox.requests();
    expect(requests.length).toBeLessThanOrEqual(1100);
    expect(requests.filter((entry) => entry.method === 'HEAD')).toEqual([]);
    // Sealed ones only: the unsealing and the unsealed seeded objects get no GET.
    expect(unsealGets()).toHaveLength(rows.length - 2);
    process.stderr.write(`retrieve --wait of ${rows.length} objects: ${requests.length} requests\n`);
  }, 120_000);

  it('restores a legacy session through the same command', async () => {
    const passport = Object.values(sandbox.state.cloud.passports)[0]!;
    const service = Object.values(passport.pcaServices)[0]!;
    const session = Object.values(service.sessions).find((entry) => entry.endMs !== null)!;
    const run = await cli([
      'retrieve',
      `${passport.serviceName}/${service.serviceName}`,
      session.id,
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([expect.objectContaining({ key: session.id })]);
    expect(
      sandbox.requests().filter((entry) => entry.method === 'POST' && entry.path.endsWith('/restore')),
    ).toHaveLength(1);
  });
});
