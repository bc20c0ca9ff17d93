import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHandle, startSandbox } from '../../index.js';
import { ovhCall } from '../../testing/ovh-call.js';

let sandbox: SandboxHandle;
let project: string;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 5, objects: 6, taskDurationSeconds: 5 });
  project = sandbox.openstack.projectId;
});
afterAll(() => sandbox.close());

interface Container {
  id: string;
  name: string;
  region: string;
  archive: boolean;
  storedObjects: number;
  storedBytes: number;
}

describe('/cloud/project', () => {
  it('lists the two projects of the account, and answers a project as OVH does', async () => {
    const list = await ovhCall<string[]>(sandbox, { path: '/cloud/project' });
    expect(list.body).toHaveLength(2);
    expect(list.body).toContain(project);
    const detail = await ovhCall<Record<string, unknown>>(sandbox, { path: `/cloud/project/${project}` });
    expect(detail.body).toMatchObject({
      project_id: project,
      status: 'ok',
      projectName: sandbox.openstack.projectName,
    });
    const other = sandbox.createAccount();
    expect(other.nichandle).not.toBe(sandbox.account.nichandle);
    const missing = await ovhCall<{ class: string; message: string }>(sandbox, {
      path: '/cloud/project/0123',
    });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({
      class: 'Client::NotFound',
      message: 'The requested object (serviceName = 0123) does not exist',
    });
  });

  it('gives each storage region the sandbox’s own Swift URL as its storage endpoint', async () => {
    const regions = await ovhCall<string[]>(sandbox, { path: `/cloud/project/${project}/region` });
    expect(regions.body).toEqual(expect.arrayContaining(['BHS', 'GRA']));
    const gra = await ovhCall<{ services: { name: string; endpoint: string; status: string }[] }>(sandbox, {
      path: `/cloud/project/${project}/region/GRA`,
    });
    expect(gra.body.services).toEqual([
      { name: 'storage', status: 'UP', endpoint: `${sandbox.endpoints.swift.GRA}/v1/AUTH_${project}` },
    ]);
    expect(sandbox.endpoints.swift.GRA).not.toBe(sandbox.endpoints.swift.BHS);
    expect((await ovhCall(sandbox, { path: `/cloud/project/${project}/region/XYZ` })).status).toBe(404);
  });

  it('answers order availability for PCA, and refuses a missing or unknown subsidiary', async () => {
    const plans = await ovhCall<{ plans: { code: string; regions: string[] }[] }>(sandbox, {
      path: '/cloud/order/rule/availability?ovhSubsidiary=FR&planCode=archive.consumption',
    });
    expect(plans.body.plans).toEqual([{ code: 'archive.consumption', regions: ['GRA', 'BHS'] }]);
    const missing = await ovhCall<{ message: string }>(sandbox, { path: '/cloud/order/rule/availability' });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toBe('Missing parameter(s): ovhSubsidiary');
    expect((await ovhCall(sandbox, { path: '/cloud/order/rule/availability?ovhSubsidiary=XX' })).status).toBe(
      400,
    );
  });
});

describe('schema document', () => {
  it('lists the new routes in cloud.json', async () => {
    const document = (await (await fetch(`${sandbox.endpoint}/cloud.json`)).json()) as {
      apis: { path: string; operations: { httpMethod: string }[] }[];
    };
    const container = document.apis.find(
      (api) => api.path === '/cloud/project/{serviceName}/storage/{containerId}',
    );
    expect(container?.operations.map((operation) => operation.httpMethod).sort()).toEqual([
      'DELETE',
      'GET',
      'PUT',
    ]);
    expect(document.apis.map((api) => api.path)).toEqual(
      expect.arrayContaining([
        '/cloud/project/{serviceName}/storage/access',
        '/cloud/order/rule/availability',
      ]),
    );
  });
});

describe('/cloud/project/{sn}/user', () => {
  it('creates a user with a role, shows the password once, goes creating → ok, and gives an openrc', async () => {
    const created = await ovhCall<{
      id: number;
      username: string;
      password: string;
      status: string;
      roles: { name: string }[];
    }>(sandbox, {
      method: 'POST',
      path: `/cloud/project/${project}/user`,
      body: { description: 'rclone', role: 'objectstore_operator' },
    });
    expect(created.status).toBe(200);
    expect(created.body.status).toBe('creating');
    expect(created.body.password).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(created.body.roles.map((role) => role.name)).toEqual(['objectstore_operator']);
    const read = await ovhCall<Record<string, unknown>>(sandbox, {
      path: `/cloud/project/${project}/user/${created.body.id}`,
    });
    expect(read.body).not.toHaveProperty('password');
    sandbox.clock.skewSeconds += 5;
    const later = await ovhCall<{ status: string }>(sandbox, {
      path: `/cloud/project/${project}/user/${created.body.id}`,
    });
    sandbox.clock.skewSeconds -= 5;
    expect(later.body.status).toBe('ok');
    const rc = await ovhCall<{ content: string }>(sandbox, {
      path: `/cloud/project/${project}/user/${created.body.id}/openrc?region=GRA&version=v3`,
    });
    expect(rc.body.content).toContain(`export OS_AUTH_URL=${sandbox.openstack.authUrl}`);
    expect(rc.body.content).toContain(`export OS_USERNAME="${created.body.username}"`);
    expect(rc.body.content).not.toContain(created.body.password);
    const badRole = await ovhCall<{ message: string }>(sandbox, {
      method: 'POST',
      path: `/cloud/project/${project}/user`,
      body: { role: 'superuser' },
    });
    expect(badRole.status).toBe(400);
    expect(badRole.body.message).toContain('cloud.user.RoleEnum');
  });
});

describe('/cloud/project/{sn}/storage', () => {
  it('lists the seeded containers with archive flags and usage, and creates an archive container', async () => {
    const list = await ovhCall<Container[]>(sandbox, { path: `/cloud/project/${project}/storage` });
    const byName = Object.fromEntries(list.body.map((container) => [container.name, container]));
    expect(byName['archives-gra']).toMatchObject({ region: 'GRA', archive: true, storedObjects: 6 });
    expect(byName['archives-bhs']).toMatchObject({ region: 'BHS', archive: true });
    expect(byName['standard-gra']).toMatchObject({ region: 'GRA', archive: false });
    expect(byName['archives-gra']!.storedBytes).toBeGreaterThan(1024 ** 3);

    const created = await ovhCall<Container>(sandbox, {
      method: 'POST',
      path: `/cloud/project/${project}/storage`,
      body: { archive: true, containerName: 'nouvelles archives', region: 'BHS' },
    });
    expect(created.body).toMatchObject({
      name: 'nouvelles archives',
      region: 'BHS',
      archive: true,
      storedObjects: 0,
    });
    const again = await ovhCall<{ class: string }>(sandbox, {
      method: 'POST',
      path: `/cloud/project/${project}/storage`,
      body: { archive: true, containerName: 'nouvelles archives', region: 'BHS' },
    });
    expect(again.status).toBe(409);
    const sbg = await ovhCall<{ message: string }>(sandbox, {
      method: 'POST',
      path: `/cloud/project/${project}/storage`,
      body: { archive: true, containerName: 'x', region: 'SBG' },
    });
    expect(sbg.status).toBe(400);
    expect(sbg.body.message).toBe('Cloud Archive is not available in region SBG');
    const missing = await ovhCall<{ message: string }>(sandbox, {
      method: 'POST',
      path: `/cloud/project/${project}/storage`,
      body: { containerName: 'x' },
    });
    expect(missing.body.message).toBe('Missing parameter(s): archive, region');
  });

  it('shows each object’s retrieval state, filters by prefix, and deletes only with recursive', async () => {
    const list = await ovhCall<Container[]>(sandbox, { path: `/cloud/project/${project}/storage` });
    const archive = list.body.find((container) => container.name === 'archives-bhs')!;
    const detail = await ovhCall<{
      objects: { name: string; retrievalState: string; retrievalDelay: number }[];
    }>(sandbox, { path: `/cloud/project/${project}/storage/${archive.id}` });
    const states = detail.body.objects.map((object) => object.retrievalState);
    expect(states.filter((state) => state === 'sealed').length).toBeGreaterThan(states.length / 2);
    expect(
      detail.body.objects.find((object) => object.retrievalState === 'unsealing')?.retrievalDelay,
    ).toBeGreaterThan(0);
    expect(states).toContain('unsealed');
    const photos = await ovhCall<{ objects: { name: string }[] }>(sandbox, {
      path: `/cloud/project/${project}/storage/${archive.id}?prefix=${encodeURIComponent('photos/')}`,
    });
    expect(photos.body.objects.map((object) => object.name)).toEqual(['photos/2026/été/plage-été.jpg']);
    const bare = await ovhCall<{ objects: unknown[] }>(sandbox, {
      path: `/cloud/project/${project}/storage/${archive.id}?noObjects=true`,
    });
    expect(bare.body.objects).toEqual([]);

    const refused = await ovhCall<{ class: string }>(sandbox, {
      method: 'DELETE',
      path: `/cloud/project/${project}/storage/${archive.id}`,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.class).toBe('Client::Conflict');
    const deleted = await ovhCall(sandbox, {
      method: 'DELETE',
      path: `/cloud/project/${project}/storage/${archive.id}?recursive=true`,
    });
    expect(deleted.status).toBe(200);
    expect((await ovhCall(sandbox, { path: `/cloud/project/${project}/storage/${archive.id}` })).status).toBe(
      404,
    );
  });

  it('gives Swift access (token and endpoints) and temp URLs that Swift honours', async () => {
    const access = await ovhCall<{ token: string; endpoints: { region: string; url: string }[] }>(sandbox, {
      method: 'POST',
      path: `/cloud/project/${project}/storage/access`,
    });
    expect(access.body.endpoints).toContainEqual({
      region: 'GRA',
      url: `${sandbox.endpoints.swift.GRA}/v1/AUTH_${project}`,
    });
    const gra = access.body.endpoints.find((endpoint) => endpoint.region === 'GRA')!;
    const head = await fetch(`${gra.url}/standard-gra`, {
      method: 'HEAD',
      headers: { 'X-Auth-Token': access.body.token },
    });
    expect(head.status).toBe(204);
    expect(head.headers.get('x-storage-policy')).toBe('PCS');

    const list = await ovhCall<Container[]>(sandbox, { path: `/cloud/project/${project}/storage` });
    const standard = list.body.find((container) => container.name === 'standard-gra')!;
    const url = await ovhCall<{ getURL: string; expirationDate: string }>(sandbox, {
      method: 'POST',
      path: `/cloud/project/${project}/storage/${standard.id}/publicUrl`,
      body: {
        expirationDate: new Date(sandbox.clock.nowMs() + 3600_000).toISOString(),
        objectName: 'README.txt',
      },
    });
    expect(url.status).toBe(200);
    const download = await fetch(url.body.getURL);
    expect(download.status).toBe(200);
    expect((await download.arrayBuffer()).byteLength).toBe(12);
    const tampered = await fetch(
      url.body.getURL.replace(
        /temp_url_sig=(.)/,
        (_, first: string) => `temp_url_sig=${first === '0' ? '1' : '0'}`,
      ),
    );
    expect(tampered.status).toBe(401);
  });
});
