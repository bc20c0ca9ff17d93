import { connect } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RequestLogEntry, type SandboxHandle, startSandbox } from './index.js';
import { createSeededRandom } from './state/seeded-random.js';
import { ovhCall } from './testing/ovh-call.js';

let sandbox: SandboxHandle;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 21 });
});
afterEach(() => sandbox.setBehaviour({ faultRate: 0, latencyMs: 0, latencyJitterMs: 0 }));
afterAll(() => sandbox.close());

const admin = async <T = unknown>(method: string, path: string, body?: unknown) => {
  const response = await fetch(`${sandbox.origin}/_sandbox/${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
};

describe('request log', () => {
  it('records method, path with query, status and time; admin calls are not logged; DELETE clears', async () => {
    await admin('DELETE', 'requests');
    await ovhCall(sandbox, { path: '/me?x=1' });
    await ovhCall(sandbox, { path: '/nowhere' });
    await fetch(`${sandbox.endpoint}/auth/time`);
    const log = await admin<RequestLogEntry[]>('GET', 'requests');
    expect(log.body.map(({ method, path, status }) => ({ method, path, status }))).toEqual([
      { method: 'GET', path: '/1.0/me?x=1', status: 200 },
      { method: 'GET', path: '/1.0/nowhere', status: 404 },
      { method: 'GET', path: '/1.0/auth/time', status: 200 },
    ]);
    expect(log.body[0]!.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    expect(sandbox.requests()).toHaveLength(3);
    await admin('DELETE', 'requests');
    expect((await admin<unknown[]>('GET', 'requests')).body).toEqual([]);
  });
});

describe('fault injection', () => {
  it('honours the seeded rate roughly, with every kind, and never on /_sandbox', async () => {
    await admin('DELETE', 'requests');
    expect((await admin('POST', 'behaviour', { faultRate: 0.3 })).status).toBe(200);
    let dropped = 0;
    let retryAfter: string | null = null;
    for (let i = 0; i < 200; i++) {
      try {
        const response = await fetch(`${sandbox.endpoint}/auth/time`);
        if (response.status === 429) retryAfter = response.headers.get('retry-after');
        await response.arrayBuffer();
      } catch {
        dropped++;
      }
    }
    const log = (await admin<RequestLogEntry[]>('GET', 'requests')).body;
    expect(log).toHaveLength(200);
    const faulted = log.filter((entry) => entry.fault);
    expect(faulted.length).toBeGreaterThan(40);
    expect(faulted.length).toBeLessThan(80);
    const kinds = new Set(faulted.map((entry) => entry.fault));
    expect(kinds).toEqual(new Set(['429', '500', '503', 'drop']));
    const drops = faulted.filter((entry) => entry.fault === 'drop');
    expect(drops.every((entry) => entry.status === 0)).toBe(true);
    expect(dropped).toBe(drops.length);
    expect(retryAfter).toBe('1');
    for (const entry of faulted.filter((e) => e.fault !== 'drop'))
      expect(entry.status).toBe(Number(entry.fault));
  });

  it('decides before the handler: a faulted POST changed nothing', async () => {
    sandbox.setBehaviour({ faultRate: 1 });
    const before = sandbox.state.auth.credentials.length;
    for (let i = 0; i < 20; i++) {
      await fetch(`${sandbox.endpoint}/auth/credential`, {
        method: 'POST',
        headers: { 'X-Ovh-Application': sandbox.applicationKey },
        body: JSON.stringify({ accessRules: [{ method: 'GET', path: '/me' }] }),
      }).then(
        (response) => response.arrayBuffer(),
        () => undefined,
      );
    }
    expect(sandbox.state.auth.credentials.length).toBe(before);
    // Control routes stay reliable whatever the rate.
    expect((await admin('GET', 'behaviour')).status).toBe(200);
  });

  it('refuses invalid behaviour updates', async () => {
    expect((await admin('POST', 'behaviour', { faultRate: 2 })).status).toBe(400);
    expect((await admin('POST', 'behaviour', { nonsense: true })).status).toBe(400);
    expect(() => sandbox.setBehaviour({ latencyMs: -1 })).toThrow(/latencyMs/);
  });

  it('refuses admin updates without a JSON object, and changes nothing on a refusal', async () => {
    const post = async (path: string, body: string) => {
      const response = await fetch(`${sandbox.origin}/_sandbox/${path}`, { method: 'POST', body });
      return { status: response.status, body: (await response.json()) as { message?: string } };
    };
    const skew = sandbox.clock.skewSeconds;
    for (const path of ['behaviour', 'clock']) {
      for (const body of ['', ' ', 'null', '[]', '3', '\ufeff{}']) {
        const answer = await post(path, body);
        expect(answer.status, `${path} ${JSON.stringify(body)}`).toBe(400);
      }
    }
    expect((await post('behaviour', '')).body.message).toMatch(
      /needs a JSON object body, e\.g\. \{"faultRate":0\.2\}/,
    );
    expect((await post('clock', '{}')).body.message).toMatch(/advanceSeconds or skewSeconds/);
    expect((await post('clock', '{"advance":5}')).body.message).toBe('Unknown clock setting: advance');
    expect((await post('clock', '{"skewSeconds":50,"advanceSeconds":"x"}')).status).toBe(400);
    expect(sandbox.clock.skewSeconds).toBe(skew);
    expect((await post('clock', '{"skewSeconds":50,"advanceSeconds":10}')).status).toBe(200);
    expect(sandbox.clock.skewSeconds).toBe(60);
    sandbox.setBehaviour({ skewSeconds: skew });
  });
});

describe('latency and clock', () => {
  it('delays API answers by the configured latency', async () => {
    sandbox.setBehaviour({ latencyMs: 150 });
    const started = performance.now();
    const answer = await ovhCall(sandbox, { path: '/me' });
    expect(answer.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });

  it('skew shows in /auth/time and can be moved through /_sandbox/clock', async () => {
    const skewed = await startSandbox({ skewSeconds: -3600 });
    try {
      const time = Number(await (await fetch(`${skewed.endpoint}/auth/time`)).text());
      expect(Math.abs(time - (Date.now() / 1000 - 3600))).toBeLessThan(5);
      const moved = await fetch(`${skewed.origin}/_sandbox/clock`, {
        method: 'POST',
        body: JSON.stringify({ skewSeconds: 7200 }),
      });
      expect(((await moved.json()) as { skewSeconds: number }).skewSeconds).toBe(7200);
      const later = Number(await (await fetch(`${skewed.endpoint}/auth/time`)).text());
      expect(later - time).toBeGreaterThanOrEqual(10800);
    } finally {
      await skewed.close();
    }
  });
});

describe('schema documents', () => {
  it('lists the APIs and describes each from the route tables, publicly', async () => {
    const index = (await (await fetch(`${sandbox.endpoint}/`)).json()) as { apis: Array<{ path: string }> };
    expect(index.apis.map((api) => api.path)).toEqual(expect.arrayContaining(['/auth', '/me']));
    const me = (await (await fetch(`${sandbox.endpoint}/me.json`)).json()) as {
      basePath: string;
      apis: Array<{
        path: string;
        operations: Array<{ httpMethod: string; parameters: Array<{ name: string; paramType: string }> }>;
      }>;
    };
    expect(me.basePath).toBe(sandbox.endpoint);
    const credential = me.apis.find((api) => api.path === '/me/api/credential/{credentialId}');
    expect(credential?.operations.map((op) => op.httpMethod).sort()).toEqual(['DELETE', 'GET']);
    expect(credential?.operations[0]?.parameters).toContainEqual(
      expect.objectContaining({ name: 'credentialId', paramType: 'path' }),
    );
    const list = me.apis.find((api) => api.path === '/me/api/credential');
    expect(list?.operations[0]?.parameters).toContainEqual(
      expect.objectContaining({ name: 'status', paramType: 'query' }),
    );
    expect((await fetch(`${sandbox.endpoint}/nothing.json`)).status).toBe(404);
  });
});

describe('robustness', () => {
  it('survives random bytes on raw sockets, then serves a normal request', async () => {
    const random = createSeededRandom(1234);
    const prefixes = [
      '',
      'GET / HTTP/1.1\r\n',
      'POST /1.0/auth/credential HTTP/1.1\r\nContent-Length: 5\r\n\r\n',
      'GET /1.0/me HTTP/1.1\r\nHost: x\r\n\r\n',
    ];
    for (let i = 0; i < 60; i++) {
      const garbage = Buffer.from(
        Array.from({ length: 1 + Math.floor(random() * 4000) }, () => Math.floor(random() * 256)),
      );
      await new Promise<void>((resolve) => {
        const socket = connect(sandbox.port, '127.0.0.1', () => {
          socket.write(prefixes[i % prefixes.length]!);
          socket.end(garbage);
        });
        socket.on('data', () => undefined);
        socket.on('error', () => resolve());
        socket.on('close', () => resolve());
      });
    }
    const answer = await ovhCall(sandbox, { path: '/me' });
    expect(answer.status).toBe(200);
  });

  it('answers 413 to a body over 1 MiB', async () => {
    const response = await fetch(`${sandbox.endpoint}/auth/credential`, {
      method: 'POST',
      headers: { 'X-Ovh-Application': sandbox.applicationKey },
      body: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(response.status).toBe(413);
    expect((await ovhCall(sandbox, { path: '/me' })).status).toBe(200);
  });
});
