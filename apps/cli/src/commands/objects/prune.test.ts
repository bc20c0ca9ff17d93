import type { RequestLogEntry } from '@ovh-pca/sandbox';
import { type SandboxHandle, startSandbox } from '@ovh-pca/sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../exit-codes.js';
import { makeTestHome, runBuiltCli, sandboxKeysEnv } from '../../testing/run-built-cli.js';
import { containerObjects } from '../../testing/sandbox-facts.js';

// `objects prune` as the built binary against the sandbox's API v1 and Swift. The seeded objects
// were last modified at random over the past year; the server runs 40 days ahead of this machine.
const DAY = 86_400;
const SKEW_SECONDS = 40 * DAY;

let sandbox: SandboxHandle;
let home: Awaited<ReturnType<typeof makeTestHome>>;
const cli = (args: string[]) => runBuiltCli(args, { env: { ...home.env, ...sandboxKeysEnv(sandbox) } });

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 47, sessions: 1, files: 1, objects: 40, skewSeconds: SKEW_SECONDS });
  home = await makeTestHome();
});
afterAll(async () => {
  await sandbox?.close();
  await home?.dispose();
});
beforeEach(() => sandbox.clearRequests());

const objectsOf = (name: string) => containerObjects(sandbox, name);

/** An age in whole seconds whose cut-off falls in the middle of a gap between two objects' dates. */
function ageSplitting(name: string, share: number): { seconds: number; old: string[]; recent: string[] } {
  const objects = objectsOf(name).sort((a, b) => a.modifiedMs - b.modifiedMs);
  const index = Math.floor(objects.length * share);
  const cutoffMs = (objects[index - 1]!.modifiedMs + objects[index]!.modifiedMs) / 2;
  const seconds = Math.round((sandbox.clock.nowMs() - cutoffMs) / 1000);
  return {
    seconds,
    old: objects.slice(0, index).map((object) => object.key),
    recent: objects.slice(index).map((object) => object.key),
  };
}

const deletes = () => sandbox.requests().filter((entry) => entry.method === 'DELETE');
const keyOf = (entry: RequestLogEntry) =>
  decodeURIComponent(entry.path.split('?')[0]!.split('/').slice(4).join('/'));

describe('objects prune', () => {
  it('without a terminal and without --yes: refused before anything is sent', async () => {
    const run = await cli(['objects', 'prune', 'archives-bhs', '--older-than', '1d']);
    expect(run.code).toBe(ExitCode.usage);
    expect(run.stderr).toMatch(/--yes/);
    expect(sandbox.requests()).toEqual([]);
  });

  it.each([
    [['objects', 'prune', 'archives-bhs', '--yes'], /Missing --older-than/],
    [['objects', 'prune', 'archives-bhs', '--older-than', '1M', '--yes'], /did you mean/],
    [['objects', 'prune', 'archives-bhs', '--older-than', '-5d', '--yes'], /./],
    [['objects', 'prune', 'archives-bhs', '--older-than', '1d', '--keep', 'two', '--yes'], /keep/],
    [['objects', 'prune', 'archives-bhs', '--older-than', '1d', '--keep', '-1', '--yes'], /keep/],
    [
      ['objects', 'prune', 'archives-bhs', '--older-than', '1d', '--prefix', 'p'.repeat(1025), '--yes'],
      /1025 bytes/,
    ],
    [['objects', 'prune', '', '--older-than', '1d', '--yes'], /must not be empty/],
    [['objects', 'prune', 'n'.repeat(257), '--older-than', '1d', '--yes'], /257 bytes, at most 256/],
  ])('bad input %#: exit 2, a message, nothing sent', async (args, message) => {
    const run = await cli(args);
    expect(run.code, run.stderr).toBe(ExitCode.usage);
    expect(run.stderr).toMatch(message);
    expect(sandbox.requests()).toEqual([]);
  });

  it('--dry-run --json: exactly the objects older than the age on the server clock, the newest N kept', async () => {
    const { seconds, old } = ageSplitting('archives-bhs', 0.5);
    const run = await cli([
      'objects',
      'prune',
      'archives-bhs',
      '--older-than',
      String(seconds),
      '--keep',
      '2',
      '--dry-run',
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const plan = JSON.parse(run.stdout) as {
      objects: Array<{ key: string; parts: unknown[] }>;
      skipped: Array<{ key: string; reason: string }>;
      recentCount: number;
      keepNewest: number;
      deleteCount: number;
    };
    // The two newest of the whole archive are recent ones, so keeping 2 keeps nothing old.
    expect(plan.objects.map((object) => object.key).sort()).toEqual([...old].sort());
    expect(plan.skipped).toEqual([]);
    expect(plan.recentCount).toBe(objectsOf('archives-bhs').length - old.length);
    expect(plan.deleteCount).toBe(old.length);
    expect(deletes()).toEqual([]);

    const all = await cli([
      'objects',
      'prune',
      'archives-bhs',
      '--older-than',
      '1s',
      '--keep',
      '5',
      '--dry-run',
      '--json',
    ]);
    const keepAll = JSON.parse(all.stdout) as typeof plan;
    expect(keepAll.skipped.map((skip) => skip.reason)).toEqual(Array(5).fill('kept-newest'));
    expect(keepAll.objects).toHaveLength(objectsOf('archives-bhs').length - 5);
  });

  it('previews what goes, then deletes exactly that with --yes, each once; a re-run has nothing to do', async () => {
    const { seconds, old, recent } = ageSplitting('archives-bhs', 0.25);
    const run = await cli(['objects', 'prune', 'BHS/archives-bhs', '--older-than', String(seconds), '--yes']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /Deletes objects of \w+\/BHS\/archives-bhs last modified before .+ \(.+ ago, server clock\):/,
    );
    expect(run.stderr).toMatch(new RegExp(`Total: ${old.length} object\\(s\\)`));
    expect(run.stderr).toMatch(new RegExp(`Deleted ${old.length} object\\(s\\)`));
    expect(
      objectsOf('archives-bhs')
        .map((object) => object.key)
        .sort(),
    ).toEqual([...recent].sort());
    expect(deletes().map(keyOf).sort()).toEqual([...old].sort());
    expect(deletes().every((entry) => entry.status === 204)).toBe(true);

    sandbox.clearRequests();
    const again = await cli([
      'objects',
      'prune',
      'BHS/archives-bhs',
      '--older-than',
      String(seconds),
      '--yes',
      '--json',
    ]);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ deletedCount: 0, results: [] });
    expect(deletes()).toEqual([]);
  });

  it('under 20% faults: deletes exactly the plan, no object twice (the request log proves it)', async () => {
    const { seconds, old, recent } = ageSplitting('cold-backups', 0.6);
    sandbox.setBehaviour({ faultRate: 0.2 });
    const run = await cli([
      'objects',
      'prune',
      'cold-backups',
      '--older-than',
      String(seconds),
      '--yes',
      '--json',
    ]).finally(() => sandbox.setBehaviour({ faultRate: 0 }));
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { deletedCount: number; failedCount: number; goneCount: number };
    expect(result).toMatchObject({ deletedCount: old.length, failedCount: 0, goneCount: 0 });
    expect(
      objectsOf('cold-backups')
        .map((object) => object.key)
        .sort(),
    ).toEqual([...recent].sort());
    const byKey = new Map<string, RequestLogEntry[]>();
    for (const entry of deletes()) byKey.set(keyOf(entry), [...(byKey.get(keyOf(entry)) ?? []), entry]);
    expect([...byKey.keys()].sort()).toEqual([...old].sort());
    for (const [key, attempts] of byKey) {
      // Faulted attempts, then one answer: 204, or 404 after an attempt cut once the server acted.
      expect(
        attempts.slice(0, -1).every((attempt) => attempt.fault !== undefined),
        key,
      ).toBe(true);
      expect([204, 404], key).toContain(attempts.at(-1)!.status);
      if (attempts.at(-1)!.status === 404)
        expect(
          attempts.some((a) => a.fault === 'truncate'),
          key,
        ).toBe(true);
    }
  }, 60_000);
});
