import { beforeEach, describe, expect, it } from 'vitest';
import { cloudRoutes } from './index.js';
import {
  firstPca,
  firstSession,
  firstUploading,
  type PcaTarget,
  sessionsIn,
} from './testing/pca-fixtures.js';
import { createRouteHarness, type RouteHarness } from './testing/route-harness.js';

interface TaskJson {
  id: string;
  function: string;
  status: string;
  todoDate: string;
  login: string;
  ipAddress: string | null;
  comment: string | null;
}
interface SessionJson {
  id: string;
  name: string;
  state: string;
  size: number;
  endDate: string | null;
}

const NOW = Date.UTC(2026, 2, 14, 12, 0, 0);
let h: RouteHarness;
let pca: PcaTarget;

beforeEach(() => {
  h = createRouteHarness(cloudRoutes, {
    seed: 11,
    sessions: 40,
    files: 4,
    nowMs: NOW,
    taskDurationSeconds: 10,
  });
  pca = firstPca(h.state.cloud);
});

const sessionState = async (id: string) => (await h.get<SessionJson>(`${pca.base}/sessions/${id}`)).state;
const taskStatus = async (id: string) => (await h.get<TaskJson>(`${pca.base}/tasks/${id}`)).status;

describe('deleting a session', () => {
  it('answers a todo delete task, then the session goes toDelete → doingDelete → gone', async () => {
    const session = firstSession(pca.service, 'done');
    const usageBefore = await h.get<number>(`${pca.base}/usage`);
    const marks = h.dirtyMarks();

    const answer = await h.call('DELETE', `${pca.base}/sessions/${session.id}`);
    expect(answer.status).toBe(200);
    const task = answer.body as TaskJson;
    expect(task).toMatchObject({ function: 'delete', status: 'todo', login: pca.service.account.login });
    expect(task.ipAddress).toBe('127.0.0.1');
    expect(task.id).toMatch(/^\d+$/);
    expect(task.todoDate).toBe('2026-03-14T12:00:10+00:00');
    expect(h.dirtyMarks()).toBeGreaterThan(marks);

    expect(await sessionState(session.id)).toBe('toDelete');
    expect(await taskStatus(task.id)).toBe('todo');
    h.advanceSeconds(10);
    expect(await sessionState(session.id)).toBe('doingDelete');
    expect(await taskStatus(task.id)).toBe('doing');
    expect(await h.get<string[]>(`${pca.base}/sessions`)).toContain(session.id);
    h.advanceSeconds(10);

    const gone = await h.call('GET', `${pca.base}/sessions/${session.id}`);
    expect(gone.status).toBe(404);
    expect(gone.errorClass).toBe('Client::NotFound');
    expect(await h.get<string[]>(`${pca.base}/sessions`)).not.toContain(session.id);
    expect((await h.call('GET', `${pca.base}/sessions/${session.id}/files`)).status).toBe(404);
    expect(await h.get<number>(`${pca.base}/usage`)).toBe(usageBefore - session.size);
    expect(await taskStatus(task.id)).toBe('done');
    expect(await h.get<string[]>(`${pca.base}/tasks?function=delete&status=done`)).toContain(task.id);
  });

  it('refuses to delete twice, to restore or rename what is being deleted (409)', async () => {
    const session = firstSession(pca.service, 'done');
    await h.call('DELETE', `${pca.base}/sessions/${session.id}`);
    for (const [method, path, body] of [
      ['DELETE', `${pca.base}/sessions/${session.id}`, undefined],
      ['POST', `${pca.base}/sessions/${session.id}/restore`, undefined],
      ['PUT', `${pca.base}/sessions/${session.id}`, { name: 'renamed' }],
    ] as const) {
      const answer = await h.call(method, path, { body });
      expect(answer.status, `${method} ${path}`).toBe(409);
      expect(answer.errorClass).toBe('Client::Conflict');
      expect(answer.message).toContain(session.id);
    }
    h.advanceSeconds(10);
    expect((await h.call('DELETE', `${pca.base}/sessions/${session.id}`)).status).toBe(409);
    h.advanceSeconds(10);
    expect((await h.call('DELETE', `${pca.base}/sessions/${session.id}`)).status).toBe(404);
  });

  it('refuses sessions still uploading but deletes sessions in error', async () => {
    const uploading = firstUploading(pca.service);
    expect(['doing', 'doingBackup']).toContain(uploading.baseState);
    const view = await h.get<SessionJson>(`${pca.base}/sessions/${uploading.id}`);
    expect(view.endDate).toBeNull();
    expect((await h.call('DELETE', `${pca.base}/sessions/${uploading.id}`)).status).toBe(409);
    expect((await h.call('POST', `${pca.base}/sessions/${uploading.id}/restore`)).status).toBe(409);

    const failed = firstSession(pca.service, 'error');
    expect((await h.call('POST', `${pca.base}/sessions/${failed.id}/restore`)).status).toBe(409);
    expect((await h.call('DELETE', `${pca.base}/sessions/${failed.id}`)).status).toBe(200);
  });

  it('with a zero task duration, the session is gone at once', async () => {
    h = createRouteHarness(cloudRoutes, { seed: 11, sessions: 40, nowMs: NOW, taskDurationSeconds: 0 });
    pca = firstPca(h.state.cloud);
    const session = firstSession(pca.service, 'done');
    const task = (await h.call('DELETE', `${pca.base}/sessions/${session.id}`)).body as TaskJson;
    expect(task.status).toBe('todo');
    expect((await h.call('GET', `${pca.base}/sessions/${session.id}`)).status).toBe(404);
    expect(await taskStatus(task.id)).toBe('done');
  });
});

describe('restoring a session', () => {
  it('answers a todo restore task; toRestore → doingRestore → done', async () => {
    const session = firstSession(pca.service, 'done');
    const answer = await h.call('POST', `${pca.base}/sessions/${session.id}/restore`);
    expect(answer.status).toBe(200);
    const task = answer.body as TaskJson;
    expect(task).toMatchObject({ function: 'restore', status: 'todo' });
    expect(await sessionState(session.id)).toBe('toRestore');
    expect((await h.call('POST', `${pca.base}/sessions/${session.id}/restore`)).status).toBe(409);
    expect((await h.call('DELETE', `${pca.base}/sessions/${session.id}`)).status).toBe(409);
    h.advanceSeconds(10);
    expect(await sessionState(session.id)).toBe('doingRestore');
    expect(await taskStatus(task.id)).toBe('doing');
    h.advanceSeconds(10);
    expect(await sessionState(session.id)).toBe('done');
    expect(await taskStatus(task.id)).toBe('done');
    // Once restored it can be restored again, or deleted.
    expect((await h.call('DELETE', `${pca.base}/sessions/${session.id}`)).status).toBe(200);
  });

  it('takes no body', async () => {
    const session = firstSession(pca.service, 'done');
    const answer = await h.call('POST', `${pca.base}/sessions/${session.id}/restore`, {
      body: { files: ['a'] },
    });
    expect(answer.status).toBe(400);
    expect(answer.errorClass).toBe('Client::BadRequest');
    expect((await h.call('POST', `${pca.base}/sessions/${session.id}/restore`, { body: {} })).status).toBe(
      200,
    );
  });
});

describe('renaming a session', () => {
  it('answers null, shows the new name at once and logs a setSessionName task', async () => {
    const session = firstSession(pca.service, 'done');
    const name = 'Sauvegarde "été" 🌞 / données\'clients';
    const answer = await h.call('PUT', `${pca.base}/sessions/${session.id}`, { body: { name } });
    expect(answer).toEqual({ status: 200, body: null });
    expect((await h.get<SessionJson>(`${pca.base}/sessions/${session.id}`)).name).toBe(name);
    const renames = await h.get<string[]>(`${pca.base}/tasks?function=setSessionName&status=todo`);
    expect(renames).toHaveLength(1);
    h.advanceSeconds(10);
    expect(await taskStatus(renames[0]!)).toBe('done');
    expect(await h.get<string[]>(`${pca.base}/sessions?name=${encodeURIComponent(name)}`)).toEqual([
      session.id,
    ]);
  });

  it('accepts the whole object back with only the name changed', async () => {
    const session = firstSession(pca.service, 'done');
    const current = await h.get<SessionJson>(`${pca.base}/sessions/${session.id}`);
    const answer = await h.call('PUT', `${pca.base}/sessions/${session.id}`, {
      body: { ...current, name: 'www-weekly' },
    });
    expect(answer.status).toBe(200);
    expect(pca.service.sessions[session.id]!.name).toBe('www-weekly');
  });

  it('answers 400 for bad names, wrong types, unknown or read-only fields', async () => {
    const session = firstSession(pca.service, 'done');
    const bodies: unknown[] = [
      { name: '' },
      { name: '   ' },
      { name: 42 },
      { name: null },
      { name: 'x'.repeat(256) },
      { name: 'a\u0000b' },
      { name: 'ok', colour: 'blue' },
      { id: '000000000000000000000000' },
      { size: 1 },
      ['name'],
      'name',
      undefined,
    ];
    for (const body of bodies) {
      const answer = await h.call('PUT', `${pca.base}/sessions/${session.id}`, { body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.errorClass).toBe('Client::BadRequest');
    }
    expect(pca.service.sessions[session.id]!.name).toBe(session.name);
    expect(
      (await h.call('PUT', `${pca.base}/sessions/${session.id}`, { body: { name: 'é'.repeat(255) } })).status,
    ).toBe(200);
  });
});

describe('unknown and malformed ids', () => {
  it('answers 404 Client::NotFound', async () => {
    const session = firstSession(pca.service, 'done');
    const paths = [
      `/cloud/${'0'.repeat(32)}/pca`,
      `/cloud/constructor/pca`,
      `/cloud/${pca.passport}/pca/pca-00000000`,
      `/cloud/${pca.passport}/pca/__proto__/sessions`,
      `${pca.base}/sessions/not-an-id`,
      `${pca.base}/sessions/${session.id.toUpperCase()}`,
      `${pca.base}/sessions/${'f'.repeat(24)}`,
      `${pca.base}/sessions/${session.id}/files/${'f'.repeat(24)}`,
      `${pca.base}/tasks/abc`,
      `${pca.base}/tasks/1`,
      `${pca.base}/billing/1.5`,
    ];
    for (const path of paths) {
      const answer = await h.call('GET', path);
      expect(answer.status, path).toBe(404);
      expect(answer.errorClass).toBe('Client::NotFound');
    }
  });
});

describe('persistence', () => {
  it('keeps the slice plain JSON: a copy read back answers the same', async () => {
    const session = firstSession(pca.service, 'done');
    await h.call('DELETE', `${pca.base}/sessions/${session.id}`);
    const other = sessionsIn(pca.service, 'done')[1]!;
    expect(
      (await h.call('PUT', `${pca.base}/sessions/${other.id}`, { body: { name: 'copié' } })).status,
    ).toBe(200);
    const copy = JSON.parse(JSON.stringify(h.state.cloud));
    expect(copy).toEqual(h.state.cloud);
    h.state.cloud = copy;
    pca = firstPca(h.state.cloud);
    h.advanceSeconds(10);
    expect((await h.get<SessionJson>(`${pca.base}/sessions/${session.id}`)).state).toBe('doingDelete');
  });
});
