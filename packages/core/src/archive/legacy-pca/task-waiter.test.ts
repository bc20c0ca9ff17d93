import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorStatus } from '../archive-error-info.js';
import { type ArchiveSandbox, startArchiveSandbox } from '../testing/archive-sandbox.js';
import type { ArchiveSession } from './legacy-pca-types.js';
import type { TaskProgressEvent } from './task-wait-types.js';

// Each lifecycle step lasts 150 ms on the sandbox clock: delete and restore finish in 300 ms.
const STEP_SECONDS = 0.15;

let kit: ArchiveSandbox;

beforeAll(async () => {
  kit = await startArchiveSandbox({ seed: 11, sessions: 6, files: 2, taskDurationSeconds: STEP_SECONDS });
});

afterAll(async () => {
  await kit?.close();
});

async function readySessions(): Promise<ArchiveSession[]> {
  return (await kit.model().listSessions()).filter((session) => session.phase === 'ready');
}

describe('delete', () => {
  it('answers a task, which is waited to done with progress, and the session is then gone', async () => {
    const model = kit.model();
    const [target] = await readySessions();
    const task = await model.deleteSession(target!.id);
    expect(task).toMatchObject({ function: 'delete', serviceId: target!.serviceId, phase: 'pending' });

    const events: TaskProgressEvent[] = [];
    const [final] = await model.waitForTasks([task], {
      pollIntervalMs: 20,
      onProgress: (e) => events.push(e),
    });
    expect(final).toMatchObject({ id: task.id, status: 'done', phase: 'done' });
    expect(events.at(-1)).toMatchObject({ finished: 1, total: 1, task: { status: 'done' } });
    // Each event is a change: its previous status is the one before it.
    events.forEach((event, index) => {
      expect(event.previousStatus).toBe(index === 0 ? task.status : events[index - 1]!.task.status);
      expect(event.task.status).not.toBe(event.previousStatus);
    });

    const error = await kit
      .model()
      .getSession(target!.id)
      .catch((e: unknown) => e);
    expect(errorStatus(error)).toBe(404);
    expect((await kit.model().listSessions()).map((session) => session.id)).not.toContain(target!.id);
  });
});

describe('restore', () => {
  it('runs to completion and the session is complete again', async () => {
    const model = kit.model();
    const [target] = await readySessions();
    const task = await model.restoreSession(target!.id);
    expect(task).toMatchObject({ function: 'restore', serviceId: target!.serviceId });

    const statuses: string[] = [];
    const [final] = await model.waitForTasks([{ id: task.id, serviceId: task.serviceId }], {
      pollIntervalMs: 20,
      onProgress: (event) => statuses.push(event.task.status),
    });
    expect(final!.status).toBe('done');
    expect(statuses.at(-1)).toBe('done');
    expect(await model.getSession(target!.id)).toMatchObject({ state: 'done', phase: 'ready' });
  });

  it('waits for several tasks on several services with one batch read per service per round', async () => {
    const model = kit.model();
    const sessions = await readySessions();
    const picks = kit
      .serviceIds()
      .flatMap((serviceId) => sessions.filter((session) => session.serviceId === serviceId).slice(0, 2));
    const tasks = await Promise.all(picks.map((session) => model.restoreSession(session.id)));
    kit.sandbox.clearRequests();
    const finals = await model.waitForTasks(tasks, { pollIntervalMs: 30 });
    expect(finals.map((task) => [task.id, task.status])).toEqual(tasks.map((task) => [task.id, 'done']));
    const taskReads = kit
      .apiRequests()
      .filter((entry) => entry.method === 'GET' && entry.path.includes('/tasks/'));
    // Two tasks per service: the first read of each service asks for both at once.
    for (const serviceId of kit.serviceIds()) {
      const pca = serviceId.split('/')[1]!;
      const ids = tasks.filter((task) => task.serviceId === serviceId).map((task) => task.id);
      const first = taskReads.find((entry) => entry.path.includes(`/pca/${pca}/tasks/`));
      expect(first?.path.endsWith(`/tasks/${ids.join(',')}`)).toBe(true);
    }
  });

  it('shows the session as restoring while its task runs', async () => {
    // Tasks keep the duration they were created with: this one outlasts the test on any machine.
    kit.sandbox.setBehaviour({ taskDurationSeconds: 3600 });
    try {
      const model = kit.model();
      const [target] = await readySessions();
      await model.restoreSession(target!.id);
      expect((await model.getSession(target!.id)).phase).toBe('restoring');
    } finally {
      kit.sandbox.setBehaviour({ taskDurationSeconds: STEP_SECONDS });
    }
  });

  it('stops waiting when the signal aborts', async () => {
    kit.sandbox.setBehaviour({ taskDurationSeconds: 3600 });
    try {
      const model = kit.model();
      const [target] = await readySessions();
      const task = await model.restoreSession(target!.id);
      const controller = new AbortController();
      const waiting = model.waitForTasks([task], {
        pollIntervalMs: 20,
        signal: controller.signal,
        onProgress: () => undefined,
      });
      // Abort once the first poll has been answered, then the wait must end.
      const seen = new Promise<void>((resolve) => {
        const check = (): void => {
          if (kit.apiRequests().some((entry) => entry.path.endsWith(`/tasks/${task.id}`))) resolve();
          else setTimeout(check, 10);
        };
        check();
      });
      await seen;
      controller.abort(new Error('stop'));
      await expect(waiting).rejects.toThrow('stop');
    } finally {
      kit.sandbox.setBehaviour({ taskDurationSeconds: STEP_SECONDS });
    }
  });
});
