/**
 * Requests shaped as python-ovh, go-ovh and php-ovh put them on the wire (their headers, body
 * encodings and query spellings, read from their sources), and the answers those clients decode:
 * JSON on every answer (python-ovh decodes all but a 204, so a void call answers `null`), a bare
 * integer from /auth/time (php-ovh casts the body to int), errors as objects with `message`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstPca, firstSession } from './domain/cloud/testing/pca-fixtures.js';
import { type SandboxHandle, startSandbox } from './index.js';
import { ovhSignature } from './testing/ovh-call.js';

let sandbox: SandboxHandle;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 5, sessions: 10, files: 2 });
});
afterAll(() => sandbox.close());

interface WireRequest {
  method: string;
  /** Absolute URL, exactly as the client signs it. */
  url: string;
  /** Exact body text; '' for none. */
  body?: string;
  /** The client's own headers (content type, accept, user agent…). */
  headers?: Record<string, string>;
  /** Unsigned: only X-Ovh-Application (and what `headers` adds). */
  unsigned?: boolean;
}

async function send({ method, url, body = '', headers = {}, unsigned = false }: WireRequest) {
  const timestamp = sandbox.clock.nowSeconds();
  const auth: Record<string, string> = unsigned
    ? {}
    : {
        'X-Ovh-Consumer': sandbox.consumerKey,
        'X-Ovh-Timestamp': String(timestamp),
        'X-Ovh-Signature': ovhSignature(
          sandbox.applicationSecret,
          sandbox.consumerKey,
          method,
          url,
          body,
          timestamp,
        ),
      };
  const response = await fetch(url, {
    method,
    headers: { ...headers, 'X-Ovh-Application': sandbox.applicationKey, ...auth },
    body: body === '' && (method === 'GET' || method === 'HEAD') ? undefined : body,
  });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    text,
    json: JSON.parse(text) as unknown,
  };
}

const pcaBase = () => `${sandbox.endpoint}${firstPca(sandbox.state.cloud).base}`;
const doneSession = () => firstSession(firstPca(sandbox.state.cloud).service, 'done');

describe('python-ovh', () => {
  const json = { 'Content-type': 'application/json' };

  it('time, then form-encoded queries (`+` for spaces, %2B and %3A in dates)', async () => {
    const time = await send({ method: 'GET', url: `${sandbox.endpoint}/auth/time`, unsigned: true });
    expect(time.text).toMatch(/^\d+$/);
    const tasks = await send({
      method: 'GET',
      url: `${pcaBase()}/tasks?function=delete&todoDate.from=2000-01-01T00%3A00%3A00%2B02%3A00`,
    });
    expect(tasks.status).toBe(200);
    expect(Array.isArray(tasks.json)).toBe(true);
    const renamed = await send({
      method: 'PUT',
      url: `${pcaBase()}/sessions/${doneSession().id}`,
      body: '{"name":"www weekly"}',
      headers: json,
    });
    expect(renamed.status).toBe(200);
    const found = await send({ method: 'GET', url: `${pcaBase()}/sessions?name=www+weekly` });
    expect(found.json).toEqual([doneSession().id]);
  });

  it('compact JSON with \\u escapes; void calls answer a JSON null, not an empty body', async () => {
    const session = doneSession();
    const put = await send({
      method: 'PUT',
      url: `${pcaBase()}/sessions/${session.id}`,
      body: '{"name":"donn\\u00e9es \\u5199\\u771f"}',
      headers: json,
    });
    expect(put).toMatchObject({ status: 200, text: 'null', contentType: 'application/json; charset=utf-8' });
    expect(session.name).toBe('données 写真');
  });

  it('restore with no body (today) and with {} (older releases sent their empty kwargs)', async () => {
    const { service } = firstPca(sandbox.state.cloud);
    const [first, second] = Object.values(service.sessions).filter((s) => s.baseState === 'done');
    const bare = await send({ method: 'POST', url: `${pcaBase()}/sessions/${first!.id}/restore` });
    expect(bare.json).toMatchObject({ function: 'restore', status: 'todo' });
    const empty = await send({
      method: 'POST',
      url: `${pcaBase()}/sessions/${second!.id}/restore`,
      body: '{}',
      headers: json,
    });
    expect(empty.json).toMatchObject({ function: 'restore', status: 'todo' });
  });

  it('a consumer key request with null redirection and allowedIPs', async () => {
    const answer = await send({
      method: 'POST',
      url: `${sandbox.endpoint}/auth/credential`,
      body: '{"accessRules":[{"method":"GET","path":"/cloud"},{"method":"GET","path":"/cloud/*"}],"redirection":null,"allowedIPs":null}',
      headers: json,
      unsigned: true,
    });
    expect(answer.json).toMatchObject({ state: 'pendingValidation', consumerKey: expect.any(String) });
  });
});

describe('go-ovh', () => {
  const headers = { Accept: 'application/json', 'User-Agent': 'github.com/ovh/go-ovh' };

  it('a /v1 path joined to the endpoint origin, signed as sent', async () => {
    const answer = await send({ method: 'GET', url: `${sandbox.origin}/v1/me`, headers });
    expect(answer.json).toMatchObject({ nichandle: sandbox.account.nichandle });
  });

  it('`application/json;charset=utf-8` only with a body; errors carry string class and message', async () => {
    const put = await send({
      method: 'PUT',
      url: `${pcaBase()}/sessions/${doneSession().id}`,
      body: '{"name":"go"}',
      headers: { ...headers, 'Content-Type': 'application/json;charset=utf-8' },
    });
    expect(put.status).toBe(200);
    const missing = await send({
      method: 'GET',
      url: `${pcaBase()}/sessions/${'f'.repeat(24)}`,
      headers,
    });
    expect(missing.status).toBe(404);
    const error = missing.json as Record<string, unknown>;
    expect(typeof error.class).toBe('string');
    expect(typeof error.message).toBe('string');
    expect(
      error.details === undefined ||
        Object.values(error.details as object).every((v) => typeof v === 'string'),
    ).toBe(true);
  });
});

describe('php-ovh', () => {
  const json = { 'Content-Type': 'application/json; charset=utf-8' };

  it('a JSON content type on every call, body-less GET and DELETE included', async () => {
    const list = await send({ method: 'GET', url: `${pcaBase()}/sessions`, headers: json });
    expect(list.status).toBe(200);
    const { service } = firstPca(sandbox.state.cloud);
    const victim = Object.values(service.sessions)
      .filter((s) => s.baseState === 'done')
      .at(-1)!;
    const removed = await send({
      method: 'DELETE',
      url: `${pcaBase()}/sessions/${victim.id}`,
      headers: json,
    });
    expect(removed.json).toMatchObject({ function: 'delete', status: 'todo' });
  });

  it('RFC 3986 queries (%20) and unescaped slashes in bodies', async () => {
    const session = doneSession();
    const put = await send({
      method: 'PUT',
      url: `${pcaBase()}/sessions/${session.id}`,
      body: '{"name":"nas/photos 2024"}',
      headers: json,
    });
    expect(put.status).toBe(200);
    const found = await send({
      method: 'GET',
      url: `${pcaBase()}/sessions?name=nas%2Fphotos%202024`,
      headers: json,
    });
    expect(found.json).toEqual([session.id]);
  });

  it('requests a consumer key with a timestamp but no consumer key or signature', async () => {
    const answer = await send({
      method: 'POST',
      url: `${sandbox.endpoint}/auth/credential`,
      body: '{"accessRules":[{"method":"GET","path":"/me"}],"redirection":null}',
      headers: { ...json, 'X-Ovh-Timestamp': String(sandbox.clock.nowSeconds()) },
      unsigned: true,
    });
    expect(answer.json).toMatchObject({ state: 'pendingValidation' });
  });

  it('reads schema documents unauthenticated, with its content type', async () => {
    const schema = await send({
      method: 'GET',
      url: `${sandbox.endpoint}/cloud.json`,
      headers: json,
      unsigned: true,
    });
    expect(schema.json).toMatchObject({ resourcePath: '/cloud', apis: expect.any(Array) });
  });
});
