import { afterEach, describe, expect, it } from 'vitest';
import { InvalidResponseError } from './errors.js';
import { OvhClient } from './ovh-client.js';
import {
  type ReceivedRequest,
  type ScriptedAnswer,
  type ScriptedHandler,
  type ScriptedServer,
  startScriptedServer,
} from './testing/scripted-server.js';

const servers: ScriptedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

interface Session {
  id: string;
  name: string;
}

const sessions: Session[] = Array.from({ length: 2500 }, (_, index) => ({
  id: `s${index}`,
  name: index % 2 ? 'odd' : 'even',
}));

/** GET /1.0/sessions[?name=…] (ids, or Iceberg pages when enabled) and GET /1.0/sessions/{id}. */
function sessionsApi(options: { iceberg: boolean; maxPageSize?: number; vanished?: string; count?: number }) {
  return (request: ReceivedRequest): ScriptedAnswer => {
    if (request.url === '/1.0/auth/time') return { json: Math.floor(Date.now() / 1000) };
    const url = new URL(request.url, 'http://x');
    const name = url.searchParams.get('name');
    const known = sessions.slice(0, options.count ?? sessions.length);
    const matching = known.filter((session) => !name || session.name === name);
    if (url.pathname === '/1.0/sessions') {
      if (options.iceberg && request.headers['x-pagination-mode'] === 'CachedObjectList-Pages') {
        const size = Math.min(Number(request.headers['x-pagination-size']), options.maxPageSize ?? 5000);
        const number = Number(request.headers['x-pagination-number']);
        return {
          headers: { 'X-Pagination-Elements': String(matching.length), 'X-Pagination-Size': String(size) },
          json: matching.slice((number - 1) * size, number * size),
        };
      }
      return { json: matching.map((session) => session.id) };
    }
    const id = url.pathname.replace('/1.0/sessions/', '');
    const found = known.find((session) => session.id === id && id !== options.vanished);
    return found
      ? { json: found }
      : { status: 404, json: { class: 'Client::NotFound', message: 'Not found' } };
  };
}

async function serve(handler: ScriptedHandler, clientOptions: { batch?: 'off' } = {}) {
  const server = await startScriptedServer(handler);
  servers.push(server);
  const client = new OvhClient({
    endpoint: server.endpoint,
    applicationKey: 'ak',
    applicationSecret: 'as',
    consumerKey: 'ck',
    ...clientOptions,
  });
  return { server, client };
}

async function setup(options: Parameters<typeof sessionsApi>[0], clientOptions: { batch?: 'off' } = {}) {
  const { server, client } = await serve(sessionsApi(options), clientOptions);
  const listCalls = () =>
    server.received.filter(
      (request) => request.url.startsWith('/1.0/sessions?') || request.url === '/1.0/sessions',
    );
  const itemCalls = () => server.received.filter((request) => request.url.startsWith('/1.0/sessions/'));
  return { client, listCalls, itemCalls };
}

describe('listAll', () => {
  it('reads Iceberg pages (1-based) until X-Pagination-Elements, with filters passed through', async () => {
    const { client, listCalls, itemCalls } = await setup({ iceberg: true });
    const odd = await client.listAll<Session>('/sessions', { query: { name: 'odd' }, pageSize: 500 });
    expect(odd).toEqual(sessions.filter((session) => session.name === 'odd'));
    expect(
      listCalls()
        .map((request) => request.headers['x-pagination-number'])
        .sort(),
    ).toEqual(['1', '2', '3']);
    expect(listCalls().every((request) => request.url === '/1.0/sessions?name=odd')).toBe(true);
    expect(listCalls().every((request) => request.headers['x-pagination-size'] === '500')).toBe(true);
    expect(itemCalls()).toHaveLength(0);
  });

  it('counts pages with the page size the server used', async () => {
    const { client, listCalls } = await setup({ iceberg: true, maxPageSize: 1000 });
    expect(await client.listAll<Session>('/sessions', { pageSize: 5000 })).toEqual(sessions);
    expect(listCalls()).toHaveLength(3);
  });

  it('falls back to the ids and getMany when the server ignores Iceberg, with no extra list call', async () => {
    const { client, listCalls, itemCalls } = await setup({ iceberg: false, vanished: 's4', count: 200 });
    const even = await client.listAll<Session>('/sessions', { query: { name: 'even' } });
    // s4 vanished between the list and its read: skipped.
    expect(even).toEqual(
      sessions.slice(0, 200).filter((session) => session.name === 'even' && session.id !== 's4'),
    );
    expect(listCalls()).toHaveLength(1);
    await client.listAll<Session>('/sessions', { query: { name: 'odd' } });
    expect(listCalls()).toHaveLength(2);
    // Items were read one by one (this server has no batch support either).
    expect(itemCalls().filter((request) => !request.url.includes(','))).toHaveLength(200);
  });

  it('still asks for Iceberg on a route after another route ignored it', async () => {
    const { server, client } = await serve((request) => {
      if (request.url === '/1.0/auth/time') return { json: Math.floor(Date.now() / 1000) };
      if (request.url === '/1.0/plain') return { json: [] };
      return sessionsApi({ iceberg: true, count: 30 })(request);
    });
    expect(await client.listAll('/plain')).toEqual([]);
    expect(await client.listAll<Session>('/sessions')).toEqual(sessions.slice(0, 30));
    const sessionCalls = server.received.filter((request) => request.url.startsWith('/1.0/sessions'));
    expect(sessionCalls.map((request) => request.headers['x-pagination-mode'])).toEqual([
      'CachedObjectList-Pages',
    ]);
  });

  it('rejects a list route that answers no list with InvalidResponseError and the query id', async () => {
    const { client } = await serve((request) =>
      request.url === '/1.0/auth/time' ? { json: Math.floor(Date.now() / 1000) } : { json: { odd: true } },
    );
    const error = await client.listAll('/weird').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).message).toMatch(
      /^The API answered something other than a list of ids \(GET \/weird, query id EU\./,
    );
  });

  it("lists ids then reads each object with `batch: 'off'`", async () => {
    const { client, listCalls, itemCalls } = await setup({ iceberg: true, count: 200 }, { batch: 'off' });
    const all = await client.listAll<Session>('/sessions', { query: { name: 'odd' } });
    expect(all).toEqual(sessions.slice(0, 200).filter((session) => session.name === 'odd'));
    expect(listCalls()[0]!.headers['x-pagination-mode']).toBeUndefined();
    expect(itemCalls()).toHaveLength(100);
  });
});
