import { beforeEach, describe, expect, it } from 'vitest';
import { createRouteHarness, HARNESS_NICHANDLE, type RouteHarness } from '../cloud/testing/route-harness.js';
import { dedicatedCloudRoutes, seedDedicatedCloudState } from './index.js';

interface TaskJson {
  taskId: number;
  name: string;
  state: string;
  progress: number;
  networkAccessId: number | null;
  datacenterId: number | null;
  createdBy: string | null;
}
interface DatacenterJson {
  datacenterId: number;
  name: string;
  description: string;
  isRemovable: boolean;
}

const NOW = Date.UTC(2026, 2, 14, 12, 0, 0);
let h: RouteHarness;
let base: string;

beforeEach(async () => {
  h = createRouteHarness(dedicatedCloudRoutes, { seed: 2, nowMs: NOW, taskDurationSeconds: 5 });
  const services = await h.get<string[]>('/dedicatedCloud');
  expect(services).toHaveLength(1);
  expect(services[0]).toMatch(/^pcc-\d+-\d+-\d+-\d+$/);
  base = `/dedicatedCloud/${services[0]}`;
});

async function datacenters(): Promise<DatacenterJson[]> {
  const ids = await h.get<number[]>(`${base}/datacenter`);
  return Promise.all(ids.map((id) => h.get<DatacenterJson>(`${base}/datacenter/${id}`)));
}

describe('seed 002 walkthrough', () => {
  it('GET the Private Cloud', async () => {
    const service = await h.get<Record<string, unknown>>(base);
    expect(service).toMatchObject({
      serviceName: base.split('/')[2],
      state: 'delivered',
      managementInterface: 'vcsa',
    });
    expect(service.version).toMatchObject({ major: '6.5' });
  });

  it('PUT a datacenter description, then GET shows it', async () => {
    const [datacenter] = await datacenters();
    const description = 'Datacentre de production – Roubaix';
    expect(
      await h.call('PUT', `${base}/datacenter/${datacenter!.datacenterId}`, { body: { description } }),
    ).toEqual({
      status: 200,
      body: null,
    });
    expect((await h.get<DatacenterJson>(`${base}/datacenter/${datacenter!.datacenterId}`)).description).toBe(
      description,
    );
    // The whole object back with a new description is fine too.
    const current = await h.get<DatacenterJson>(`${base}/datacenter/${datacenter!.datacenterId}`);
    const answer = await h.call('PUT', `${base}/datacenter/${datacenter!.datacenterId}`, {
      body: { ...current, description: '' },
    });
    expect(answer.status).toBe(200);
  });

  it('POST an allowed network; its id, shown in the task, can be read back', async () => {
    const before = await h.get<number[]>(`${base}/allowedNetwork`);
    const answer = await h.call('POST', `${base}/allowedNetwork`, {
      body: { network: '192.0.2.0/28', description: 'Agence Lyon' },
    });
    expect(answer.status).toBe(200);
    const task = answer.body as TaskJson;
    expect(task).toMatchObject({
      name: 'addAllowedNetwork',
      state: 'todo',
      progress: 0,
      createdBy: HARNESS_NICHANDLE,
    });
    const id = task.networkAccessId!;
    expect(await h.get<number[]>(`${base}/allowedNetwork`)).toEqual([...before, id]);
    expect(await h.get(`${base}/allowedNetwork/${id}`)).toEqual({
      networkAccessId: id,
      network: '192.0.2.0/28',
      description: 'Agence Lyon',
      state: 'toUpdate',
    });
    h.advanceSeconds(10);
    expect((await h.get<{ state: string }>(`${base}/allowedNetwork/${id}`)).state).toBe('allowed');
    expect(await h.get<TaskJson>(`${base}/task/${task.taskId}`)).toMatchObject({
      state: 'done',
      progress: 100,
    });
  });

  it('DELETE the empty datacenter: answers a task, then it is gone', async () => {
    const empty = (await datacenters()).find((datacenter) => datacenter.isRemovable)!;
    const answer = await h.call('DELETE', `${base}/datacenter/${empty.datacenterId}`);
    expect(answer.status).toBe(200);
    const task = answer.body as TaskJson;
    expect(task).toMatchObject({ name: 'removeDatacenter', state: 'todo', datacenterId: empty.datacenterId });
    expect((await h.call('DELETE', `${base}/datacenter/${empty.datacenterId}`)).status).toBe(409);
    h.advanceSeconds(5);
    expect((await h.get<TaskJson>(`${base}/task/${task.taskId}`)).state).toBe('doing');
    expect(await h.get<number[]>(`${base}/datacenter`)).toContain(empty.datacenterId);
    h.advanceSeconds(5);
    expect(await h.get<number[]>(`${base}/datacenter`)).not.toContain(empty.datacenterId);
    expect((await h.call('GET', `${base}/datacenter/${empty.datacenterId}`)).status).toBe(404);
    expect(await h.get<number[]>(`${base}/task?name=removeDatacenter&state=done`)).toEqual([task.taskId]);
  });
});

describe('refusals', () => {
  it('refuses to delete a datacenter that holds hosts or filers', async () => {
    const full = (await datacenters()).find((datacenter) => !datacenter.isRemovable)!;
    const answer = await h.call('DELETE', `${base}/datacenter/${full.datacenterId}`);
    expect(answer.status).toBe(409);
    expect(answer.errorClass).toBe('Client::Conflict');
    expect(answer.message).toMatch(/3 hosts, 2 filers/);
    expect(await h.get<number[]>(`${base}/datacenter`)).toContain(full.datacenterId);
  });

  it('answers 400 to read-only, unknown or badly typed datacenter fields', async () => {
    const [datacenter] = await datacenters();
    for (const body of [
      { name: 'renamed' },
      { isRemovable: !datacenter!.isRemovable },
      { datacenterId: 1 },
      { description: 42 },
      { description: 'x'.repeat(256) },
      { colour: 'blue' },
      'description',
    ]) {
      const answer = await h.call('PUT', `${base}/datacenter/${datacenter!.datacenterId}`, { body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.errorClass).toBe('Client::BadRequest');
    }
    expect((await h.get<DatacenterJson>(`${base}/datacenter/${datacenter!.datacenterId}`)).description).toBe(
      datacenter!.description,
    );
  });

  it('validates allowed networks and refuses duplicates', async () => {
    for (const body of [
      {},
      { network: 'not-a-network' },
      { network: '203.0.113.9/24' },
      { network: 12 },
      { network: '192.0.2.0/24', description: 7 },
      { network: '192.0.2.0/24', comment: 'x' },
    ]) {
      expect((await h.call('POST', `${base}/allowedNetwork`, { body })).status, JSON.stringify(body)).toBe(
        400,
      );
    }
    const existing = await h.get<{ network: string }>(
      `${base}/allowedNetwork/${(await h.get<number[]>(`${base}/allowedNetwork`))[0]}`,
    );
    expect(
      (await h.call('POST', `${base}/allowedNetwork`, { body: { network: existing.network } })).status,
    ).toBe(409);
  });

  it('removes an allowed network through toDelete, then 404', async () => {
    const [id] = await h.get<number[]>(`${base}/allowedNetwork`);
    const answer = await h.call('DELETE', `${base}/allowedNetwork/${id}`);
    expect(answer.body).toMatchObject({ name: 'removeAllowedNetwork', networkAccessId: id });
    expect((await h.get<{ state: string }>(`${base}/allowedNetwork/${id}`)).state).toBe('toDelete');
    expect((await h.call('DELETE', `${base}/allowedNetwork/${id}`)).status).toBe(409);
    h.advanceSeconds(10);
    expect((await h.call('GET', `${base}/allowedNetwork/${id}`)).status).toBe(404);
    expect(await h.get<number[]>(`${base}/allowedNetwork`)).not.toContain(id);
  });

  it('answers 404 for unknown services and malformed ids, 400 for a bad state filter', async () => {
    for (const path of [
      '/dedicatedCloud/pcc-0-0-0-0',
      '/dedicatedCloud/constructor/datacenter',
      `${base}/datacenter/abc`,
      `${base}/datacenter/1`,
      `${base}/allowedNetwork/-1`,
      `${base}/task/toString`,
    ]) {
      expect((await h.call('GET', path)).status, path).toBe(404);
    }
    expect((await h.call('GET', `${base}/task?state=finished`)).status).toBe(400);
  });
});

describe('seedDedicatedCloudState', () => {
  it('is deterministic per seed', () => {
    const options = { seed: 4, sessions: 0, files: 0, nowMs: NOW };
    expect(JSON.stringify(seedDedicatedCloudState(options))).toBe(
      JSON.stringify(seedDedicatedCloudState(options)),
    );
    expect(JSON.stringify(seedDedicatedCloudState({ ...options, seed: 5 }))).not.toBe(
      JSON.stringify(seedDedicatedCloudState(options)),
    );
  });
});
