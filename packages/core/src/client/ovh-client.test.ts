/**
 * Client behaviour against real HTTP servers on loopback (scripted answers for shapes the sandbox
 * cannot produce: dropped and hanging connections, refused connections, odd bodies).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { OvhDebugEvent } from './debug-event.js';
import {
  ConfigError,
  InvalidResponseError,
  InvalidSignatureError,
  NetworkError,
  NotFoundError,
  OvhApiError,
  RateLimitedError,
  ServerError,
  TimeoutError,
} from './errors.js';
import { OvhClient, type OvhClientOptions } from './ovh-client.js';
import { signRequest } from './signing.js';
import {
  findClosedPort,
  type ReceivedRequest,
  type ScriptedHandler,
  type ScriptedServer,
  startScriptedServer,
} from './testing/scripted-server.js';
import { path } from './url-builder.js';

const APPLICATION_KEY = 'test-application-key';
const APPLICATION_SECRET = 'SECRET-application-secret-xyz';
const CONSUMER_KEY = 'SECRET-consumer-key-abc';
const SERVER_SECONDS = 1_700_000_000;

const servers: ScriptedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(handler: ScriptedHandler, port?: number): Promise<ScriptedServer> {
  const server = await startScriptedServer(handler, port);
  servers.push(server);
  return server;
}

/** Answers /auth/time like OVH; everything else goes to `handler`. */
function withTime(handler: ScriptedHandler): ScriptedHandler {
  return (request, index) =>
    request.url === '/1.0/auth/time' ? { json: SERVER_SECONDS } : handler(request, index);
}

function client(server: ScriptedServer, options: Partial<OvhClientOptions> = {}): OvhClient {
  return new OvhClient({
    endpoint: server.endpoint,
    applicationKey: APPLICATION_KEY,
    applicationSecret: APPLICATION_SECRET,
    consumerKey: CONSUMER_KEY,
    retryBaseDelayMs: 1,
    maxRetryDelayMs: 2_000,
    ...options,
  });
}

/** What OVH checks: the signature over the URL and body exactly as received. */
function signatureIsValid(server: ScriptedServer, request: ReceivedRequest): boolean {
  return (
    request.headers['x-ovh-signature'] ===
    signRequest({
      applicationSecret: APPLICATION_SECRET,
      consumerKey: String(request.headers['x-ovh-consumer']),
      method: request.method,
      url: `${server.origin}${request.url}`,
      body: request.body,
      timestamp: String(request.headers['x-ovh-timestamp']),
    })
  );
}

const apiCalls = (server: ScriptedServer) =>
  server.received.filter((request) => request.url !== '/1.0/auth/time');

describe('OvhClient signing pipeline', () => {
  it('signs exactly the URL and body it sends, with the server-corrected timestamp', async () => {
    const localMs = (SERVER_SECONDS - 3600) * 1000 + 999; // local clock one hour behind
    const server = await serve(withTime(() => ({ json: { ok: true } })));
    const api = client(server, { now: () => localMs });
    const body = { rules: [{ method: 'GET', path: '/cloud/*' }], name: 'Sauvegarde « été »', quote: "it's" };

    await expect(
      api.post(path`/dedicatedCloud/${'pcc-1'}/allowedNetwork/${'192.0.2.0/24'}`, body, {
        query: { 'todoDate.from': '2024-01-01T00:00:00+01:00', billed: true, tag: ["a'b", 'c d'] },
      }),
    ).resolves.toEqual({ ok: true });

    const [call] = apiCalls(server);
    expect(call!.url).toBe(
      '/1.0/dedicatedCloud/pcc-1/allowedNetwork/192.0.2.0%2F24?todoDate.from=2024-01-01T00%3A00%3A00%2B01%3A00&billed=true&tag=a%27b&tag=c%20d',
    );
    expect(call!.body).toBe(JSON.stringify(body));
    expect(call!.body).toContain('"/cloud/*"');
    expect(call!.headers['content-type']).toBe('application/json');
    expect(call!.headers['x-ovh-application']).toBe(APPLICATION_KEY);
    expect(call!.headers['x-ovh-consumer']).toBe(CONSUMER_KEY);
    expect(call!.headers['x-ovh-timestamp']).toBe(String(SERVER_SECONDS));
    expect(signatureIsValid(server, call!)).toBe(true);
    expect(await api.getTimeOffset()).toBe(3600);
  });

  it('keeps its own authentication headers whatever the letter case of a caller header', async () => {
    const server = await serve(withTime(() => ({ json: [] })));
    await client(server).get('/cloud', {
      headers: { 'x-ovh-consumer': 'other', 'X-OVH-SIGNATURE': 'forged', 'X-Pagination-Size': '10' },
    });
    const [call] = apiCalls(server);
    expect(call!.headers['x-ovh-consumer']).toBe(CONSUMER_KEY);
    expect(call!.headers['x-pagination-size']).toBe('10');
    expect(signatureIsValid(server, call!)).toBe(true);
  });

  it('sends unsigned calls with only X-Ovh-Application, and never syncs the clock for them', async () => {
    const server = await serve(() => ({ json: { consumerKey: 'new', state: 'pendingValidation' } }));
    const api = client(server, { consumerKey: undefined });
    await api.post('/auth/credential', { accessRules: [{ method: 'GET', path: '/me' }] }, { signed: false });
    expect(server.received).toHaveLength(1);
    const [call] = server.received;
    expect(call!.headers['x-ovh-application']).toBe(APPLICATION_KEY);
    expect(call!.headers['x-ovh-consumer']).toBeUndefined();
    expect(call!.headers['x-ovh-signature']).toBeUndefined();
    expect(call!.headers['x-ovh-timestamp']).toBeUndefined();
  });

  it('signs /auth paths like any other (never guessed from the path)', async () => {
    const server = await serve(withTime(() => ({ json: { status: 'validated' } })));
    await client(server).get('/auth/currentCredential');
    const [call] = apiCalls(server);
    expect(signatureIsValid(server, call!)).toBe(true);
  });

  it('refuses a signed call without a consumer key before sending anything', async () => {
    const server = await serve(() => ({ json: null }));
    const api = client(server, { consumerKey: undefined });
    await expect(api.get('/me')).rejects.toThrow(ConfigError);
    await expect(api.get('/me')).rejects.toThrow(
      'GET /me must be signed, but the client has no consumer key.',
    );
    expect(server.received).toHaveLength(0);
    api.setConsumerKey(CONSUMER_KEY);
    expect(api.hasConsumerKey).toBe(true);
  });

  it('re-syncs the clock and retries once when the server refuses the timestamp', async () => {
    let refusals = 0;
    const server = await serve(
      withTime(() => {
        if (refusals++ === 0)
          return { status: 400, json: { errorCode: 'QUERY_TIME_OUT', message: 'Query out of time' } };
        return { json: 'ok' };
      }),
    );
    await expect(client(server).get('/me')).resolves.toBe('ok');
    expect(server.received.map((request) => request.url)).toEqual([
      '/1.0/auth/time',
      '/1.0/me',
      '/1.0/auth/time',
      '/1.0/me',
    ]);
  });

  it('gives up after one re-sync when the signature keeps being refused (wrong secret)', async () => {
    const server = await serve(
      withTime(() => ({
        status: 400,
        json: { errorCode: 'INVALID_SIGNATURE', httpCode: '400 Bad Request', message: 'Invalid signature' },
      })),
    );
    const error = await client(server)
      .get('/me')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidSignatureError);
    expect((error as InvalidSignatureError).message).toMatch(
      /^Invalid signature \(GET \/me, query id EU\.ext-1\.test\.\d+\)$/,
    );
    expect(apiCalls(server)).toHaveLength(2);
  });

  it('answers undefined for an empty body and fails with InvalidResponseError on non-JSON', async () => {
    const server = await serve(
      withTime((request) => (request.url === '/1.0/empty' ? { text: '' } : { text: '<html>oops</html>' })),
    );
    const api = client(server);
    await expect(api.delete('/empty')).resolves.toBeUndefined();
    await expect(api.get('/html')).rejects.toThrow(InvalidResponseError);
  });

  it('does not follow redirects with signed headers', async () => {
    const target = await serve(() => ({ json: 'redirected' }));
    const server = await serve(
      withTime(() => ({ status: 302, headers: { Location: `${target.origin}/x` } })),
    );
    await expect(client(server).get('/me')).rejects.toMatchObject({ status: 302 });
    expect(target.received).toHaveLength(0);
  });
});

describe('OvhClient retries', () => {
  it('retries a GET on 503, 500, 429 (Retry-After) and dropped connections', async () => {
    const script: Array<'drop' | number> = [503, 500, 'drop', 429];
    const server = await serve(
      withTime((_request) => {
        const next = script.shift();
        if (next === undefined) return { json: { nichandle: 'xx1234-ovh' } };
        if (next === 'drop') return 'drop';
        return {
          status: next,
          headers: next === 429 ? { 'Retry-After': '0' } : undefined,
          json: { message: 'busy' },
        };
      }),
    );
    await expect(client(server, { retries: 4 }).get('/me')).resolves.toEqual({ nichandle: 'xx1234-ovh' });
    expect(apiCalls(server)).toHaveLength(5);
  });

  it('stops after `retries` and throws the last error', async () => {
    const server = await serve(withTime(() => ({ status: 503, json: { message: 'Service Unavailable' } })));
    await expect(client(server, { retries: 2 }).get('/me')).rejects.toThrow(ServerError);
    expect(apiCalls(server)).toHaveLength(3);
  });

  it('never repeats a POST that reached the server', async () => {
    for (const answer of ['drop', 503, 429] as const) {
      const server = await serve(
        withTime(() =>
          answer === 'drop' ? 'drop' : { status: answer, headers: { 'Retry-After': '0' }, json: {} },
        ),
      );
      const error = await client(server)
        .post('/cloud/x/pca/y/sessions/z/restore')
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(OvhApiError);
      if (answer === 'drop') expect(error).toMatchObject({ name: 'NetworkError', connectionRefused: false });
      if (answer === 429) expect(error).toBeInstanceOf(RateLimitedError);
      expect(apiCalls(server).filter((request) => request.method === 'POST')).toHaveLength(1);
    }
  });

  it('retries a POST whose connection was refused, and it then arrives exactly once', async () => {
    const port = await findClosedPort();
    const events: OvhDebugEvent[] = [];
    let late: Promise<ScriptedServer> | undefined;
    const api = new OvhClient({
      endpoint: `http://127.0.0.1:${port}/1.0`,
      applicationKey: APPLICATION_KEY,
      // Room for the server below to start listening on a busy machine: refusals until then only
      // add attempts, each of which must be a refused connection.
      retries: 20,
      retryBaseDelayMs: 100,
      maxRetryDelayMs: 1_000,
      random: () => 0.99,
      onDebug: (event) => {
        events.push(event);
        // The server comes up after the first refusal.
        if (event.attempt === 1) late = serve(() => ({ json: { state: 'pendingValidation' } }), port);
      },
    });
    await expect(api.post('/auth/credential', { accessRules: [] }, { signed: false })).resolves.toEqual({
      state: 'pendingValidation',
    });
    const outcomes = events.map((event) => [event.status, event.error]);
    expect(outcomes.at(-1)).toEqual([200, undefined]);
    expect(outcomes.slice(0, -1)).toEqual(outcomes.slice(0, -1).map(() => [0, 'NetworkError']));
    expect(outcomes.length).toBeGreaterThanOrEqual(2);
    const server = await late!;
    expect(server.received.filter((request) => request.method === 'POST')).toHaveLength(1);
  });

  it('reports a refused connection as NetworkError with connectionRefused', async () => {
    const port = await findClosedPort();
    const api = new OvhClient({
      endpoint: `http://127.0.0.1:${port}/1.0`,
      applicationKey: APPLICATION_KEY,
      retries: 1,
      retryBaseDelayMs: 1,
    });
    const error = await api.get('/auth/time', { signed: false }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ connectionRefused: true, status: 0, method: 'GET', path: '/auth/time' });
    expect((error as NetworkError).message).toBe('Connection refused by the API server (GET /auth/time)');
  });

  it('times out an attempt that gets no answer, and retries a GET', async () => {
    const server = await serve(withTime(() => 'hang'));
    const events: OvhDebugEvent[] = [];
    // Per call, so the clock sync before it keeps the default timeout on a busy machine.
    const error = await client(server, { retries: 1, onDebug: (event) => events.push(event) })
      .get('/me', { timeoutMs: 50 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toBe('No answer within 50 ms (GET /me)');
    // Counted on the client's side: on a busy machine an attempt may time out before it even
    // reaches the server, which is what a timeout is for.
    const meAttempts = events.filter((event) => new URL(event.url).pathname.endsWith('/me'));
    expect(meAttempts.map((event) => event.error)).toEqual(['TimeoutError', 'TimeoutError']);
  });

  it("stops at once when the caller's signal aborts (no retry)", async () => {
    const server = await serve(withTime(() => 'hang'));
    const controller = new AbortController();
    const pending = client(server).get('/me', { signal: controller.signal });
    await new Promise<void>((resolve) => {
      const poll = () => (apiCalls(server).length > 0 ? resolve() : setTimeout(poll, 5));
      poll();
    });
    controller.abort(new Error('user cancelled'));
    await expect(pending).rejects.toThrow('user cancelled');
    expect(apiCalls(server)).toHaveLength(1);
  });
});

describe('OvhClient limits and debug hook', () => {
  it('keeps at most `concurrency` requests in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const release: Array<() => void> = [];
    const server = await serve(
      withTime(
        () =>
          new Promise((resolve) => {
            inFlight++;
            peak = Math.max(peak, inFlight);
            release.push(() => {
              inFlight--;
              resolve({ json: 1 });
            });
          }),
      ),
    );
    const api = client(server, { concurrency: 2 });
    const calls = Array.from({ length: 6 }, (_, index) => api.get(`/item/${index}`));
    // The server answers one request at a time, once as many are waiting as the limit lets in
    // (fewer at the end): so the peak is reached whatever the machine's speed, and a client that
    // let more in would show a higher one.
    let answered = 0;
    await new Promise<void>((resolve) => {
      const pump = () => {
        const next = release.length >= Math.min(2, 6 - answered) ? release.shift() : undefined;
        if (next) {
          next();
          answered++;
        }
        if (answered === 6) resolve();
        else setTimeout(pump, 2);
      };
      pump();
    });
    await Promise.all(calls);
    expect(peak).toBe(2);
  });

  it('emits one debug event per attempt, with the consumer key and signature masked', async () => {
    let first = true;
    const server = await serve(
      withTime(() => {
        if (first) {
          first = false;
          return { status: 503, json: { message: 'busy' } };
        }
        return { json: { nichandle: 'xx1234-ovh' } };
      }),
    );
    const events: OvhDebugEvent[] = [];
    await client(server, { onDebug: (event) => events.push(event) }).get('/me');
    expect(
      events.map((event) => [
        event.method,
        event.url.replace(server.origin, ''),
        event.attempt,
        event.status,
      ]),
    ).toEqual([
      ['GET', '/1.0/auth/time', 1, 200],
      ['GET', '/1.0/me', 1, 503],
      ['GET', '/1.0/me', 2, 200],
    ]);
    const meEvent = events[2]!;
    expect(meEvent.queryId).toMatch(/^EU\.ext-1\.test\./);
    expect(meEvent.headers['X-Ovh-Consumer']).toBe('***');
    expect(meEvent.headers['X-Ovh-Signature']).toBe('***');
    expect(meEvent.headers['X-Ovh-Application']).toBe(APPLICATION_KEY);
    expect(meEvent.durationMs).toBeGreaterThanOrEqual(0);
    expect(events[1]!.error).toBe('ServerError');
    const logged = JSON.stringify(events);
    expect(logged).not.toContain(APPLICATION_SECRET);
    expect(logged).not.toContain(CONSUMER_KEY);
  });

  it('never puts a secret in an error, its message or its JSON form', async () => {
    const server = await serve(
      withTime(() => ({
        status: 404,
        json: { class: 'Client::NotFound', message: 'The requested object does not exist' },
      })),
    );
    const error = (await client(server)
      .get('/cloud/x')
      .catch((caught: unknown) => caught)) as NotFoundError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.queryId).toMatch(/^EU\.ext-1\.test\./);
    for (const text of [
      error.message,
      error.stack ?? '',
      JSON.stringify(error),
      JSON.stringify({ ...error }),
    ]) {
      expect(text).not.toContain(APPLICATION_SECRET);
      expect(text).not.toContain(CONSUMER_KEY);
    }
  });

  it('resolves named endpoints and exposes the URL', () => {
    expect(new OvhClient({ endpoint: 'ovh-ca', applicationKey: 'a' }).endpointUrl).toBe(
      'https://ca.api.ovh.com/1.0',
    );
    expect(
      new OvhClient({ endpoint: 'ovh-eu', endpointDomain: 'ovhcloud', applicationKey: 'a' }).endpointUrl,
    ).toBe('https://api.eu.ovhcloud.com/1.0');
    expect(() => new OvhClient({ endpoint: 'http://example.com/1.0', applicationKey: 'a' })).toThrow(
      ConfigError,
    );
  });
});
