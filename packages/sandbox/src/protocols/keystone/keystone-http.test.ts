import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHandle, startSandbox } from '../../index.js';
import { openSwiftSession, passwordAuthBody } from '../../testing/openstack-auth.js';

let sandbox: SandboxHandle;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 8, objects: 3 });
});
afterAll(() => sandbox.close());

const authenticate = (body: string) =>
  fetch(`${sandbox.openstack.authUrl}/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body,
  });

interface TokenBody {
  token: {
    expires_at: string;
    project: { id: string; name: string };
    catalog: {
      type: string;
      endpoints: { region: string; region_id: string; interface: string; url: string }[];
    }[];
  };
}

describe('Keystone v3', () => {
  it('authenticates by user and project names with domains: 201, X-Subject-Token, an object-store entry per region', async () => {
    const { openstack } = sandbox;
    const response = await authenticate(
      passwordAuthBody(
        { name: openstack.username, domain: { name: 'Default' }, password: openstack.password },
        { name: openstack.projectName, domain: { name: 'Default' } },
      ),
    );
    expect(response.status).toBe(201);
    expect(response.headers.get('x-subject-token')).toMatch(/^gAAAAA/);
    const body = (await response.json()) as TokenBody;
    expect(body.token.project).toMatchObject({ id: openstack.projectId, name: openstack.projectName });
    const store = body.token.catalog.find((entry) => entry.type === 'object-store')!;
    const publicGra = store.endpoints.find(
      (endpoint) => endpoint.interface === 'public' && endpoint.region === 'GRA',
    );
    expect(publicGra).toEqual(
      expect.objectContaining({
        region_id: 'GRA',
        url: `${sandbox.endpoints.swift.GRA}/v1/AUTH_${openstack.projectId}`,
      }),
    );
    expect(store.endpoints.some((endpoint) => endpoint.region === 'BHS')).toBe(true);
    expect(Date.parse(body.token.expires_at) - sandbox.clock.nowMs()).toBeGreaterThan(23 * 3600_000);
  });

  it('authenticates by user id and project id too', async () => {
    const project = sandbox.state.publicCloud.projects[sandbox.openstack.projectId]!;
    const user = Object.values(project.users)[0]!;
    const response = await authenticate(
      passwordAuthBody({ id: user.openstackId, password: user.password }, { id: project.serviceName }),
    );
    expect(response.status).toBe(201);
  });

  it('refuses a wrong password, an unknown domain or another project with 401 and Keystone’s error body', async () => {
    const { openstack } = sandbox;
    const other = Object.keys(sandbox.state.publicCloud.projects).find((id) => id !== openstack.projectId)!;
    for (const body of [
      passwordAuthBody(
        { name: openstack.username, domain: { name: 'Default' }, password: 'nope' },
        { id: openstack.projectId },
      ),
      passwordAuthBody(
        { name: openstack.username, domain: { name: 'Other' }, password: openstack.password },
        { id: openstack.projectId },
      ),
      passwordAuthBody(
        { name: openstack.username, domain: { name: 'Default' }, password: openstack.password },
        { id: other },
      ),
    ]) {
      const response = await authenticate(body);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: {
          code: 401,
          message: 'The request you have made requires authentication.',
          title: 'Unauthorized',
        },
      });
    }
    const broken = await authenticate('{"auth":');
    expect(broken.status).toBe(400);
  });

  it('tokens expire after 24 h on the sandbox clock and Swift refuses them then', async () => {
    const session = await openSwiftSession(sandbox);
    expect((await session.swift('', { method: 'HEAD' })).status).toBe(204);
    sandbox.clock.skewSeconds += 24 * 3600 + 1;
    try {
      expect((await session.swift('', { method: 'HEAD' })).status).toBe(401);
    } finally {
      sandbox.clock.skewSeconds -= 24 * 3600 + 1;
    }
  });

  it('validates a token with GET /v3/auth/tokens', async () => {
    const session = await openSwiftSession(sandbox);
    const check = (subject: string) =>
      fetch(`${sandbox.openstack.authUrl}/auth/tokens`, {
        headers: { 'X-Auth-Token': session.token, 'X-Subject-Token': subject },
      });
    const valid = await check(session.token);
    expect(valid.status).toBe(200);
    expect(((await valid.json()) as TokenBody).token.project.id).toBe(sandbox.openstack.projectId);
    expect((await check('gAAAAAunknown')).status).toBe(404);
  });

  it('logs Keystone and Swift requests with their protocol', async () => {
    sandbox.clearRequests();
    const session = await openSwiftSession(sandbox);
    await session.swift('?format=json');
    const protocols = sandbox
      .requests()
      .map((entry) => [entry.protocol, entry.method, entry.path.split('?')[0]]);
    expect(protocols).toEqual([
      ['keystone', 'POST', '/v3/auth/tokens'],
      ['swift', 'GET', `/v1/AUTH_${sandbox.openstack.projectId}`],
    ]);
    expect(sandbox.requests()[1]).toMatchObject({ status: 200, region: 'GRA' });
    expect(sandbox.requests()[1]!.queryId).toMatch(/^tx[0-9a-f]{21}-[0-9a-f]{10}$/);
    const admin = (await (await fetch(`${sandbox.origin}/_sandbox/requests`)).json()) as {
      protocol: string;
    }[];
    expect(admin.map((entry) => entry.protocol)).toEqual(['keystone', 'swift']);
  });
});
