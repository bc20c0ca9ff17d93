import { type SandboxHandle, startSandbox } from '@ovh-pca/sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../exit-codes.js';
import { makeTestHome, runBuiltCli, sandboxKeysEnv } from '../../testing/run-built-cli.js';
import { apiCalls, sandboxSessions } from '../../testing/sandbox-facts.js';

let sandbox: SandboxHandle;
let home: Awaited<ReturnType<typeof makeTestHome>>;
const cli = (args: string[], stdin?: string) =>
  runBuiltCli(args, { env: { ...home.env, ...sandboxKeysEnv(sandbox) }, stdin });

beforeAll(async () => {
  sandbox = await startSandbox({ sessions: 4, files: 5, seed: 7, taskDurationSeconds: 1 });
  home = await makeTestHome();
});
afterAll(async () => {
  await sandbox?.close();
  await home?.dispose();
});
beforeEach(() => sandbox.clearRequests());

const finished = () =>
  sandboxSessions(sandbox).filter((session) => session.endMs !== null && !session.operation);

describe('sessions, as the built binary', () => {
  it('lists every session of every service, oldest first, with --json exact bytes and ISO dates', async () => {
    const run = await cli(['sessions', 'list', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const sessions = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(sessions.map((session) => session.id).sort()).toEqual(
      sandboxSessions(sandbox)
        .map((s) => s.id)
        .sort(),
    );
    expect(Object.keys(sessions[0]!)).toEqual([
      'id',
      'serviceId',
      'name',
      'startDate',
      'endDate',
      'size',
      'state',
      'phase',
      'login',
      'srcIp',
    ]);
    expect(sessions[0]!.startDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const starts = sessions.map((session) => String(session.startDate));
    expect([...starts].sort()).toEqual(starts);
    expect(run.stderr).toBe('');
  });

  it('prints a table and CSV of the same sessions', async () => {
    const table = await cli(['sessions', 'list']);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^ID\s+Name\s+Start\s+End\s+Size\s+State\s+Service$/);
    expect(table.stdout).toContain('uploading');
    const csv = await cli(['sessions', 'list', '--csv']);
    const lines = csv.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('ID,Name,Start,End,Size,State,Service');
    expect(lines).toHaveLength(sandboxSessions(sandbox).length + 1);
  });

  it('shows one session and lists its files', async () => {
    const target = finished()[0]!;
    const show = await cli(['sessions', 'show', target.id, '--json']);
    expect(show.code, show.stderr).toBe(0);
    expect(JSON.parse(show.stdout)).toMatchObject({
      id: target.id,
      serviceId: target.serviceId,
      name: target.name,
    });
    const files = await cli(['sessions', 'files', target.id, '--json']);
    expect(files.code, files.stderr).toBe(0);
    const list = JSON.parse(files.stdout) as Array<{ id: string; sessionId: string; sha256: string }>;
    expect(list).toHaveLength(5);
    expect(list.every((file) => file.sessionId === target.id && /^[0-9a-f]{64}$/.test(file.sha256))).toBe(
      true,
    );
  });

  it('renames by ID with a Unicode name that round-trips, and --last renames the newest by start date', async () => {
    const target = finished()[1]!;
    const name = 'Sauvegarde « été » 写真 "quoted" \\ slash/';
    const rename = await cli(['sessions', 'rename', target.id, name]);
    expect(rename.code, rename.stderr).toBe(0);
    const after = sandboxSessions(sandbox).find((session) => session.id === target.id);
    expect(after?.name).toBe(name);

    const newest = sandboxSessions(sandbox).sort((a, b) => startOf(b.id) - startOf(a.id))[0]!;
    const last = await cli(['sessions', 'rename', '--last', 'newest one']);
    expect(last.code, last.stderr).toBe(0);
    expect(sandboxSessions(sandbox).find((session) => session.id === newest.id)?.name).toBe('newest one');
    const puts = apiCalls(sandbox, 'PUT').map((entry) => entry.path.split('/').pop());
    expect(puts).toEqual([target.id, newest.id]);
  });

  it('escapes names with commas, quotes and Unicode in CSV, and `show --csv` is the same exact row', async () => {
    const target = finished()[0]!;
    const name = 'nas, "maison" été 写真';
    expect((await cli(['sessions', 'rename', target.id, name])).code).toBe(0);
    const list = await cli(['sessions', 'list', '--csv']);
    const row = list.stdout.split('\n').find((line) => line.startsWith(target.id));
    expect(row).toMatch(
      new RegExp(
        `^${target.id},"nas, ""maison"" été 写真",\\d{4}-[^,]+Z,[^,]*,\\d+,\\w+,${target.serviceId}$`,
      ),
    );
    const show = await cli(['sessions', 'show', target.id, '--csv']);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toBe(`${list.stdout.split('\n')[0]}\n${row}\n`);
  });

  it('prune --dry-run --csv lists the sessions it would delete, as sessions list --csv does', async () => {
    const run = await cli(['sessions', 'prune', '--older-than', '1', '--dry-run', '--csv']);
    expect(run.code, run.stderr).toBe(0);
    const [header, ...rows] = run.stdout.trimEnd().split('\n');
    expect(header).toBe('ID,Name,Start,End,Size,State,Service');
    expect(rows.map((row) => row.slice(0, 24)).sort()).toEqual(
      finished()
        .map((session) => session.id)
        .sort(),
    );
    expect(apiCalls(sandbox, 'DELETE')).toEqual([]);
  });

  it('refuses to delete without a terminal or --yes, sending nothing', async () => {
    const target = finished()[2]!;
    const run = await cli(['sessions', 'delete', target.id]);
    expect(run.code).toBe(ExitCode.usage);
    expect(run.stderr).toContain('--yes');
    expect(apiCalls(sandbox)).toEqual([]);
  });

  it('deletes one session with --yes, only on the service holding it, and waits for the task', async () => {
    const target = finished()[2]!;
    const run = await cli(['sessions', 'delete', target.id, '--yes', '--json', '--wait']);
    expect(run.code, run.stderr).toBe(0);
    const answer = JSON.parse(run.stdout) as {
      session: { id: string };
      task: { function: string; phase: string };
    };
    expect(answer.session.id).toBe(target.id);
    expect(answer.task).toMatchObject({ function: 'delete', phase: 'done' });
    const deletes = apiCalls(sandbox, 'DELETE');
    expect(deletes).toHaveLength(1);
    const [passport, pca] = target.serviceId.split('/');
    expect(deletes[0]!.path).toBe(`/1.0/cloud/${passport}/pca/${pca}/sessions/${target.id}`);
  });

  it('restores a session and waits until the task is done', async () => {
    const target = finished()[3]!;
    const run = await cli(['sessions', 'restore', target.id, '--wait', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      function: 'restore',
      phase: 'done',
      serviceId: target.serviceId,
    });
  });

  it.each([
    [['sessions', 'show', '../../../me']],
    [['sessions', 'show', '51d542f302ee4c5466%2F0000']],
    [['sessions', 'files', 'ABCDEFABCDEFABCDEFABCDEZ']],
    [['sessions', 'delete', '51d542f302ee4c546600000', '--yes']],
    [['sessions', 'rename', '51d542f302ee4c5466000000', '']],
    [['sessions', 'prune', '--older-than', '-3']],
    [['sessions', 'prune', '--older-than', 'soon', '--yes']],
    [['sessions', 'prune', '--older-than', '90d', '--keep', 'many', '--yes']],
    [['sessions', 'list', '--unknown-flag']],
  ])('bad input %j: exit 2, a message, no request', async (args) => {
    const run = await cli(args);
    expect(run.code).toBe(ExitCode.usage);
    expect(run.stderr).toMatch(/error/);
    expect(apiCalls(sandbox)).toEqual([]);
  });
});

/** Session IDs do not carry dates; read the start from the sandbox. */
function startOf(id: string): number {
  for (const passport of Object.values(sandbox.state.cloud.passports)) {
    for (const service of Object.values(passport.pcaServices)) {
      const session = service.sessions[id];
      if (session) return session.startMs;
    }
  }
  return 0;
}
