import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHandle, startSandbox } from '../index.js';
import { ovhCall, ovhSignature } from '../testing/ovh-call.js';
import { SandboxHttpError } from './route-types.js';

let sandbox: SandboxHandle;
beforeAll(async () => {
  sandbox = await startSandbox({
    seed: 11,
    extraRoutes: [
      {
        method: 'GET',
        pattern: '/test/conflict',
        handler: () => {
          throw new SandboxHttpError(409, 'Busy', 'Client::Conflict');
        },
      },
      {
        method: 'GET',
        pattern: '/test/expired',
        handler: () => {
          throw new SandboxHttpError(460, 'Service expired', 'Client::ExpiredService');
        },
      },
      {
        method: 'GET',
        pattern: '/test/crash',
        handler: () => {
          throw new Error('boom');
        },
      },
      {
        method: 'POST',
        pattern: '/test/echo',
        handler: (req) => ({ body: { received: req.body, params: req.params } }),
      },
      { method: 'GET', pattern: '/test/items/{id}', handler: (req) => ({ body: req.params.id }) },
    ],
  });
});
afterAll(() => sandbox.close());

describe('OVH error codes (reference doc §5)', () => {
  it('401 Client::Unauthorized when the auth headers are missing', async () => {
    const answer = await ovhCall(sandbox, { path: '/me', unsigned: true });
    expect(answer).toMatchObject({
      status: 401,
      body: { class: 'Client::Unauthorized', message: 'You must login first', httpCode: '401 Unauthorized' },
    });
    const onlyKey = await ovhCall(sandbox, { path: '/me', consumerKey: null });
    expect(onlyKey.status).toBe(401);
  });

  it('403 INVALID_KEY for an unknown application key', async () => {
    const answer = await ovhCall(sandbox, { path: '/me', applicationKey: 'nope' });
    expect(answer).toMatchObject({
      status: 403,
      body: {
        errorCode: 'INVALID_KEY',
        httpCode: '403 Forbidden',
        message: 'This application key is invalid',
      },
    });
  });

  it('400 INVALID_SIGNATURE for a wrong secret, a tampered body, query or host', async () => {
    const wrongSecret = await ovhCall(sandbox, { path: '/me', applicationSecret: 'wrong' });
    expect(wrongSecret).toMatchObject({
      status: 400,
      body: { errorCode: 'INVALID_SIGNATURE', message: 'Invalid signature' },
    });

    // Signed for one query string, sent with another.
    const signedForX1 = signedHeaders('/me?x=1');
    expect((await rawGet('/1.0/me?x=1', signedForX1)).status).toBe(200);
    expect((await rawGet('/1.0/me?x=2', signedForX1)).status).toBe(400);

    // The signature covers scheme + Host as sent: `localhost` is not `127.0.0.1`.
    const hostChanged = await rawGet('/1.0/me', {
      ...signedHeaders('/me'),
      Host: `localhost:${sandbox.port}`,
    });
    expect(hostChanged).toMatchObject({ status: 400, body: { errorCode: 'INVALID_SIGNATURE' } });
  });

  it('accepts raw body bytes exactly as signed, including spacing', async () => {
    const answer = await ovhCall(sandbox, { method: 'POST', path: '/test/echo', rawBody: '{ "a" : "b/c" }' });
    expect(answer).toMatchObject({ status: 200, body: { received: { a: 'b/c' } } });
  });

  it('403 NOT_CREDENTIAL for an unknown consumer key, or one of another application', async () => {
    const unknown = await ovhCall(sandbox, { path: '/me', consumerKey: 'z'.repeat(32) });
    expect(unknown).toMatchObject({
      status: 403,
      body: { errorCode: 'NOT_CREDENTIAL', message: 'This credential does not exist' },
    });
    const otherApp = sandbox.createApplication();
    const foreign = await ovhCall(sandbox, {
      path: '/me',
      applicationKey: otherApp.applicationKey,
      applicationSecret: otherApp.applicationSecret,
    });
    expect(foreign.body).toMatchObject({ errorCode: 'NOT_CREDENTIAL' });
  });

  it.each(['pendingValidation', 'refused', 'expired'] as const)(
    '403 INVALID_CREDENTIAL for a %s key',
    async (status) => {
      const { consumerKey } = sandbox.createCredential({ status });
      const answer = await ovhCall(sandbox, { path: '/me', consumerKey });
      expect(answer).toMatchObject({
        status: 403,
        body: { errorCode: 'INVALID_CREDENTIAL', message: 'This credential is not valid' },
      });
      const current = await ovhCall(sandbox, { path: '/auth/currentCredential', consumerKey });
      expect(current.status).toBe(403);
    },
  );

  it('403 NOT_GRANTED_CALL outside the rules', async () => {
    const { consumerKey } = sandbox.createCredential({ rules: [{ method: 'GET', path: '/me' }] });
    expect((await ovhCall(sandbox, { path: '/me', consumerKey })).status).toBe(200);
    const answer = await ovhCall(sandbox, { path: '/me/api/credential', consumerKey });
    expect(answer).toMatchObject({
      status: 403,
      body: { errorCode: 'NOT_GRANTED_CALL', message: 'This call has not been granted' },
    });
    // Every key may still inspect itself.
    expect((await ovhCall(sandbox, { path: '/auth/currentCredential', consumerKey })).status).toBe(200);
  });

  it('400 QUERY_TIME_OUT when the timestamp is outside the window, either side', async () => {
    const now = sandbox.clock.nowSeconds();
    for (const timestamp of [now - 61, now + 61]) {
      const answer = await ovhCall(sandbox, { path: '/me', timestamp });
      expect(answer).toMatchObject({ status: 400, body: { errorCode: 'QUERY_TIME_OUT' } });
    }
    expect((await ovhCall(sandbox, { path: '/me', timestamp: now - 50 })).status).toBe(200);
  });

  it('404 Client::NotFound for unknown paths and unknown methods', async () => {
    const path = await ovhCall(sandbox, { path: '/nowhere' });
    expect(path).toMatchObject({
      status: 404,
      body: { class: 'Client::NotFound', message: 'Got an invalid (or empty) URL' },
    });
    const method = await ovhCall(sandbox, { method: 'PUT', path: '/me', body: {} });
    expect(method.status).toBe(404);
    const v2 = await fetch(`${sandbox.origin}/v2/me`);
    expect(v2.status).toBe(404);
  });

  it('400 Client::BadRequest for malformed JSON and invalid UTF-8', async () => {
    const answer = await ovhCall(sandbox, { method: 'POST', path: '/test/echo', rawBody: '{"a":' });
    expect(answer).toMatchObject({
      status: 400,
      body: { class: 'Client::BadRequest', message: 'Invalid JSON received' },
    });
    const response = await fetch(`${sandbox.endpoint}/auth/credential`, {
      method: 'POST',
      headers: { 'X-Ovh-Application': sandbox.applicationKey },
      body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
    });
    expect(response.status).toBe(400);
  });

  it('refuses an escaped slash in a JSON body as OVH does, not an escaped backslash before one', async () => {
    const escaped = await ovhCall(sandbox, { method: 'POST', path: '/test/echo', rawBody: '{"a":"x\\/y"}' });
    expect(escaped).toMatchObject({ status: 400, body: { message: 'Invalid JSON received' } });
    const backslash = await ovhCall(sandbox, {
      method: 'POST',
      path: '/test/echo',
      rawBody: '{"a":"x\\\\/y"}',
    });
    expect(backslash).toMatchObject({ status: 200, body: { received: { a: 'x\\/y' } } });
  });

  it('409, 460 and 500 keep the merged body shape', async () => {
    expect(await ovhCall(sandbox, { path: '/test/conflict' })).toMatchObject({
      status: 409,
      body: { httpCode: '409 Conflict', class: 'Client::Conflict', message: 'Busy' },
    });
    expect(await ovhCall(sandbox, { path: '/test/expired' })).toMatchObject({
      status: 460,
      body: { httpCode: '460 Expired Service', message: 'Service expired' },
    });
    expect(await ovhCall(sandbox, { path: '/test/crash' })).toMatchObject({
      status: 500,
      body: { class: 'Server::InternalServerError' },
    });
  });

  it('the /v1 base is an alias of /1.0 and is signed as sent', async () => {
    const answer = await ovhCall(sandbox, { path: '/me' });
    expect(answer.status).toBe(200);
    const v1Url = `${sandbox.origin}/v1/me`;
    const timestamp = sandbox.clock.nowSeconds();
    const response = await fetch(v1Url, {
      headers: {
        'X-Ovh-Application': sandbox.applicationKey,
        'X-Ovh-Consumer': sandbox.consumerKey,
        'X-Ovh-Timestamp': String(timestamp),
        'X-Ovh-Signature': ovhSignature(
          sandbox.applicationSecret,
          sandbox.consumerKey,
          'GET',
          v1Url,
          '',
          timestamp,
        ),
      },
    });
    expect(response.status).toBe(200);
  });

  it('percent-encoded IDs reach handlers decoded', async () => {
    const answer = await ovhCall(sandbox, { path: '/test/items/a%2Fb%20c' });
    expect(answer).toMatchObject({ status: 200, body: 'a/b c' });
  });

  it('X-Ovh-QueryId is on every answer, unique, shaped like OVH', async () => {
    const answers = await Promise.all([
      ovhCall(sandbox, { path: '/me' }),
      ovhCall(sandbox, { path: '/nowhere' }),
      ovhCall(sandbox, { path: '/me', unsigned: true }),
      ovhCall(sandbox, { path: '/auth/time', unsigned: true }),
      fetch(`${sandbox.origin}/_sandbox/requests`).then((r) => ({ headers: r.headers })),
      fetch(`${sandbox.origin}/auth/?credentialToken=nope`).then((r) => ({ headers: r.headers })),
    ]);
    const ids = answers.map((answer) => answer.headers.get('x-ovh-queryid'));
    for (const id of ids) expect(id).toMatch(/^EU\.ext-\d\.[0-9a-f]{8}\.\d+\.[0-9a-f]{8}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('access rules and expiry', () => {
  it('globs: `*` matches any characters, everything else is literal', async () => {
    const { consumerKey } = sandbox.createCredential({
      rules: [
        { method: 'GET', path: '/me/api/*' },
        { method: 'GET', path: '/test/items/a*z' },
      ],
    });
    const call = (path: string, method = 'GET') => ovhCall(sandbox, { path, consumerKey, method });
    expect((await call('/me/api/credential')).status).toBe(200);
    expect((await call('/me/api/application')).status).toBe(200);
    expect((await call('/me')).status).toBe(403); // `/me/api/*` does not cover `/me`
    expect((await call('/test/items/abcz')).status).toBe(200);
    expect((await call('/test/items/abc')).status).toBe(403);
    expect((await call('/me/api/credential/1', 'DELETE')).status).toBe(403); // method must match
  });

  it('a literal rule does not cover sub-paths', async () => {
    const { consumerKey } = sandbox.createCredential({ rules: [{ method: 'GET', path: '/me/api' }] });
    expect((await ovhCall(sandbox, { path: '/me/api/credential', consumerKey })).body).toMatchObject({
      errorCode: 'NOT_GRANTED_CALL',
    });
  });

  it('a rule covers the trailing-slash spelling the router accepts', async () => {
    const literal = sandbox.createCredential({ rules: [{ method: 'GET', path: '/me/api/credential' }] });
    const answer = await ovhCall(sandbox, { path: '/me/api/credential/', consumerKey: literal.consumerKey });
    expect(answer.status).toBe(200);
    const glob = sandbox.createCredential({ rules: [{ method: 'GET', path: '/me/api/credential/*' }] });
    expect(
      (await ovhCall(sandbox, { path: '/me/api/credential/', consumerKey: glob.consumerKey })).status,
    ).toBe(200);
  });

  it('a rule with many globs against a long path answers at once (no regex backtracking)', async () => {
    // As a regular expression this rule takes minutes on this path, freezing the whole server.
    const { consumerKey } = sandbox.createCredential({
      rules: [{ method: 'GET', path: `/test/items/${'*a'.repeat(9)}*b` }],
    });
    const answer = await ovhCall(sandbox, { path: `/test/items/${'a'.repeat(48)}`, consumerKey });
    expect(answer.body).toMatchObject({ errorCode: 'NOT_GRANTED_CALL' });
  });

  it('allowedIPs restrict the caller address', async () => {
    const outside = sandbox.createCredential({ allowedIPs: ['203.0.113.0/24'] });
    expect((await ovhCall(sandbox, { path: '/me', consumerKey: outside.consumerKey })).status).toBe(403);
    const inside = sandbox.createCredential({ allowedIPs: ['127.0.0.0/8'] });
    expect((await ovhCall(sandbox, { path: '/me', consumerKey: inside.consumerKey })).status).toBe(200);
  });

  it('a validated key expires at its date on the sandbox clock', async () => {
    const { consumerKey, credentialId } = sandbox.createCredential({ expiresInSeconds: 3600 });
    expect((await ovhCall(sandbox, { path: '/me', consumerKey })).status).toBe(200);
    const response = await fetch(`${sandbox.origin}/_sandbox/clock`, {
      method: 'POST',
      body: JSON.stringify({ advanceSeconds: 3601 }),
    });
    expect(response.status).toBe(200);
    try {
      const answer = await ovhCall(sandbox, { path: '/me', consumerKey });
      expect(answer.body).toMatchObject({ errorCode: 'INVALID_CREDENTIAL' });
      const seen = await ovhCall<{ status: string }>(sandbox, { path: `/me/api/credential/${credentialId}` });
      expect(seen.body.status).toBe('expired');
    } finally {
      sandbox.setBehaviour({ skewSeconds: 0 });
    }
  });
});

function signedHeaders(path: string): Record<string, string> {
  const timestamp = sandbox.clock.nowSeconds();
  const url = `${sandbox.endpoint}${path}`;
  return {
    'X-Ovh-Application': sandbox.applicationKey,
    'X-Ovh-Consumer': sandbox.consumerKey,
    'X-Ovh-Timestamp': String(timestamp),
    'X-Ovh-Signature': ovhSignature(
      sandbox.applicationSecret,
      sandbox.consumerKey,
      'GET',
      url,
      '',
      timestamp,
    ),
  };
}

/** node:http rather than fetch, which would not let a test choose the Host header. */
function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: sandbox.port, path, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end();
  });
}
