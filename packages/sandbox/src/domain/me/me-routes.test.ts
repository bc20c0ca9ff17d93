import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHandle, startSandbox } from '../../index.js';
import { ovhCall } from '../../testing/ovh-call.js';

let sandbox: SandboxHandle;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 5 });
});
afterAll(() => sandbox.close());

describe('/me', () => {
  it('describes the calling account', async () => {
    const me = await ovhCall(sandbox, { path: '/me' });
    expect(me.body).toMatchObject({
      nichandle: sandbox.account.nichandle,
      email: expect.stringContaining('@'),
      country: 'FR',
      currency: { code: 'EUR' },
    });
  });

  it("lists, reads and revokes the caller's keys only", async () => {
    const other = sandbox.createAccount();
    const foreign = sandbox.createCredential({ nichandle: other.nichandle });
    const mine = sandbox.createCredential({ rules: [{ method: 'GET', path: '/me' }] });
    const refused = sandbox.createCredential({ status: 'refused' });

    const ids = (await ovhCall<number[]>(sandbox, { path: '/me/api/credential' })).body;
    expect(ids).toContain(mine.credentialId);
    expect(ids).toContain(refused.credentialId);
    expect(ids).not.toContain(foreign.credentialId);

    const filtered = await ovhCall<number[]>(sandbox, { path: '/me/api/credential?status=refused' });
    expect(filtered.body).toEqual([refused.credentialId]);
    const badStatus = await ovhCall(sandbox, { path: '/me/api/credential?status=bogus' });
    expect(badStatus).toMatchObject({ status: 400, body: { class: 'Client::BadRequest' } });

    const detail = await ovhCall(sandbox, { path: `/me/api/credential/${mine.credentialId}` });
    expect(detail.body).toMatchObject({
      credentialId: mine.credentialId,
      status: 'validated',
      rules: [{ method: 'GET', path: '/me' }],
      ovhSupport: false,
    });
    expect(JSON.stringify(detail.body)).not.toContain(mine.consumerKey);
    expect((await ovhCall(sandbox, { path: `/me/api/credential/${foreign.credentialId}` })).status).toBe(404);

    const removed = await ovhCall(sandbox, {
      method: 'DELETE',
      path: `/me/api/credential/${mine.credentialId}`,
    });
    expect(removed).toMatchObject({ status: 200, body: null });
    expect((await ovhCall(sandbox, { path: '/me', consumerKey: mine.consumerKey })).body).toMatchObject({
      errorCode: 'NOT_CREDENTIAL',
    });
  });

  it('filters keys by application', async () => {
    const app = sandbox.createApplication({ name: 'second' });
    const key = sandbox.createCredential({ applicationKey: app.applicationKey });
    const ids = await ovhCall<number[]>(sandbox, {
      path: `/me/api/credential?applicationId=${app.applicationId}`,
    });
    expect(ids.body).toEqual([key.credentialId]);
  });

  it('lists and reads applications, without their secret; deleting one revokes its keys', async () => {
    const app = sandbox.createApplication({ name: 'doomed' });
    const key = sandbox.createCredential({ applicationKey: app.applicationKey });
    const ids = await ovhCall<number[]>(sandbox, { path: '/me/api/application' });
    expect(ids.body).toContain(app.applicationId);
    const detail = await ovhCall(sandbox, { path: `/me/api/application/${app.applicationId}` });
    expect(detail.body).toEqual({
      applicationId: app.applicationId,
      applicationKey: app.applicationKey,
      name: 'doomed',
      description: expect.any(String),
      status: 'active',
    });
    const removed = await ovhCall(sandbox, {
      method: 'DELETE',
      path: `/me/api/application/${app.applicationId}`,
    });
    expect(removed.status).toBe(200);
    expect((await ovhCall(sandbox, { path: `/me/api/application/${app.applicationId}` })).status).toBe(404);
    const call = await ovhCall(sandbox, {
      path: '/me',
      applicationKey: app.applicationKey,
      applicationSecret: app.applicationSecret,
      consumerKey: key.consumerKey,
    });
    expect(call.body).toMatchObject({ errorCode: 'INVALID_KEY' });
  });

  it('a non-integer id is a bad request', async () => {
    expect((await ovhCall(sandbox, { path: '/me/api/application/abc' })).status).toBe(400);
  });
});
