import { beforeEach, describe, expect, it } from 'vitest';
import { cloudRoutes } from './index.js';
import { firstPca, firstSession, type PcaTarget } from './testing/pca-fixtures.js';
import { createRouteHarness, HARNESS_NICHANDLE, type RouteHarness } from './testing/route-harness.js';

const NOW = Date.UTC(2026, 2, 14, 12, 0, 0);
let h: RouteHarness;
let pca: PcaTarget;

beforeEach(() => {
  h = createRouteHarness(cloudRoutes, {
    seed: 5,
    sessions: 50,
    files: 6,
    nowMs: NOW,
    taskDurationSeconds: 10,
  });
  pca = firstPca(h.state.cloud);
});

describe('passports and offers', () => {
  it('lists passports and their PCA offers', async () => {
    const passports = await h.get<string[]>('/cloud');
    expect(passports).toEqual(Object.keys(h.state.cloud.passports));
    expect(await h.get<string[]>(`/cloud/${pca.passport}/pca`)).toContain(pca.service.serviceName);
  });
});

describe('sessions list', () => {
  it('filters names with like: equality without wildcards, % and _ otherwise, case-sensitive', async () => {
    const session = firstSession(pca.service, 'done');
    const list = (name: string) => h.get<string[]>(`${pca.base}/sessions?name=${encodeURIComponent(name)}`);
    const sameName = Object.values(pca.service.sessions)
      .filter((s) => s.name === session.name)
      .map((s) => s.id);
    expect((await list(session.name)).sort()).toEqual(sameName.sort());
    expect(await list(`${session.name.slice(0, 3)}%`)).toContain(session.id);
    expect(await list(`_${session.name.slice(1)}`)).toContain(session.id);
    expect(
      await list(
        session.name.toUpperCase() === session.name ? `${session.name}x` : session.name.toUpperCase(),
      ),
    ).not.toContain(session.id);
    expect(await list('%')).toHaveLength(50);
    expect(await list('')).toEqual([]);
  });

  it('answers pca.Session objects with OVH dates', async () => {
    const session = firstSession(pca.service, 'done');
    const view = await h.get<Record<string, unknown>>(`${pca.base}/sessions/${session.id}`);
    expect(Object.keys(view).sort()).toEqual([
      'endDate',
      'id',
      'login',
      'name',
      'size',
      'srcIp',
      'startDate',
      'state',
    ]);
    expect(view.startDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    expect(view.endDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    expect(view).toMatchObject({
      id: session.id,
      size: session.size,
      state: 'done',
      login: pca.service.account.login,
    });
  });
});

describe('files', () => {
  it('lists and reads the files of a session, with the name filter', async () => {
    const session = firstSession(pca.service, 'done');
    const ids = await h.get<string[]>(`${pca.base}/sessions/${session.id}/files`);
    expect(ids).toHaveLength(6);
    const file = await h.get<Record<string, unknown>>(`${pca.base}/sessions/${session.id}/files/${ids[0]}`);
    expect(file).toMatchObject({ id: ids[0], type: 'file', state: 'done' });
    expect(file.id).toMatch(new RegExp(`^${session.id.slice(0, 18)}`));
    expect(file.MD5).toMatch(/^[0-9a-f]{32}$/);
    expect(file.SHA256).toMatch(/^[0-9a-f]{64}$/);
    let total = 0;
    for (const id of ids)
      total += (await h.get<{ size: number }>(`${pca.base}/sessions/${session.id}/files/${id}`)).size;
    expect(total).toBe(session.size);
    const name = String(file.name);
    expect(
      await h.get<string[]>(`${pca.base}/sessions/${session.id}/files?name=${encodeURIComponent(name)}`),
    ).toEqual([ids[0]]);
    expect(await h.get<string[]>(`${pca.base}/sessions/${session.id}/files?name=%25.nothing`)).toEqual([]);
    const other = Object.values(pca.service.sessions).find((s) => s.id !== session.id)!;
    expect((await h.call('GET', `${pca.base}/sessions/${other.id}/files/${ids[0]}`)).status).toBe(404);
  });
});

describe('tasks', () => {
  it('filters by function, status and todoDate range', async () => {
    expect(await h.get<string[]>(`${pca.base}/tasks?function=createUser`)).toHaveLength(1);
    const all = await h.get<string[]>(`${pca.base}/tasks`);
    expect(all.length).toBeGreaterThan(3);
    expect(await h.get<string[]>(`${pca.base}/tasks?status=todo`)).toEqual([]);
    const session = firstSession(pca.service, 'done');
    const created = (await h.call('DELETE', `${pca.base}/sessions/${session.id}`)).body as {
      id: string;
      todoDate: string;
    };
    expect(await h.get<string[]>(`${pca.base}/tasks?status=todo`)).toEqual([created.id]);
    const at = encodeURIComponent(created.todoDate);
    expect(await h.get<string[]>(`${pca.base}/tasks?todoDate.from=${at}&todoDate.to=${at}`)).toEqual([
      created.id,
    ]);
    expect(await h.get<string[]>(`${pca.base}/tasks?todoDate.from=2026-03-14T12:00:11Z`)).toEqual([]);
    expect(await h.get<string[]>(`${pca.base}/tasks?todoDate.to=2026-03-14T12:00:09Z`)).not.toContain(
      created.id,
    );
  });

  it('answers 400 with OVH messages for bad filter values', async () => {
    for (const query of [
      'status=finished',
      'function=rename',
      'todoDate.from=tomorrow',
      'todoDate.to=2026-02-30',
    ]) {
      const answer = await h.call('GET', `${pca.base}/tasks?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.errorClass).toBe('Client::BadRequest');
      expect(answer.message).toContain(`Invalid value for parameter ${query.split('=')[0]}`);
    }
  });

  it('runs the deprecated POST …/tasks on whole sessions', async () => {
    const session = firstSession(pca.service, 'done');
    const fileIds = await h.get<string[]>(`${pca.base}/sessions/${session.id}/files`);
    const answer = await h.call('POST', `${pca.base}/tasks`, {
      body: { sessionId: session.id, taskFunction: 'restore', fileIds: fileIds.slice(0, 2) },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ function: 'restore', status: 'todo' });
    expect((await h.get<{ state: string }>(`${pca.base}/sessions/${session.id}`)).state).toBe('toRestore');

    const other = Object.values(pca.service.sessions).find(
      (s) => s.id !== session.id && s.baseState === 'done',
    )!;
    const refusals: Array<[unknown, number]> = [
      [{ sessionId: other.id, taskFunction: 'archive', fileIds: [] }, 400],
      [{ sessionId: other.id, taskFunction: 'delete' }, 400],
      [{ sessionId: other.id, taskFunction: 'delete', fileIds: [fileIds[0]] }, 400],
      [{ sessionId: other.id, taskFunction: 'delete', fileIds: 'all' }, 400],
      [{ sessionId: 12, taskFunction: 'delete', fileIds: [] }, 400],
      [{ sessionId: other.id, taskFunction: 'delete', fileIds: [], force: true }, 400],
      [{ sessionId: 'f'.repeat(24), taskFunction: 'delete', fileIds: [] }, 404],
    ];
    for (const [body, status] of refusals) {
      expect((await h.call('POST', `${pca.base}/tasks`, { body })).status, JSON.stringify(body)).toBe(status);
    }
    const deletion = await h.call('POST', `${pca.base}/tasks`, {
      body: { sessionId: other.id, taskFunction: 'delete', fileIds: [] },
    });
    expect(deletion.body).toMatchObject({ function: 'delete', status: 'todo' });
  });
});

describe('account and usage', () => {
  it('reads the account and changes its key and password, logging tasks', async () => {
    const account = await h.get<Record<string, unknown>>(pca.base);
    expect(account).toMatchObject({ login: pca.service.serviceName, domain: 'pca.ovh.net' });
    expect(typeof account.password).toBe('string');
    const key =
      'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKn2Xv0Bq3ZHrX5bP9N8cQ2gL6v1kQ0mM0t6uW8x0abc alice@laptop';
    expect(
      await h.call('PUT', pca.base, { body: { sshkey: key, password: 'correct horse battery' } }),
    ).toEqual({
      status: 200,
      body: null,
    });
    expect(await h.get<Record<string, unknown>>(pca.base)).toMatchObject({
      sshkey: key,
      password: 'correct horse battery',
    });
    expect(await h.get<string[]>(`${pca.base}/tasks?function=setSshKey&status=todo`)).toHaveLength(1);
    expect(await h.get<string[]>(`${pca.base}/tasks?function=setPassword&status=todo`)).toHaveLength(1);
    expect((await h.call('PUT', pca.base, { body: { sshkey: null } })).status).toBe(200);
    expect((await h.get<Record<string, unknown>>(pca.base)).sshkey).toBeNull();
  });

  it('refuses bad account changes with 400 and changes nothing', async () => {
    const before = await h.get<Record<string, unknown>>(pca.base);
    for (const body of [
      { sshkey: 'not a key' },
      { sshkey: 12 },
      { password: 'short' },
      { password: 'long enough', sshkey: 'nope' },
      { login: 'someone-else' },
      { quota: 5 },
    ]) {
      const answer = await h.call('PUT', pca.base, { body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
    }
    expect(await h.get<Record<string, unknown>>(pca.base)).toEqual(before);
    expect((await h.call('PUT', pca.base, { body: before })).status).toBe(200);
  });

  it('answers usage as a bare integer: the sizes of the sessions not deleted', async () => {
    const usage = await h.get<number>(`${pca.base}/usage`);
    expect(Number.isInteger(usage)).toBe(true);
    expect(usage).toBe(Object.values(pca.service.sessions).reduce((sum, session) => sum + session.size, 0));
  });
});

describe('billing', () => {
  it('lists items filtered by billed and date, and reads one', async () => {
    const all = await h.get<number[]>(`${pca.base}/billing`);
    expect(all.length).toBeGreaterThan(0);
    const item = await h.get<Record<string, unknown>>(`${pca.base}/billing/${all[0]}`);
    expect(Object.keys(item).sort()).toEqual(['billed', 'date', 'id', 'quantity', 'reference', 'total']);
    const billed = await h.get<number[]>(`${pca.base}/billing?billed=true`);
    const unbilled = await h.get<number[]>(`${pca.base}/billing?billed=false`);
    expect(billed.length + unbilled.length).toBe(all.length);
    for (const id of unbilled) {
      expect(
        Date.parse((await h.get<{ date: string }>(`${pca.base}/billing/${id}`)).date),
      ).toBeGreaterThanOrEqual(Date.UTC(2026, 2, 1));
    }
    expect(await h.get<number[]>(`${pca.base}/billing?date.from=2026-03-01&billed=true`)).toEqual([]);
    expect((await h.call('GET', `${pca.base}/billing?billed=yes`)).status).toBe(400);
  });

  it('bills a restore when it is asked for', async () => {
    const before = await h.get<number[]>(`${pca.base}/billing?billed=false`);
    const session = firstSession(pca.service, 'done');
    await h.call('POST', `${pca.base}/sessions/${session.id}/restore`);
    const after = await h.get<number[]>(`${pca.base}/billing?billed=false`);
    expect(after.length).toBe(before.length + 1);
    const added = after.find((id) => !before.includes(id))!;
    expect(await h.get<Record<string, unknown>>(`${pca.base}/billing/${added}`)).toMatchObject({
      reference: 'restore',
    });
  });
});

describe('serviceInfos', () => {
  it('reads a services.Service with the caller as contact', async () => {
    const infos = await h.get<Record<string, unknown>>(`${pca.base}/serviceInfos`);
    expect(infos).toMatchObject({
      contactAdmin: HARNESS_NICHANDLE,
      domain: pca.service.serviceName,
      status: 'ok',
      renew: { automatic: true, period: 1 },
    });
    expect(infos.creation).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(Date.parse(String(infos.expiration))).toBeGreaterThan(NOW - 86_400_000);
    expect(Date.parse(String(infos.expiration))).toBeLessThanOrEqual(NOW + 32 * 86_400_000);
  });

  it('changes renew only, accepting the whole object back', async () => {
    const infos = await h.get<Record<string, unknown>>(`${pca.base}/serviceInfos`);
    const renew = { ...(infos.renew as object), automatic: false, period: 12 };
    expect((await h.call('PUT', `${pca.base}/serviceInfos`, { body: { ...infos, renew } })).status).toBe(200);
    expect(await h.get<Record<string, unknown>>(`${pca.base}/serviceInfos`)).toMatchObject({
      renew: { automatic: false, period: 12 },
      renewalType: 'manual',
    });
    for (const body of [
      { renew: { period: 2 } },
      { renew: { automatic: 'yes' } },
      { renew: { forced: true } },
      { renew: 'monthly' },
      { status: 'expired' },
      { serviceId: 1 },
      { colour: 'red' },
    ]) {
      expect((await h.call('PUT', `${pca.base}/serviceInfos`, { body })).status, JSON.stringify(body)).toBe(
        400,
      );
    }
  });
});
