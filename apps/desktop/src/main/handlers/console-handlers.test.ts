import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSchema, ConsoleAnswer } from '../../shared/ipc-types.js';
import { type DesktopTestKit, startDesktopTestKit, TRUSTED_SENDER } from '../testing/desktop-test-kit.js';
import { logIn } from '../testing/log-in.js';

let kit: DesktopTestKit;
beforeAll(async () => {
  kit = await startDesktopTestKit();
  await logIn(kit, 'work', 'account-full');
});
afterAll(async () => {
  await kit.close();
});

describe('API console handlers', () => {
  it('lists the APIs and reads their schema documents for completion', async () => {
    const { apis } = (await kit.call('console:listApis', {})) as { apis: string[] };
    expect(apis).toEqual(expect.arrayContaining(['/auth', '/cloud', '/me']));
    const schema = (await kit.call('console:getSchema', { api: '/cloud' })) as ApiSchema;
    const sessions = schema.routes.find(
      (route) => route.path === '/cloud/{serviceName}/pca/{pcaServiceName}/sessions',
    );
    expect(sessions?.operations.map((op) => op.method)).toContain('GET');
    expect(sessions?.operations[0]?.parameters.some((param) => param.in === 'path')).toBe(true);
  });

  it('sends a GET and answers status, query id, duration and the JSON body', async () => {
    const answer = (await kit.call('console:call', {
      method: 'GET',
      path: '/me',
      query: {},
      body: null,
      confirmed: false,
    })) as ConsoleAnswer;
    expect(answer).toMatchObject({
      status: 200,
      ok: true,
      body: { nichandle: kit.sandbox.account.nichandle },
    });
    expect(answer.queryId).toMatch(/\S+/);
    expect(answer.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('passes query parameters through', async () => {
    const [passport] = (await kit
      .call('console:call', {
        method: 'GET',
        path: '/cloud',
        query: {},
        body: null,
        confirmed: false,
      })
      .then((answer) => (answer as ConsoleAnswer).body)) as string[];
    const [pca] = (
      (await kit.call('console:call', {
        method: 'GET',
        path: `/cloud/${passport}/pca`,
        query: {},
        body: null,
        confirmed: false,
      })) as ConsoleAnswer
    ).body as string[];
    const all = (await kit.call('console:call', {
      method: 'GET',
      path: `/cloud/${passport}/pca/${pca}/tasks`,
      query: {},
      body: null,
      confirmed: false,
    })) as ConsoleAnswer;
    const filtered = (await kit.call('console:call', {
      method: 'GET',
      path: `/cloud/${passport}/pca/${pca}/tasks`,
      query: { function: 'setSshKey' },
      body: null,
      confirmed: false,
    })) as ConsoleAnswer;
    expect((filtered.body as string[]).length).toBeLessThanOrEqual((all.body as string[]).length);
    expect(filtered.status).toBe(200);
  });

  it('returns an API error as an answer with its status and OVH body', async () => {
    const answer = (await kit.call('console:call', {
      method: 'GET',
      path: '/cloud/nope/pca',
      query: {},
      body: null,
      confirmed: false,
    })) as ConsoleAnswer;
    expect(answer.ok).toBe(false);
    expect(answer.status).toBe(404);
    expect(answer.queryId).toMatch(/\S+/);
    expect(answer.body).toMatchObject({ message: expect.any(String) });
  });

  it('refuses a destructive call that was not confirmed, and bad JSON', async () => {
    const unconfirmed = await kit.dispatch('console:call', TRUSTED_SENDER, {
      method: 'DELETE',
      path: '/me/api/credential/1',
      query: {},
      body: null,
      confirmed: false,
    });
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'confirmationRequired' } });
    const badJson = await kit.dispatch('console:call', TRUSTED_SENDER, {
      method: 'POST',
      path: '/auth/logout',
      query: {},
      body: '{not json',
      confirmed: true,
    });
    expect(badJson).toMatchObject({ ok: false, error: { code: 'badArguments', field: 'body' } });
  });

  it('never hands the window a consumer key, not even a new one the console asked for', async () => {
    const answer = (await kit.call('console:call', {
      method: 'POST',
      path: '/auth/credential',
      query: {},
      body: JSON.stringify({ accessRules: [{ method: 'GET', path: '/me' }] }),
      confirmed: true,
    })) as ConsoleAnswer;
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ consumerKey: '***', validationUrl: expect.any(String) });
  });

  it('refuses paths that would leave the API', async () => {
    for (const path of ['//evil.example/x', '/me/../../etc', 'me', '/me?x=1']) {
      const result = await kit.dispatch('console:call', TRUSTED_SENDER, {
        method: 'GET',
        path,
        query: {},
        body: null,
        confirmed: false,
      });
      expect(result, path).toMatchObject({ ok: false, error: { code: 'badArguments' } });
    }
  });
});
