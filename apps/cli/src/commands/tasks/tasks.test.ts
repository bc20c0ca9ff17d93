import { type SandboxHandle, startSandbox } from '@ovh-pca/sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../exit-codes.js';
import { makeTestHome, runBuiltCli, sandboxKeysEnv } from '../../testing/run-built-cli.js';
import { apiCalls, sandboxSessions } from '../../testing/sandbox-facts.js';

let sandbox: SandboxHandle;
let home: Awaited<ReturnType<typeof makeTestHome>>;
const cli = (args: string[]) => runBuiltCli(args, { env: { ...home.env, ...sandboxKeysEnv(sandbox) } });

beforeAll(async () => {
  sandbox = await startSandbox({ sessions: 2, files: 1, seed: 5, taskDurationSeconds: 1 });
  home = await makeTestHome();
});
afterAll(async () => {
  await sandbox?.close();
  await home?.dispose();
});
beforeEach(() => sandbox.clearRequests());

interface TaskJson {
  id: string;
  function: string;
  status: string;
  phase: string;
  todoDate: string;
  serviceId: string;
}

describe('tasks, as the built binary', () => {
  it('lists tasks of every service, filters them on the server, and shows one', async () => {
    const all = await cli(['tasks', 'list', '--json']);
    expect(all.code, all.stderr).toBe(0);
    const tasks = JSON.parse(all.stdout) as TaskJson[];
    expect(new Set(tasks.map((task) => task.serviceId)).size).toBeGreaterThan(1);
    const dates = tasks.map((task) => task.todoDate);
    expect([...dates].sort()).toEqual(dates);

    const created = await cli(['tasks', 'list', '--function', 'createUser', '--json']);
    const createUser = JSON.parse(created.stdout) as TaskJson[];
    expect(createUser.length).toBeGreaterThan(0);
    expect(createUser.every((task) => task.function === 'createUser')).toBe(true);
    expect(apiCalls(sandbox).some((entry) => entry.path.includes('function=createUser'))).toBe(true);

    const show = await cli(['tasks', 'show', tasks[0]!.id, '--json']);
    expect(show.code, show.stderr).toBe(0);
    expect(JSON.parse(show.stdout)).toMatchObject({ id: tasks[0]!.id, serviceId: tasks[0]!.serviceId });
  });

  it('waits for a restore task to finish', async () => {
    const target = sandboxSessions(sandbox).find((session) => session.endMs !== null && !session.operation)!;
    const restore = await cli(['sessions', 'restore', target.id, '--json']);
    const task = JSON.parse(restore.stdout) as TaskJson;
    expect(task.phase).not.toBe('done');
    const wait = await cli(['tasks', 'wait', task.id, '--json']);
    expect(wait.code, wait.stderr).toBe(0);
    expect(JSON.parse(wait.stdout)).toEqual([expect.objectContaining({ id: task.id, phase: 'done' })]);
  });

  it.each([
    [['tasks', 'show', '12ab']],
    [['tasks', 'wait', '1', '../2']],
    [['tasks', 'list', '--function', 'explode']],
    [['tasks', 'list', '--from', 'yesterday-ish']],
  ])('bad input %j: exit 2, no request', async (args) => {
    const run = await cli(args);
    expect(run.code).toBe(ExitCode.usage);
    expect(apiCalls(sandbox)).toEqual([]);
  });
});
