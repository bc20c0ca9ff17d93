/** Delegated access over HTTP: request a key, open the validation page, accept or refuse. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHandle, startSandbox } from '../../index.js';
import { ovhCall } from '../../testing/ovh-call.js';

let sandbox: SandboxHandle;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 3 });
});
afterAll(() => sandbox.close());

interface CredentialAnswer {
  validationUrl: string;
  consumerKey: string;
  state: string;
}

async function requestCredential(body: unknown, applicationKey = sandbox.applicationKey) {
  const response = await fetch(`${sandbox.endpoint}/auth/credential`, {
    method: 'POST',
    headers: { 'X-Ovh-Application': applicationKey, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as CredentialAnswer & Record<string, unknown>,
  };
}

function submit(token: string, fields: Record<string, string>) {
  return fetch(`${sandbox.origin}/auth/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ credentialToken: token, ...fields }).toString(),
    redirect: 'manual',
  });
}

const tokenOf = (validationUrl: string) => new URL(validationUrl).searchParams.get('credentialToken')!;
const currentStatus = async (consumerKey: string) =>
  sandbox.state.auth.credentials.find((credential) => credential.consumerKey === consumerKey)?.status;

describe('POST /auth/credential', () => {
  it('answers a pending key and a validation URL on the sandbox itself', async () => {
    const answer = await requestCredential({ accessRules: [{ method: 'GET', path: '/me' }] });
    expect(answer.status).toBe(200);
    expect(answer.body.state).toBe('pendingValidation');
    expect(answer.body.consumerKey).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(answer.body.validationUrl).toMatch(new RegExp(`^${sandbox.origin}/auth/\\?credentialToken=\\w+$`));
    const pending = await ovhCall(sandbox, { path: '/me', consumerKey: answer.body.consumerKey });
    expect(pending.body).toMatchObject({ errorCode: 'INVALID_CREDENTIAL' });
  });

  it('needs a known application key', async () => {
    const missing = await fetch(`${sandbox.endpoint}/auth/credential`, { method: 'POST', body: '{}' });
    expect(missing.status).toBe(401);
    const unknown = await requestCredential({ accessRules: [{ method: 'GET', path: '/me' }] }, 'nope');
    expect(unknown).toMatchObject({ status: 403, body: { errorCode: 'INVALID_KEY' } });
  });

  it.each([
    ['no rules', {}],
    ['empty rules', { accessRules: [] }],
    ['unknown method', { accessRules: [{ method: 'HEAD', path: '/me' }] }],
    ['relative path', { accessRules: [{ method: 'GET', path: 'me' }] }],
    ['bad redirection', { accessRules: [{ method: 'GET', path: '/me' }], redirection: 'not a url' }],
    [
      'a script redirection',
      { accessRules: [{ method: 'GET', path: '/me' }], redirection: 'javascript:alert(1)' },
    ],
    ['bad allowedIPs', { accessRules: [{ method: 'GET', path: '/me' }], allowedIPs: ['300.1.1.1'] }],
  ])('refuses %s with 400 Client::BadRequest', async (_, body) => {
    const answer = await requestCredential(body);
    expect(answer).toMatchObject({ status: 400, body: { class: 'Client::BadRequest' } });
  });
});

describe('the validation page', () => {
  it('shows a real form with the rules, login, validity and both buttons', async () => {
    const { body } = await requestCredential({
      accessRules: [
        { method: 'GET', path: '/cloud/*' },
        { method: 'DELETE', path: '/cloud/<script>' },
      ],
    });
    const page = await fetch(body.validationUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<form method="post" action="/auth/">');
    expect(html).toContain('<code>/cloud/*</code>');
    expect(html).toContain('&#60;script&#62;'); // rule paths are escaped
    expect(html).not.toContain('<script>');
    expect(html).toMatch(/name="login"/);
    expect(html).toMatch(/name="password" type="password"/);
    for (const seconds of ['3600', '86400', '2592000', '0'])
      expect(html).toContain(`<option value="${seconds}"`);
    expect(html).toContain('value="accept"');
    expect(html).toContain('value="refuse"');
  });

  it('accept with a validity: 303 to redirection, then the key works until it expires', async () => {
    const { body } = await requestCredential({
      accessRules: [{ method: 'GET', path: '/me' }],
      redirection: 'https://app.example/after?x=1',
    });
    const answer = await submit(tokenOf(body.validationUrl), {
      login: sandbox.account.nichandle.toUpperCase(),
      password: sandbox.account.password,
      duration: '3600',
      action: 'accept',
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('https://app.example/after?x=1');

    const me = await ovhCall<{ nichandle: string }>(sandbox, { path: '/me', consumerKey: body.consumerKey });
    expect(me.body.nichandle).toBe(sandbox.account.nichandle);
    const current = await ovhCall<Record<string, unknown>>(sandbox, {
      path: '/auth/currentCredential',
      consumerKey: body.consumerKey,
    });
    expect(current.body).toMatchObject({
      status: 'validated',
      ovhSupport: false,
      rules: [{ method: 'GET', path: '/me' }],
    });
    const expiresIn = Date.parse(current.body.expiration as string) - sandbox.clock.nowMs();
    expect(expiresIn).toBeGreaterThan(3590_000);
    expect(expiresIn).toBeLessThanOrEqual(3600_000);

    // The same link cannot be answered twice.
    expect((await fetch(body.validationUrl)).status).toBe(409);
  });

  it('accept without redirection shows a closing page; unlimited validity', async () => {
    const { body } = await requestCredential({ accessRules: [{ method: 'GET', path: '/me' }] });
    const answer = await submit(tokenOf(body.validationUrl), {
      login: sandbox.account.nichandle,
      password: sandbox.account.password,
      duration: '0',
      action: 'accept',
    });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('You can close this page');
    const current = await ovhCall<Record<string, unknown>>(sandbox, {
      path: '/auth/currentCredential',
      consumerKey: body.consumerKey,
    });
    expect(current.body.expiration).toBeNull();
  });

  it('a wrong password shows the form again with an error and leaves the key pending', async () => {
    const { body } = await requestCredential({ accessRules: [{ method: 'GET', path: '/me' }] });
    const answer = await submit(tokenOf(body.validationUrl), {
      login: sandbox.account.nichandle,
      password: 'wrong',
      duration: '0',
      action: 'accept',
    });
    const html = await answer.text();
    expect(html).toContain('Invalid account ID or password.');
    expect(html).toContain('<form');
    expect(await currentStatus(body.consumerKey)).toBe('pendingValidation');
  });

  it('refuse: key refused, browser redirected', async () => {
    const { body } = await requestCredential({
      accessRules: [{ method: 'GET', path: '/me' }],
      redirection: 'https://app.example/refused',
    });
    const answer = await submit(tokenOf(body.validationUrl), { action: 'refuse' });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('https://app.example/refused');
    const me = await ovhCall(sandbox, { path: '/me', consumerKey: body.consumerKey });
    expect(me.body).toMatchObject({ errorCode: 'INVALID_CREDENTIAL' });
    expect(await currentStatus(body.consumerKey)).toBe('refused');
  });

  it('an unknown token is a 404 page', async () => {
    expect((await fetch(`${sandbox.origin}/auth/?credentialToken=unknown`)).status).toBe(404);
  });
});

describe('POST /auth/logout', () => {
  it('expires the calling key and answers null', async () => {
    const { consumerKey } = sandbox.createCredential();
    const answer = await ovhCall(sandbox, { method: 'POST', path: '/auth/logout', consumerKey });
    expect(answer).toMatchObject({ status: 200, body: null });
    expect((await ovhCall(sandbox, { path: '/me', consumerKey })).body).toMatchObject({
      errorCode: 'INVALID_CREDENTIAL',
    });
  });
});

describe('GET /auth/time', () => {
  it('is a bare integer of the server clock, unsigned', async () => {
    const response = await fetch(`${sandbox.endpoint}/auth/time`);
    const text = await response.text();
    expect(text).toMatch(/^\d+$/);
    expect(Math.abs(Number(text) - sandbox.clock.nowSeconds())).toBeLessThanOrEqual(1);
  });
});
