import { type SandboxHandle, startSandbox } from '@ovh-pca/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../exit-codes.js';
import { makeTestHome, runBuiltCli, sandboxKeysEnv } from '../../testing/run-built-cli.js';
import { apiCalls, deletedSessionId, sandboxSessions } from '../../testing/sandbox-facts.js';

const DAY = 86_400;
// The server runs 40 days ahead of this machine: ages must be measured on the server's clock.
const SKEW_SECONDS = 40 * DAY;

let sandbox: SandboxHandle;
let home: Awaited<ReturnType<typeof makeTestHome>>;
const cli = (args: string[]) => runBuiltCli(args, { env: { ...home.env, ...sandboxKeysEnv(sandbox) } });

beforeAll(async () => {
  sandbox = await startSandbox({
    sessions: 6,
    files: 2,
    seed: 11,
    skewSeconds: SKEW_SECONDS,
    taskDurationSeconds: 30,
  });
  home = await makeTestHome();
});
afterAll(async () => {
  await sandbox?.close();
  await home?.dispose();
});

describe('sessions prune, as the built binary', () => {
  it('without a terminal and without --yes, refuses before sending anything', async () => {
    sandbox.clearRequests();
    const run = await cli(['sessions', 'prune', '--older-than', '300d']);
    expect(run.code).toBe(ExitCode.usage);
    expect(run.stderr).toMatch(/--yes/);
    expect(apiCalls(sandbox)).toEqual([]);
  });

  // Read as one minute, `1M` once sent a DELETE for every finished session.
  it.each([
    [['-d', '1M', '--yes']],
    [['-d1m', '--yes']],
    [['sessions', 'prune', '--older-than', '1M', '--yes']],
    [['sessions', 'prune', '--older-than', '90D', '--yes']],
    [['sessions', 'prune', '--older-than', '90d\n', '--yes']],
  ])('refuses the ambiguous age in %j with a suggestion, sending nothing', async (args) => {
    sandbox.clearRequests();
    const before = sandboxSessions(sandbox).length;
    const run = await cli(args);
    expect(run.code).toBe(ExitCode.usage);
    expect(run.stderr).toMatch(/did you mean/);
    expect(apiCalls(sandbox)).toEqual([]);
    expect(sandboxSessions(sandbox)).toHaveLength(before);
  });

  it('states the cut-off date in words, with the age, before anything is deleted', async () => {
    const inWords = (ms: number) => {
      const cutoff = new Date(ms - 30 * DAY * 1000);
      const month = cutoff.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
      return `Deletes sessions that ended before ${cutoff.getUTCDate()} ${month} ${cutoff.getUTCFullYear()}, `;
    };
    // The server's clock at either end of the run: the day cannot change unseen at midnight.
    const before = inWords(sandbox.clock.nowMs());
    const run = await runBuiltCli(['sessions', 'prune', '--older-than', 'P1M', '--dry-run'], {
      env: { ...home.env, ...sandboxKeysEnv(sandbox), TZ: 'UTC' },
    });
    const after = inWords(sandbox.clock.nowMs());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.includes(before) || run.stdout.includes(after), run.stdout).toBe(true);
    expect(run.stdout).toMatch(/UTC \(30 days ago, server clock\):/);
  });

  it('under 20% faults and a skewed clock deletes exactly the old finished sessions, each once', async () => {
    // An age whose cutoff falls between a session's end on the server clock and on the local one.
    const ends = sandboxSessions(sandbox)
      .flatMap((s) => (s.endMs === null ? [] : [s.endMs]))
      .sort((a, b) => a - b);
    const pivot = ends[Math.floor(ends.length / 2)]!;
    const ageDays = Math.floor((sandbox.clock.nowMs() - pivot) / (DAY * 1000)) - 1;
    const serverCutoffMs = sandbox.clock.nowMs() - ageDays * DAY * 1000;
    const localCutoffMs = Date.now() - ageDays * DAY * 1000;
    const oldFinished = () =>
      sandboxSessions(sandbox).filter((s) => s.endMs !== null && s.endMs < serverCutoffMs && !s.operation);

    // One old session is being restored: prune must leave it alone.
    const restoring = oldFinished()[0]!;
    const restore = await cli(['sessions', 'restore', restoring.id]);
    expect(restore.code, restore.stderr).toBe(0);

    const expected = oldFinished()
      .map((s) => s.id)
      .sort();
    const uploading = sandboxSessions(sandbox)
      .filter((s) => s.endMs === null)
      .map((s) => s.id);
    const byLocalClock = sandboxSessions(sandbox)
      .filter((s) => s.endMs !== null && s.endMs < localCutoffMs && !s.operation)
      .map((s) => s.id)
      .sort();
    expect(expected.length).toBeGreaterThan(2);
    expect(uploading.length).toBeGreaterThan(0);
    expect(byLocalClock).not.toEqual(expected); // the skew matters for this data set

    sandbox.setBehaviour({ faultRate: 0.2 });
    sandbox.clearRequests();
    const run = await cli(['sessions', 'prune', '--older-than', `${ageDays}d`, '--yes', '--json']);
    sandbox.setBehaviour({ faultRate: 0 });
    expect([ExitCode.ok, ExitCode.partial], run.stderr).toContain(run.code);
    expect(sandbox.requests().some((entry) => entry.fault !== undefined)).toBe(true);

    const report = JSON.parse(run.stdout) as {
      plan: { sessions: Array<{ id: string }> };
      results: Array<{ sessionId: string; outcome: string }>;
    };
    expect(report.plan.sessions.map((s) => s.id).sort()).toEqual(expected);

    const deletes = apiCalls(sandbox, 'DELETE');
    const targeted = new Set(deletes.map(deletedSessionId));
    for (const id of targeted) expect(expected).toContain(id);
    expect(targeted.has(restoring.id)).toBe(false);
    for (const id of uploading) expect(targeted.has(id)).toBe(false);

    const accepted = deletes
      .filter((entry) => entry.status >= 200 && entry.status < 300)
      .map(deletedSessionId);
    expect(new Set(accepted).size).toBe(accepted.length); // none accepted twice

    const after = new Map(sandboxSessions(sandbox).map((s) => [s.id, s]));
    const outcome = new Map(report.results.map((result) => [result.sessionId, result.outcome]));
    for (const id of expected) {
      const deleted = !after.has(id) || after.get(id)?.operation === 'delete';
      expect(deleted || outcome.get(id) === 'failed', `${id}: ${outcome.get(id)}`).toBe(true);
    }
    expect(after.get(restoring.id)?.operation).toBe('restore');
    expect(run.code).toBe(
      report.results.some((r) => r.outcome === 'failed') ? ExitCode.partial : ExitCode.ok,
    );
  });

  it('--dry-run shows the plan and deletes nothing', async () => {
    sandbox.clearRequests();
    const run = await cli(['sessions', 'prune', '--older-than', '1d', '--dry-run', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const plan = JSON.parse(run.stdout) as {
      sessions: unknown[];
      skipped: Array<{ reason: string }>;
      cutoff: string;
    };
    expect(plan.sessions.length).toBeGreaterThan(0);
    expect(plan.skipped.map((skip) => skip.reason)).toContain('deleting');
    expect(apiCalls(sandbox, 'DELETE')).toEqual([]);
  });
});
