/**
 * THE acceptance test: the sandbox accepts what OVH's official Node SDK signs, and refuses with
 * OVH's codes when the secret, the key or the consumer key is wrong.
 * node-ovh only speaks https and signs `https://HOST` + path (no port), so its transport cannot
 * reach a plain-http loopback server; its own `signRequest` is driven here over the URL we send.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHandle, startSandbox } from './index.js';

interface NodeOvhClient {
  signRequest(method: string, url: string, body: string | null, timestamp: number): string;
}
const createOvhClient = createRequire(import.meta.url)('@ovhcloud/node-ovh') as (params: {
  appKey: string;
  appSecret: string;
  consumerKey?: string;
}) => NodeOvhClient;

let sandbox: SandboxHandle;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 7 });
});
afterAll(() => sandbox.close());

async function sdkCall(
  method: string,
  path: string,
  keys: { appKey: string; appSecret: string; consumerKey: string },
  body?: unknown,
) {
  const client = createOvhClient(keys);
  const url = `${sandbox.endpoint}${path}`;
  const text = body === undefined ? null : JSON.stringify(body);
  const timestamp = (await (await fetch(`${sandbox.endpoint}/auth/time`)).json()) as number;
  const response = await fetch(url, {
    method,
    headers: {
      'Content-Type': 'application/json',
      'X-Ovh-Application': keys.appKey,
      'X-Ovh-Consumer': keys.consumerKey,
      'X-Ovh-Timestamp': String(timestamp),
      'X-Ovh-Signature': client.signRequest(method, url, text, timestamp),
    },
    body: text ?? undefined,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & unknown[] };
}

const demoKeys = () => ({
  appKey: sandbox.applicationKey,
  appSecret: sandbox.applicationSecret,
  consumerKey: sandbox.consumerKey,
});

describe('requests signed by @ovhcloud/node-ovh', () => {
  it('are accepted for GET', async () => {
    const answer = await sdkCall('GET', '/me', demoKeys());
    expect(answer.status).toBe(200);
    expect(answer.body.nichandle).toBe(sandbox.account.nichandle);
  });

  it('are accepted with a query string and with a JSON body', async () => {
    const listed = await sdkCall('GET', '/me/api/credential?status=validated', demoKeys());
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual(expect.arrayContaining([expect.any(Number)]));

    const keys = { ...demoKeys(), consumerKey: sandbox.createCredential().consumerKey };
    const logout = await sdkCall('POST', '/auth/logout', keys, { reason: 'signed body, née ünïcode' });
    expect(logout.status).toBe(200);
    expect(logout.body).toBeNull();
    // The key really was ended by the signed POST.
    expect((await sdkCall('GET', '/me', keys)).body.errorCode).toBe('INVALID_CREDENTIAL');
  });

  it('are refused with INVALID_SIGNATURE when the secret is wrong', async () => {
    const other = sandbox.createCredential();
    const answer = await sdkCall('GET', '/me', {
      ...demoKeys(),
      consumerKey: other.consumerKey,
      appSecret: 'x'.repeat(32),
    });
    expect(answer).toMatchObject({
      status: 400,
      body: { errorCode: 'INVALID_SIGNATURE', message: 'Invalid signature' },
    });
  });

  it('are refused with INVALID_KEY when the application key is unknown', async () => {
    const answer = await sdkCall('GET', '/me', { ...demoKeys(), appKey: 'unknownAppKey123' });
    expect(answer).toMatchObject({
      status: 403,
      body: { errorCode: 'INVALID_KEY', message: 'This application key is invalid' },
    });
  });

  it('are refused with NOT_CREDENTIAL when the consumer key is unknown', async () => {
    const answer = await sdkCall('GET', '/me', { ...demoKeys(), consumerKey: 'y'.repeat(32) });
    expect(answer).toMatchObject({
      status: 403,
      body: { errorCode: 'NOT_CREDENTIAL', message: 'This credential does not exist' },
    });
  });

  it('are refused with INVALID_CREDENTIAL while the consumer key is pending', async () => {
    const pending = sandbox.createCredential({ status: 'pendingValidation' });
    const answer = await sdkCall('GET', '/me', { ...demoKeys(), consumerKey: pending.consumerKey });
    expect(answer).toMatchObject({
      status: 403,
      body: { errorCode: 'INVALID_CREDENTIAL', message: 'This credential is not valid' },
    });
  });

  it('drive the Public Cloud project and Cloud Archive routes', async () => {
    const projects = await sdkCall('GET', '/cloud/project', demoKeys());
    expect(projects.status).toBe(200);
    const project = projects.body[0] as string;
    const region = await sdkCall('GET', `/cloud/project/${project}/region/GRA`, demoKeys());
    expect(region.body.services).toEqual([expect.objectContaining({ name: 'storage', status: 'UP' })]);
    const created = await sdkCall('POST', `/cloud/project/${project}/storage`, demoKeys(), {
      archive: true,
      containerName: 'signé par node-ovh',
      region: 'GRA',
    });
    expect(created).toMatchObject({ status: 200, body: { archive: true, name: 'signé par node-ovh' } });
    const id = encodeURIComponent(String(created.body.id));
    const detail = await sdkCall('GET', `/cloud/project/${project}/storage/${id}?noObjects=true`, demoKeys());
    expect(detail.body).toMatchObject({ archive: true, storedObjects: 0, objects: [] });
    const user = await sdkCall('POST', `/cloud/project/${project}/user`, demoKeys(), {
      role: 'objectstore_operator',
    });
    expect(user.body).toMatchObject({ status: 'creating', password: expect.any(String) });
    const access = await sdkCall('POST', `/cloud/project/${project}/storage/access`, demoKeys());
    expect(access.body).toMatchObject({ token: expect.any(String), endpoints: expect.any(Array) });
    const deleted = await sdkCall('DELETE', `/cloud/project/${project}/storage/${id}`, demoKeys());
    expect(deleted.status).toBe(200);
  });
});

describe('Cold Archive v1 routes signed by @ovhcloud/node-ovh', () => {
  it('creates, archives (with a lock), reads and refuses a flush of a locked container', async () => {
    const base = `/cloud/project/${sandbox.openstack.projectId}/region/RBX-ARCHIVE/coldArchive`;
    const created = await sdkCall('POST', base, demoKeys(), { name: 'sdk-cold' });
    expect(created.status).toBe(200);
    expect(created.body.status).toBe('none');
    const listed = await sdkCall('GET', base, demoKeys());
    expect((listed.body as Array<{ name: string }>).map((container) => container.name)).toContain('sdk-cold');
    const locked = await sdkCall('GET', `${base}/cold-locked`, demoKeys());
    expect(locked.body).toMatchObject({ status: 'archived' });
    expect(typeof locked.body.lockedUntil).toBe('string');
    const flush = await sdkCall('POST', `${base}/cold-locked/destroy`, demoKeys());
    expect(flush.status).toBe(400);
    expect(flush.body.message).toMatch(/^Archive deletion is locked until /);
    const restore = await sdkCall('POST', `${base}/cold-locked/restore`, demoKeys());
    expect(restore.status).toBe(200);
    expect((await sdkCall('GET', `${base}/cold-locked`, demoKeys())).body.status).toBe('restoring');
    const presign = await sdkCall('POST', `${base}/cold-active/presign`, demoKeys(), {
      method: 'GET',
      object: 'README.txt',
    });
    expect(presign.status).toBe(200);
    expect((await fetch(presign.body.url as string)).status).toBe(200);
    expect((await sdkCall('DELETE', `${base}/sdk-cold`, demoKeys())).status).toBe(200);
  });
});
