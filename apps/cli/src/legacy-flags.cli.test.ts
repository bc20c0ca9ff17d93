import { type SandboxHandle, startSandbox } from '@ovh-pca/sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from './exit-codes.js';
import { makeTestHome, runBuiltCli, sandboxKeysEnv } from './testing/run-built-cli.js';
import { apiCalls, deletedSessionId, sandboxSessions } from './testing/sandbox-facts.js';

// The Perl script's flags, run through the built binary: same meaning, so cron lines keep working.
let sandbox: SandboxHandle;
let home: Awaited<ReturnType<typeof makeTestHome>>;
const cli = (args: string[]) => runBuiltCli(args, { env: { ...home.env, ...sandboxKeysEnv(sandbox) } });
const finished = () =>
  sandboxSessions(sandbox).filter((session) => session.endMs !== null && !session.operation);

beforeAll(async () => {
  sandbox = await startSandbox({ sessions: 3, files: 3, seed: 21, taskDurationSeconds: 60 });
  home = await makeTestHome();
});
afterAll(async () => {
  await sandbox?.close();
  await home?.dispose();
});
beforeEach(() => sandbox.clearRequests());

describe('Perl script flags on the built binary', () => {
  it('-l lists sessions, -t tasks, -s the total size', async () => {
    const list = await cli(['-l', '--json']);
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toHaveLength(sandboxSessions(sandbox).length);
    const tasks = await cli(['-t', '--json']);
    expect(tasks.code, tasks.stderr).toBe(0);
    expect(JSON.parse(tasks.stdout).length).toBeGreaterThan(0);
    const size = await cli(['-s', '--json']);
    expect(size.code, size.stderr).toBe(0);
    const usage = JSON.parse(size.stdout) as {
      totalBytes: number;
      allProductsBytes: number;
      services: Array<{ bytes: number }>;
      products: Array<{ product: string }>;
    };
    expect(usage.totalBytes).toBe(usage.services.reduce((sum, service) => sum + service.bytes, 0));
    // "Total size of all sessions": the legacy product only, whatever else the account holds.
    expect(usage.products.map((product) => product.product)).toEqual(['legacy-pca']);
    expect(usage.allProductsBytes).toBe(usage.totalBytes);
  });

  it('-f ID lists the files of a session', async () => {
    const target = finished()[0]!;
    const run = await cli(['-f', target.id, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveLength(3);
  });

  it('-r "NAME" renames the most recent session, -r "ID NAME" the given one', async () => {
    const target = finished()[0]!;
    const byId = await cli(['-r', `${target.id} renamed by id`]);
    expect(byId.code, byId.stderr).toBe(0);
    expect(sandboxSessions(sandbox).find((session) => session.id === target.id)?.name).toBe('renamed by id');
    const last = await cli(['-r', 'renamed last']);
    expect(last.code, last.stderr).toBe(0);
    expect(sandboxSessions(sandbox).filter((session) => session.name === 'renamed last')).toHaveLength(1);
  });

  it('-b ID restores a session', async () => {
    const target = finished()[1]!;
    const run = await cli(['-b', target.id]);
    expect(run.code, run.stderr).toBe(0);
    expect(sandboxSessions(sandbox).find((session) => session.id === target.id)?.operation).toBe('restore');
  });

  it('-d ID without --yes and without a terminal refuses and sends nothing; with --yes it deletes', async () => {
    const target = finished()[0]!;
    const refused = await cli(['-d', target.id]);
    expect(refused.code).toBe(ExitCode.usage);
    expect(refused.stderr).toContain('--yes');
    expect(apiCalls(sandbox)).toEqual([]);
    const run = await cli(['-d', target.id, '--yes']);
    expect(run.code, run.stderr).toBe(0);
    expect(apiCalls(sandbox, 'DELETE').map(deletedSessionId)).toEqual([target.id]);
  });

  it('-d SECONDS --yes prunes on the server clock, leaving uploads alone (the migrated cron line)', async () => {
    const cutoffMs = sandbox.clock.nowMs() - 86_400_000;
    const expected = finished()
      .filter((session) => session.endMs! < cutoffMs)
      .map((session) => session.id)
      .sort();
    const run = await cli(['-d', '86400', '--yes']);
    expect(run.code, run.stderr).toBe(0);
    expect(apiCalls(sandbox, 'DELETE').map(deletedSessionId).sort()).toEqual(expected);
  });

  it('-h prints the help with the flag mapping', async () => {
    const run = await cli(['-h']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('-r "ID NAME"');
    expect(apiCalls(sandbox)).toEqual([]);
  });

  it.each([
    [['-f', '../../me']],
    [['-b', 'zz']],
    [['-d', '-86400']],
    [['-d', '1.5']],
    [['-d']],
    [['-l', '-s']],
  ])('bad input %j: exit 2, no request', async (args) => {
    const run = await cli(args);
    expect(run.code).toBe(ExitCode.usage);
    expect(run.stderr).toMatch(/error/);
    expect(apiCalls(sandbox)).toEqual([]);
  });
});
