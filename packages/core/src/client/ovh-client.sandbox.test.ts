/** The client against the real local OVH API (@ovh-pca/sandbox), over HTTP on loopback. */
import { type SandboxHandle, startSandbox } from '@ovh-pca/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  InvalidCredentialError,
  InvalidKeyError,
  InvalidSignatureError,
  NotFoundError,
  NotGrantedError,
  UnknownCredentialError,
} from './errors.js';
import { OvhClient, type OvhClientOptions } from './ovh-client.js';
import { path } from './url-builder.js';

interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  fault?: string;
}

async function requestLog(sandbox: SandboxHandle): Promise<LoggedRequest[]> {
  const response = await fetch(`${sandbox.origin}/_sandbox/requests`);
  return (await response.json()) as LoggedRequest[];
}

async function clearLog(sandbox: SandboxHandle): Promise<void> {
  await fetch(`${sandbox.origin}/_sandbox/requests`, { method: 'DELETE' });
}

function clientFor(sandbox: SandboxHandle, options: Partial<OvhClientOptions> = {}): OvhClient {
  return new OvhClient({
    endpoint: sandbox.endpoint,
    applicationKey: sandbox.applicationKey,
    applicationSecret: sandbox.applicationSecret,
    consumerKey: sandbox.consumerKey,
    retryBaseDelayMs: 5,
    ...options,
  });
}

/** The first PCA service of the first passport that has one. */
async function firstPca(client: OvhClient): Promise<string> {
  for (const passport of await client.get<string[]>('/cloud')) {
    const [pca] = await client.get<string[]>(path`/cloud/${passport}/pca`);
    if (pca) return path`/cloud/${passport}/pca/${pca}`;
  }
  throw new Error('The sandbox has no PCA service');
}

describe('OvhClient against the sandbox', () => {
  let sandbox: SandboxHandle;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 7, sessions: 120, files: 2, taskDurationSeconds: 86_400 });
  });
  afterAll(() => sandbox.close());

  it('makes a signed GET /me', async () => {
    const me = await clientFor(sandbox).get<{ nichandle: string }>('/me');
    expect(me.nichandle).toBe(sandbox.account.nichandle);
  });

  it('makes an unsigned GET /auth/time (a bare integer)', async () => {
    const time = await clientFor(sandbox, { consumerKey: undefined }).get<number>('/auth/time', {
      signed: false,
    });
    expect(Number.isInteger(time)).toBe(true);
    expect(Math.abs(time - sandbox.clock.nowSeconds())).toBeLessThanOrEqual(1);
  });

  it('requests a consumer key with an unsigned POST /auth/credential, which is pending until validated', async () => {
    const anonymous = clientFor(sandbox, { consumerKey: undefined });
    const credential = await anonymous.post<{ validationUrl: string; consumerKey: string; state: string }>(
      '/auth/credential',
      { accessRules: [{ method: 'GET', path: '/me' }], redirection: 'https://example.com/done' },
      { signed: false },
    );
    expect(credential.state).toBe('pendingValidation');
    expect(credential.validationUrl).toContain(sandbox.origin);
    anonymous.setConsumerKey(credential.consumerKey);
    await expect(anonymous.get('/me')).rejects.toThrow(InvalidCredentialError);
  });

  it('turns a 404 into NotFoundError carrying the query id', async () => {
    const error = (await clientFor(sandbox)
      .get(path`/cloud/${'no-such-passport'}/pca`)
      .catch((caught: unknown) => caught)) as NotFoundError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.status).toBe(404);
    expect(error.queryId).toMatch(/^EU\.ext-\d/);
    expect(error.message).toContain(`GET /cloud/no-such-passport/pca, query id ${error.queryId}`);
  });

  it('reports a wrong secret as InvalidSignatureError, after one re-sync and retry', async () => {
    await clearLog(sandbox);
    const error = await clientFor(sandbox, { applicationSecret: 'not-the-secret' })
      .get('/me')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidSignatureError);
    expect(JSON.stringify(error)).not.toContain(sandbox.consumerKey);
    const log = await requestLog(sandbox);
    expect(log.filter((entry) => entry.path === '/1.0/me').map((entry) => entry.status)).toEqual([400, 400]);
  });

  it('maps unknown keys and calls outside the rules', async () => {
    await expect(clientFor(sandbox, { applicationKey: 'unknown-app' }).get('/me')).rejects.toThrow(
      InvalidKeyError,
    );
    await expect(clientFor(sandbox, { consumerKey: 'unknown-consumer-key' }).get('/me')).rejects.toThrow(
      UnknownCredentialError,
    );
    const { consumerKey } = sandbox.createCredential({ rules: [{ method: 'GET', path: '/me' }] });
    const limited = clientFor(sandbox, { consumerKey });
    await expect(limited.get('/me')).resolves.toMatchObject({ nichandle: sandbox.account.nichandle });
    await expect(limited.get('/cloud')).rejects.toThrow(NotGrantedError);
  });

  it('heals a server clock that jumps by an hour between calls (QUERY_TIME_OUT → re-sync → retry)', async () => {
    const client = clientFor(sandbox);
    await client.get('/me');
    const before = await client.getTimeOffset();
    await clearLog(sandbox);
    sandbox.clock.skewSeconds += 3600;
    try {
      await expect(client.get<{ nichandle: string }>('/me')).resolves.toMatchObject({
        nichandle: sandbox.account.nichandle,
      });
      expect((await client.getTimeOffset()) - before).toBeGreaterThanOrEqual(3599);
      const log = await requestLog(sandbox);
      expect(log.map((entry) => `${entry.path} ${entry.status}`)).toEqual([
        '/1.0/me 400',
        '/1.0/auth/time 200',
        '/1.0/me 200',
      ]);
    } finally {
      sandbox.clock.skewSeconds -= 3600;
    }
  });

  it('reads many objects with X-Ovh-Batch in chunks of 50, the same as one GET each', async () => {
    const client = clientFor(sandbox);
    const pca = await firstPca(client);
    const ids = await client.get<string[]>(`${pca}/sessions`);
    expect(ids.length).toBeGreaterThan(100);

    await clearLog(sandbox);
    const batched = await client.getMany<{ id: string }>(`${pca}/sessions`, ids);
    const batchLog = (await requestLog(sandbox)).filter((entry) =>
      entry.path.startsWith(`/1.0${pca}/sessions/`),
    );
    expect(batchLog).toHaveLength(Math.ceil(ids.length / 50));
    expect(batchLog.every((entry) => entry.path.includes(','))).toBe(true);

    await clearLog(sandbox);
    const single = await client.getMany<{ id: string }>(`${pca}/sessions`, ids, { batch: 'off' });
    const singleLog = (await requestLog(sandbox)).filter((entry) =>
      entry.path.startsWith(`/1.0${pca}/sessions/`),
    );
    expect(singleLog).toHaveLength(ids.length);

    expect(batched.map((item) => item.value?.id)).toEqual(ids);
    expect(batched).toEqual(single);
  });

  it('lists every object with Iceberg pages, the same as ids + getMany', async () => {
    const client = clientFor(sandbox);
    const pca = await firstPca(client);
    await clearLog(sandbox);
    const pages = await client.listAll<{ id: string }>(`${pca}/sessions`, { pageSize: 50 });
    const log = (await requestLog(sandbox)).filter((entry) => entry.path === `/1.0${pca}/sessions`);
    expect(log).toHaveLength(Math.ceil(pages.length / 50));

    const fallback = await clientFor(sandbox, { batch: 'off' }).listAll<{ id: string }>(`${pca}/sessions`);
    expect(pages).toEqual(fallback);
  });

  it('falls back transparently when the server has neither batch nor Iceberg', async () => {
    const client = clientFor(sandbox);
    const pca = await firstPca(client);
    const expected = await client.listAll<{ id: string }>(`${pca}/sessions`);
    sandbox.setBehaviour({ batch: false, iceberg: false });
    try {
      const plain = clientFor(sandbox);
      await clearLog(sandbox);
      expect(await plain.listAll(`${pca}/sessions`)).toEqual(expected);
      const log = await requestLog(sandbox);
      // One list, one refused batch probe, then one GET per session.
      expect(log.filter((entry) => entry.path.includes(',')).map((entry) => entry.status)).toEqual([404]);
      expect(log.filter((entry) => entry.path.startsWith(`/1.0${pca}/sessions/`))).toHaveLength(
        expected.length + 1,
      );
    } finally {
      sandbox.setBehaviour({ batch: true, iceberg: true });
    }
  });
});
