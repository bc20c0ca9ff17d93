import { afterEach, describe, expect, it } from 'vitest';
import { NotFoundError, NotGrantedError } from './errors.js';
import { OvhClient } from './ovh-client.js';
import {
  type ReceivedRequest,
  type ScriptedAnswer,
  type ScriptedServer,
  startScriptedServer,
} from './testing/scripted-server.js';

const servers: ScriptedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const things = new Map<string, { id: string; size: number }>(
  Array.from({ length: 120 }, (_, index) => [`t${index}`, { id: `t${index}`, size: index }] as const),
);
things.delete('t7');
things.set('a/b,c', { id: 'a/b,c', size: -1 });

/** GET /1.0/things/{id}, with X-Ovh-Batch when `batch` is true. */
function thingsApi(batch: boolean | 'non-array') {
  return (request: ReceivedRequest): ScriptedAnswer => {
    if (request.url === '/1.0/auth/time') return { json: Math.floor(Date.now() / 1000) };
    const match = /^\/1\.0\/things\/([^/?]+)$/.exec(request.url);
    if (!match) return { status: 404, json: { class: 'Client::NotFound', message: 'Unknown route' } };
    const segment = match[1]!;
    if (segment.includes(',') && request.headers['x-ovh-batch'] === ',' && batch) {
      if (batch === 'non-array') return { json: { id: segment } };
      const entries = segment.split(',').map((raw) => {
        const key = decodeURIComponent(raw);
        const value = things.get(key);
        return value
          ? { key, value, error: null }
          : { key, value: null, error: `The requested object (${key}) does not exist` };
      });
      return { json: entries.reverse() };
    }
    const value = things.get(decodeURIComponent(segment));
    return value
      ? { json: value }
      : { status: 404, json: { class: 'Client::NotFound', message: 'Not found' } };
  };
}

async function setup(batch: boolean | 'non-array', options: { batch?: 'auto' | 'off' } = {}) {
  const server = await startScriptedServer(thingsApi(batch));
  servers.push(server);
  const client = new OvhClient({
    endpoint: server.endpoint,
    applicationKey: 'ak',
    applicationSecret: 'as',
    consumerKey: 'ck',
    ...options,
  });
  const calls = () => server.received.filter((request) => request.url.startsWith('/1.0/things/'));
  const batchCalls = () => calls().filter((request) => request.url.includes(','));
  return { server, client, calls, batchCalls };
}

const ids = Array.from({ length: 120 }, (_, index) => `t${index}`);

describe('getMany', () => {
  it('reads in X-Ovh-Batch chunks of 50, in input order, with per-item errors', async () => {
    const { client, calls, batchCalls } = await setup(true);
    const items = await client.getMany<{ id: string; size: number }>('/things', ids);
    expect(items.map((item) => item.id)).toEqual(ids);
    expect(items[3]).toEqual({ id: 't3', value: { id: 't3', size: 3 } });
    expect(items[7]!.error).toBeInstanceOf(NotFoundError);
    expect(items[7]!.error!.message).toMatch(
      /^The requested object \(t7\) does not exist \(GET \/things\/t7, query id /,
    );
    expect(items.filter((item) => item.error)).toHaveLength(1);
    expect(calls()).toHaveLength(3);
    expect(
      batchCalls()
        .map((request) => request.url.split(',').length)
        .sort(),
    ).toEqual([20, 50, 50]);
    expect(batchCalls().every((request) => request.headers['x-ovh-batch'] === ',')).toBe(true);
  });

  it('encodes "/" and "," inside ids so the batch path splits correctly', async () => {
    const { client, batchCalls } = await setup(true);
    const items = await client.getMany('/things', ['a/b,c', 't1']);
    expect(items).toEqual([
      { id: 'a/b,c', value: { id: 'a/b,c', size: -1 } },
      { id: 't1', value: { id: 't1', size: 1 } },
    ]);
    expect(batchCalls()[0]!.url).toBe('/1.0/things/a%2Fb%2Cc,t1');
  });

  it('falls back to one GET per id when the server answers 404 to the batch path, and remembers it', async () => {
    const { client, calls, batchCalls } = await setup(false);
    const first = await client.getMany('/things', ids.slice(0, 60));
    expect(first.map((item) => item.id)).toEqual(ids.slice(0, 60));
    expect(first[7]!.error).toBeInstanceOf(NotFoundError);
    expect(first[8]!.value).toEqual({ id: 't8', size: 8 });
    expect(batchCalls()).toHaveLength(1); // one probe, then never again
    await client.getMany('/things', ids.slice(60));
    expect(batchCalls()).toHaveLength(1);
    expect(calls()).toHaveLength(1 + 120);
  });

  it('keeps using batch after a 404 that a missing collection explains', async () => {
    const { client, server, batchCalls } = await setup(true);
    // Unknown support yet: the comma path and every id alone answer 404 (the parent is gone).
    const gone = await client.getMany('/gone', ['x1', 'x2']);
    expect(gone.every((item) => item.error instanceof NotFoundError)).toBe(true);
    await client.getMany('/things', ids.slice(0, 60));
    expect(batchCalls()).toHaveLength(2);
    // Once seen batching, a refused batch path falls back for that call only.
    await client.getMany('/gone', ['x3', 'x4']);
    await client.getMany('/things', ids.slice(60));
    expect(batchCalls()).toHaveLength(4);
    expect(server.received.filter((request) => request.url.startsWith('/1.0/gone/'))).toHaveLength(6);
  });

  it('falls back when the server answers something other than a batch list', async () => {
    const { client, batchCalls } = await setup('non-array');
    const items = await client.getMany('/things', ['t1', 't2', 't7']);
    expect(items[1]!.value).toEqual({ id: 't2', size: 2 });
    expect(items[2]!.error).toBeInstanceOf(NotFoundError);
    await client.getMany('/things', ['t1', 't2']);
    expect(batchCalls()).toHaveLength(1);
  });

  it("never uses batch with `batch: 'off'` (client option or per call)", async () => {
    const off = await setup(true, { batch: 'off' });
    expect(await off.client.getMany('/things', ['t1', 't2'])).toHaveLength(2);
    expect(off.batchCalls()).toHaveLength(0);
    const perCall = await setup(true);
    await perCall.client.getMany('/things', ['t1', 't2', 't3'], { batch: 'off' });
    expect(perCall.calls()).toHaveLength(3);
    expect(perCall.batchCalls()).toHaveLength(0);
  });

  it('reports a missing key and maps refused items', async () => {
    const server = await startScriptedServer((request) => {
      if (request.url === '/1.0/auth/time') return { json: Math.floor(Date.now() / 1000) };
      return {
        json: [{ key: 'b', value: null, error: 'This call has not been granted' }],
      };
    });
    servers.push(server);
    const client = new OvhClient({
      endpoint: server.endpoint,
      applicationKey: 'ak',
      applicationSecret: 's',
      consumerKey: 'c',
    });
    const [a, b] = await client.getMany('/things', ['a', 'b']);
    expect(a!.error).toBeInstanceOf(NotFoundError);
    expect(a!.error!.reason).toBe('Missing from the batch answer');
    expect(b!.error).toBeInstanceOf(NotGrantedError);
  });

  it('throws when the whole batch is refused (e.g. not granted)', async () => {
    const server = await startScriptedServer((request) =>
      request.url === '/1.0/auth/time'
        ? { json: Math.floor(Date.now() / 1000) }
        : { status: 403, json: { errorCode: 'NOT_GRANTED_CALL', message: 'This call has not been granted' } },
    );
    servers.push(server);
    const client = new OvhClient({
      endpoint: server.endpoint,
      applicationKey: 'ak',
      applicationSecret: 's',
      consumerKey: 'c',
    });
    await expect(client.getMany('/things', ['a', 'b'])).rejects.toThrow(NotGrantedError);
  });

  it('answers an empty list without a request', async () => {
    const { client, server } = await setup(true);
    expect(await client.getMany('/things', [])).toEqual([]);
    expect(server.received).toHaveLength(0);
  });
});
