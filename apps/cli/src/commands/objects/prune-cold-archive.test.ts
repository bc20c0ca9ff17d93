import type { RequestLogEntry } from '@ovh-pca/sandbox';
import { type SandboxHandle, startSandbox } from '@ovh-pca/sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../exit-codes.js';
import { makeTestHome, runBuiltCli, sandboxKeysEnv } from '../../testing/run-built-cli.js';

// `objects prune` on Cold Archive v2 (an EU-WEST-PAR bucket: DEEP_ARCHIVE objects priced by their
// 180-day minimum) and v1 (an RBX-ARCHIVE bucket, prunable only while never archived), as the
// built binary against the sandbox's API v1.
const DAY_MS = 86_400_000;
let sandbox: SandboxHandle;
let home: Awaited<ReturnType<typeof makeTestHome>>;
const cli = (args: string[]) => runBuiltCli(args, { env: { ...home.env, ...sandboxKeysEnv(sandbox) } });

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 53, objects: 40 });
  home = await makeTestHome();
});
afterAll(async () => {
  await sandbox?.close();
  await home?.dispose();
});
beforeEach(() => sandbox.clearRequests());

const objectDeletes = () =>
  sandbox.requests().filter((entry) => entry.method === 'DELETE' && entry.path.includes('/object/'));
const keyOf = (entry: RequestLogEntry) => decodeURIComponent(entry.path.split('?')[0]!.split('/object/')[1]!);

interface Plan {
  objects: Array<{ key: string }>;
  skipped: Array<{ key: string; reason: string }>;
  costs?: string[];
}
interface Listed {
  key: string;
  state: string;
  lastModified: string;
}

async function listed(archive: string): Promise<Listed[]> {
  const run = await cli(['objects', 'list', archive, '--json']);
  expect(run.code, run.stderr).toBe(0);
  const body = JSON.parse(run.stdout) as Listed[] | { objects: Listed[] };
  return Array.isArray(body) ? body : body.objects;
}

describe('objects prune on Cold Archive', () => {
  it('v2: --dry-run --json prices the 180-day minimum, then --yes deletes exactly the plan', async () => {
    const archive = 'EU-WEST-PAR/deep-archive-par';
    const before = await listed(archive);
    sandbox.clearRequests();
    const dry = await cli([
      'objects',
      'prune',
      archive,
      '--older-than',
      '1s',
      '--keep',
      '3',
      '--dry-run',
      '--json',
    ]);
    expect(dry.code, dry.stderr).toBe(0);
    const plan = JSON.parse(dry.stdout) as Plan;
    expect(plan.objects).toHaveLength(before.length - 3);
    expect(plan.skipped.map((skip) => skip.reason)).toEqual(['kept-newest', 'kept-newest', 'kept-newest']);
    const planned = new Set(plan.objects.map((object) => object.key));
    const young = before.filter(
      (object) =>
        planned.has(object.key) &&
        object.state !== 'available' &&
        Date.parse(object.lastModified) > sandbox.clock.nowMs() - 180 * DAY_MS,
    );
    expect(young.length).toBeGreaterThan(0);
    expect(plan.costs).toEqual([
      expect.stringMatching(new RegExp(`^${young.length} DEEP_ARCHIVE object\\(s\\)`)),
    ]);
    expect(objectDeletes()).toEqual([]);

    const run = await cli(['objects', 'prune', archive, '--older-than', '1s', '--keep', '3', '--yes']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`Cost: ${young.length} DEEP_ARCHIVE object(s)`);
    expect(run.stderr).toMatch(new RegExp(`Deleted ${planned.size} object\\(s\\)`));
    expect(objectDeletes().map(keyOf).sort()).toEqual([...planned].sort());
    expect((await listed(archive)).map((object) => object.key).sort()).toEqual(
      plan.skipped.map((skip) => skip.key).sort(),
    );
  });

  it('v1: refused with exit 2 and the reason once archived, nothing deleted; pruned while never archived', async () => {
    const archived = await cli([
      'objects',
      'prune',
      'RBX-ARCHIVE/cold-locked',
      '--older-than',
      '1s',
      '--yes',
    ]);
    expect(archived.code, archived.stderr).toBe(ExitCode.usage);
    expect(archived.stderr).toMatch(
      /it is archived; objects can be deleted only from a bucket never archived/,
    );
    expect(objectDeletes()).toEqual([]);
    expect(sandbox.requests().every((entry) => entry.method === 'GET')).toBe(true);

    const archive = 'RBX-ARCHIVE/cold-active';
    const before = await listed(archive);
    expect(before.length).toBeGreaterThan(0);
    const dry = await cli(['objects', 'prune', archive, '--older-than', '1s', '--dry-run', '--json']);
    expect(dry.code, dry.stderr).toBe(0);
    const plan = JSON.parse(dry.stdout) as Plan;
    expect(plan.objects.map((object) => object.key).sort()).toEqual(
      before.map((object) => object.key).sort(),
    );
    expect(plan.costs).toBeUndefined();
    expect(objectDeletes()).toEqual([]);

    const run = await cli(['objects', 'prune', archive, '--older-than', '1s', '--yes', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ deletedCount: before.length, failedCount: 0 });
    expect(objectDeletes().map(keyOf).sort()).toEqual(before.map((object) => object.key).sort());
    expect(await listed(archive)).toEqual([]);
  });
});
