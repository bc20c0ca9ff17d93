import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OvhClient } from '../../client/index.js';
import { ArchiveNotFoundError, ValidationError } from '../archive-errors.js';
import { type ArchiveSandbox, startArchiveSandbox } from '../testing/archive-sandbox.js';
import { LegacyPcaBackend } from './legacy-pca-backend.js';
import { LegacyPcaModel } from './legacy-pca-model.js';

const SESSIONS_PER_SERVICE = 120;

let kit: ArchiveSandbox;
let raw: OvhClient;

beforeAll(async () => {
  kit = await startArchiveSandbox({ seed: 7, sessions: SESSIONS_PER_SERVICE, files: 3 });
  raw = kit.client();
});

afterAll(async () => {
  await kit?.close();
});

function split(serviceId: string): { passport: string; pca: string } {
  const [passport = '', pca = ''] = serviceId.split('/');
  return { passport, pca };
}

/** Session ids of a service as the plain list route answers them (ground truth, not via the model). */
async function rawSessionIds(serviceId: string): Promise<string[]> {
  const { passport, pca } = split(serviceId);
  return raw.request<string[]>('GET', `/cloud/${passport}/pca/${pca}/sessions`);
}

function sessionRequests(): number {
  return kit.apiRequests().filter((entry) => entry.path.includes('/sessions')).length;
}

describe('discovery', () => {
  it('finds every PCA service of every passport, once per model', async () => {
    const model = kit.model();
    const services = await model.listServices();
    expect(services.map((service) => service.id).sort()).toEqual(kit.serviceIds().sort());
    expect(services.length).toBeGreaterThan(1);
    for (const service of services) {
      expect(service).toEqual({
        kind: 'pca',
        id: `${service.passport}/${service.serviceName}`,
        passport: service.passport,
        serviceName: service.serviceName,
      });
    }
    kit.sandbox.clearRequests();
    await model.listServices();
    await model.getUsage();
    expect(kit.apiRequests().filter((entry) => /\/cloud(\/[^/]+\/pca)?$/.test(entry.path))).toEqual([]);
  });

  it('refuses a malformed pin at once and an unknown one with what exists, before any session request', async () => {
    expect(() => kit.model({ service: 'not-a-service' })).toThrow(ValidationError);
    const [first] = kit.serviceIds();
    const { passport } = split(first!);
    kit.sandbox.clearRequests();

    const unknownPca = kit.model({ service: `${passport}/pca-00000000` });
    const error = await unknownPca.listSessions().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('service');
    expect((error as Error).message).toContain(split(first!).pca);

    const unknownPassport = kit.model({ service: `${'0'.repeat(32)}/pca-00000000` });
    await expect(unknownPassport.getUsage()).rejects.toThrow(/Unknown passport/);
    expect(sessionRequests()).toBe(0);
  });
});

describe('sessions', () => {
  it('lists every session of every service with full details, each naming its service', async () => {
    const sessions = await kit.model().listSessions();
    for (const serviceId of kit.serviceIds()) {
      const expected = await rawSessionIds(serviceId);
      const listed = sessions
        .filter((session) => session.serviceId === serviceId)
        .map((session) => session.id);
      expect(listed.sort()).toEqual(expected.map((id) => id.toLowerCase()).sort());
    }
    const starts = sessions.map((session) => Date.parse(session.startDate));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));

    const sample = sessions[17]!;
    const { passport, pca } = split(sample.serviceId);
    const wire = await raw.request<{ name: string; size: number; state: string; endDate: string | null }>(
      'GET',
      `/cloud/${passport}/pca/${pca}/sessions/${sample.id}`,
    );
    expect(sample).toMatchObject({ name: wire.name, size: wire.size, state: wire.state });
    expect(sample.endDate === null).toBe(wire.endDate === null);
    expect(JSON.parse(JSON.stringify(sessions))).toEqual(sessions);
  });

  it('passes the name filter to the server', async () => {
    const model = kit.model();
    const all = await model.listSessions();
    const name = all[5]!.name;
    const matching = await model.listSessions({ name });
    expect(matching.map((s) => s.id).sort()).toEqual(
      all
        .filter((s) => s.name === name)
        .map((s) => s.id)
        .sort(),
    );
    expect(kit.apiRequests().some((entry) => decodeURIComponent(entry.path).includes(`name=${name}`))).toBe(
      true,
    );
  });

  it('costs at most ceil(N/50)+5 requests for N sessions of a pinned service, with Iceberg', async () => {
    const [serviceId] = kit.serviceIds();
    const model = kit.model({ service: serviceId! });
    kit.sandbox.clearRequests();
    const sessions = await model.listSessions();
    expect(sessions).toHaveLength(SESSIONS_PER_SERVICE);
    expect(kit.sandbox.requests().length).toBeLessThanOrEqual(Math.ceil(SESSIONS_PER_SERVICE / 50) + 5);
  });

  it('falls back to X-Ovh-Batch when Iceberg is off, still within ceil(N/50)+5', async () => {
    const [serviceId] = kit.serviceIds();
    const expected = (await kit.model({ service: serviceId! }).listSessions()).map((s) => s.id);
    kit.sandbox.setBehaviour({ iceberg: false });
    try {
      const model = kit.model({ service: serviceId! });
      kit.sandbox.clearRequests();
      const sessions = await model.listSessions();
      const log = kit.sandbox.requests();
      expect(sessions.map((s) => s.id)).toEqual(expected);
      expect(log.length).toBeLessThanOrEqual(Math.ceil(SESSIONS_PER_SERVICE / 50) + 5);
      expect(log.some((entry) => entry.path.includes('%2C') || entry.path.includes(','))).toBe(true);
    } finally {
      kit.sandbox.setBehaviour({ iceberg: true });
    }
  });

  it('"last session" is the most recent by startDate', async () => {
    const all = await kit.model().listSessions();
    const byStart = [...all].sort((a, b) => Date.parse(b.startDate) - Date.parse(a.startDate));
    const last = await kit.model().getLastSession();
    expect(last?.id).toBe(byStart[0]!.id);
    // The Perl script took the last id of the unordered list: not the same session here.
    const lastOfList = (await rawSessionIds(last!.serviceId)).at(-1);
    expect(lastOfList).not.toBe(last!.id);
  });

  it('finds a session on the service holding it; 404s from the others stay silent', async () => {
    const serviceIds = kit.serviceIds();
    const target = serviceIds.at(-1)!;
    const [id] = await rawSessionIds(target);
    const model = kit.model();
    const session = await model.getSession(id!);
    expect(session.id).toBe(id);
    expect(session.serviceId).toBe(target);
  });

  it('reports a session no service holds as ArchiveNotFoundError', async () => {
    const error = await kit
      .model()
      .getSession('0123456789abcdef01234567')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArchiveNotFoundError);
    expect((error as ArchiveNotFoundError).searchedServiceIds.sort()).toEqual(kit.serviceIds().sort());
  });

  it('refuses malformed ids without sending anything', async () => {
    const model = kit.model();
    await model.listServices();
    kit.sandbox.clearRequests();
    for (const bad of ['../../me', '0123456789abcdef0123%2F67', '123']) {
      await expect(model.getSession(bad)).rejects.toThrow(ValidationError);
      await expect(model.deleteSession(bad)).rejects.toThrow(ValidationError);
      await expect(model.renameSession(bad, 'x')).rejects.toThrow(ValidationError);
      await expect(model.listFiles(bad)).rejects.toThrow(ValidationError);
    }
    await expect(model.getTask('12; DROP')).rejects.toThrow(ValidationError);
    await expect(model.planPrune({ olderThan: '-3d' })).rejects.toThrow(ValidationError);
    expect(kit.sandbox.requests()).toEqual([]);
  });
});

describe('files', () => {
  it('lists the files of a session with full details, and reads one', async () => {
    const model = kit.model();
    const [session] = await model.listSessions();
    const { passport, pca } = split(session!.serviceId);
    const expected = await raw.request<string[]>(
      'GET',
      `/cloud/${passport}/pca/${pca}/sessions/${session!.id}/files`,
    );
    const files = await model.listFiles(session!.id);
    expect(files.map((file) => file.id).sort()).toEqual(expected.map((id) => id.toLowerCase()).sort());
    const first = files[0]!;
    expect(first).toMatchObject({ sessionId: session!.id, serviceId: session!.serviceId });
    expect(first.md5).toMatch(/^[0-9a-f]{32}$/);
    expect(first.sha1).toMatch(/^[0-9a-f]{40}$/);
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await model.getFile(session!.id, first.id)).toEqual(first);
  });
});

describe('usage', () => {
  it('sums exact bytes per service', async () => {
    const usage = await kit.model().getUsage();
    expect(usage.services.map((entry) => entry.serviceId).sort()).toEqual(kit.serviceIds().sort());
    for (const entry of usage.services) {
      const { passport, pca } = split(entry.serviceId);
      expect(entry.bytes).toBe(await raw.request<number>('GET', `/cloud/${passport}/pca/${pca}/usage`));
    }
    expect(usage.totalBytes).toBe(usage.services.reduce((sum, entry) => sum + entry.bytes, 0));
    expect(Number.isSafeInteger(usage.totalBytes)).toBe(true);
  });
});

describe('rename and tasks', () => {
  it('round-trips any Unicode name with quotes and backslashes, then lists its task', async () => {
    const model = kit.model();
    const sessions = await model.listSessions();
    const target = sessions.find((session) => session.phase === 'ready')!;
    const name = `Sauvegarde "été" — l'archive \\ 备份 🚀 ${'\u0065\u0301'}`;
    const before = new Date(kit.sandbox.clock.nowMs() - 1000).toISOString();

    expect(await model.renameSession(target.id, name)).toEqual({
      serviceId: target.serviceId,
      sessionId: target.id,
      name,
    });
    const fresh = new LegacyPcaModel({ backend: new LegacyPcaBackend(kit.client()) });
    expect((await fresh.getSession(target.id)).name).toBe(name);

    const tasks = await model.listTasks({
      service: target.serviceId,
      function: 'setSessionName',
      todoDateFrom: before,
    });
    expect(tasks.length).toBeGreaterThanOrEqual(1);
    expect(
      tasks.every((task) => task.function === 'setSessionName' && task.serviceId === target.serviceId),
    ).toBe(true);
    expect(await model.getTask(tasks[0]!.id, { service: target.serviceId })).toMatchObject({
      id: tasks[0]!.id,
    });

    const done = await model.listTasks({ service: target.serviceId, status: 'done' });
    expect(done.length).toBeGreaterThan(0);
    expect(done.every((task) => task.status === 'done' && task.phase === 'done')).toBe(true);

    const future = await model.listTasks({ todoDateFrom: new Date(Date.now() + 365 * 86_400_000) });
    expect(future).toEqual([]);
  });

  it('refuses bad names and bad filters without sending anything', async () => {
    const model = kit.model();
    const [session] = await model.listSessions();
    kit.sandbox.clearRequests();
    await expect(model.renameSession(session!.id, '')).rejects.toThrow(ValidationError);
    await expect(model.renameSession(session!.id, 'a\nb')).rejects.toThrow(ValidationError);
    await expect(model.listTasks({ status: 'finished' as never })).rejects.toThrow(ValidationError);
    await expect(model.listTasks({ todoDateFrom: 'yesterday' })).rejects.toThrow(ValidationError);
    expect(kit.sandbox.requests()).toEqual([]);
  });
});
