/**
 * Cold Archive v1 through API v1 (`/region/{r}/coldArchive…`) with real OVH signatures, its bytes
 * through the real AWS SDK on the RBX-ARCHIVE S3 listener; time moves by the sandbox clock only.
 */
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHandle, startSandbox } from '../../index.js';
import { ovhCall } from '../../testing/ovh-call.js';
import { sdkS3Client } from '../../testing/sdk-s3-client.js';

const DELAY = 120;
const DAY = 86_400;
let sandbox: SandboxHandle;
let base: string;
let ownerId: number;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 12, objects: 3, restoreDelaySeconds: DELAY });
  base = `/cloud/project/${sandbox.openstack.projectId}/region/RBX-ARCHIVE/coldArchive`;
  const users = await ovhCall<Array<{ id: number; username: string }>>(sandbox, {
    path: `/cloud/project/${sandbox.openstack.projectId}/user`,
  });
  ownerId = users.body.find((user) => user.username === sandbox.openstack.username)!.id;
});
afterAll(() => sandbox.close());

interface Container {
  name: string;
  status: string;
  ownerId: number;
  objectsCount: number;
  objectsSize: number;
  lockedUntil: string | null;
  automaticDeletionAt: string | null;
  virtualHost: string;
  createdAt: string;
  objects: Array<{ key: string; size: number; storageClass: string }>;
}
interface OvhError {
  class: string;
  message: string;
}

const s3 = () => sdkS3Client(sandbox, 'RBX-ARCHIVE');

const call = <T>(method: string, path: string, body?: unknown) =>
  ovhCall<T>(sandbox, { method, path: `${base}${path}`, ...(body !== undefined && { body }) });
const get = async (name: string) => (await call<Container>('GET', `/${name}`)).body;
const advance = (seconds: number) => {
  sandbox.clock.skewSeconds += seconds;
};

async function createWithObjects(name: string, count: number): Promise<void> {
  const created = await call<Container>('POST', '', { name, ownerId });
  expect(created.status).toBe(200);
  for (let i = 0; i < count; i++) {
    await s3().send(new PutObjectCommand({ Bucket: name, Key: `file-${i}.txt`, Body: `bytes of ${i}` }));
  }
}

async function refused(method: string, path: string, body: unknown, message: RegExp) {
  const answer = await call<OvhError>(method, path, body);
  expect(answer.status).toBe(400);
  expect(answer.body.class).toBe('Client::BadRequest');
  expect(answer.body.message).toMatch(message);
}

describe('the seeded Cold Archive v1 buckets', () => {
  it('come in several states, sized by --objects, and the S3 side agrees', async () => {
    const list = (await call<Container[]>('GET', '')).body.filter((container) =>
      container.name.startsWith('cold-'),
    );
    const byName = Object.fromEntries(list.map((container) => [container.name, container]));
    expect(Object.keys(byName).sort()).toEqual([
      'cold-active',
      'cold-archiving',
      'cold-locked',
      'cold-restored',
    ]);
    for (const container of list) {
      expect(container.objectsCount).toBe(3);
      expect(container.ownerId).toBe(ownerId);
    }
    expect(byName['cold-active']!.status).toBe('none');
    expect(byName['cold-archiving']!.status).toBe('archiving');
    expect(byName['cold-locked']!.status).toBe('archived');
    expect(Date.parse(byName['cold-locked']!.lockedUntil!)).toBeGreaterThan(
      sandbox.clock.nowMs() + 4 * 365 * DAY * 1000,
    );
    expect(byName['cold-restored']!.status).toBe('restored');
    const expiry = Date.parse(byName['cold-restored']!.automaticDeletionAt!);
    expect(expiry).toBeGreaterThan(sandbox.clock.nowMs() + DAY * 1000);
    expect(expiry).toBeLessThan(sandbox.clock.nowMs() + 3 * DAY * 1000);
    const key = (await get('cold-restored')).objects[0]!.key;
    expect(
      (await s3().send(new GetObjectCommand({ Bucket: 'cold-restored', Key: key }))).ContentLength,
    ).toBeGreaterThan(0);
    await expect(s3().send(new GetObjectCommand({ Bucket: 'cold-locked', Key: key }))).rejects.toThrow(
      /access tier/,
    );
  });
});

describe('coldArchive containers', () => {
  it('creates a container in status none, lists it, and refuses a taken or bad name and another region', async () => {
    const created = await call<Container>('POST', '', { name: 'ca-first', ownerId });
    expect(created.body).toMatchObject({
      name: 'ca-first',
      status: 'none',
      ownerId,
      objectsCount: 0,
      objectsSize: 0,
      lockedUntil: null,
      automaticDeletionAt: null,
      virtualHost: 'ca-first.s3.rbx-archive.io.cloud.ovh.net',
      objects: [],
    });
    expect(created.body.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    const list = await call<Container[]>('GET', '');
    expect(list.body.map((container) => container.name)).toContain('ca-first');
    const taken = await call<OvhError>('POST', '', { name: 'ca-first' });
    expect(taken.status).toBe(409);
    await refused('POST', '', { name: 'Bad_Name' }, /Invalid container name/);
    await refused('POST', '', { name: 'ca-v', versioning: { status: 'enabled' } }, /Versioning/);
    await refused('POST', '', { name: 'ca-u', ownerId: 1 }, /User 1 does not exist/);
    const gra = await ovhCall<OvhError>(sandbox, {
      path: `/cloud/project/${sandbox.openstack.projectId}/region/GRA/coldArchive`,
    });
    expect(gra.status).toBe(400);
    expect(gra.body.message).toBe('Cold Archive is not available in region GRA');
    expect((await call<OvhError>('GET', '/absent')).status).toBe(404);
  });

  it('shows the objects S3 wrote, paged by limit, marker and prefix', async () => {
    await createWithObjects('ca-listing', 3);
    const all = await get('ca-listing');
    expect(all.objectsCount).toBe(3);
    expect(all.objects.map((object) => object.key)).toEqual(['file-0.txt', 'file-1.txt', 'file-2.txt']);
    expect(all.objects[0]).toMatchObject({ size: 10, storageClass: 'STANDARD' });
    const page = await call<Container>('GET', '/ca-listing?limit=1&marker=file-0.txt');
    expect(page.body.objects.map((object) => object.key)).toEqual(['file-1.txt']);
    const prefixed = await call<Container>('GET', '/ca-listing?prefix=file-2');
    expect(prefixed.body.objects.map((object) => object.key)).toEqual(['file-2.txt']);
    expect((await call('GET', '/ca-listing?limit=0')).status).toBe(400);
  });
});

describe('the lifecycle on the sandbox clock', () => {
  it('goes none → archiving → archived ⇄ restoring → restored → archived after 30 days', async () => {
    await createWithObjects('ca-cycle', 2);
    await refused(
      'POST',
      '/ca-cycle/restore',
      undefined,
      /Cannot restore container ca-cycle while its status is none/,
    );
    await refused(
      'POST',
      '/ca-cycle/destroy',
      undefined,
      /Cannot flush container ca-cycle while its status is none/,
    );
    expect((await call('POST', '/ca-cycle/archive', {})).status).toBe(200);
    expect((await get('ca-cycle')).status).toBe('archiving');
    await refused('POST', '/ca-cycle/archive', {}, /status is archiving/);
    await refused('POST', '/ca-cycle/restore', undefined, /status is archiving/);
    advance(DELAY);
    expect((await get('ca-cycle')).status).toBe('archived');
    await refused('POST', '/ca-cycle/archive', {}, /status is archived/);
    expect((await call('POST', '/ca-cycle/restore')).status).toBe(200);
    expect((await get('ca-cycle')).status).toBe('restoring');
    await refused('POST', '/ca-cycle/restore', undefined, /status is restoring/);
    advance(DELAY);
    const restored = await get('ca-cycle');
    expect(restored.status).toBe('restored');
    const expected = Math.floor(sandbox.clock.nowMs() / 1000) + 30 * DAY;
    expect(Date.parse(restored.automaticDeletionAt!) / 1000).toBeGreaterThan(expected - 5);
    expect(Date.parse(restored.automaticDeletionAt!) / 1000).toBeLessThanOrEqual(expected);
    advance(30 * DAY);
    const back = await get('ca-cycle');
    expect(back).toMatchObject({ status: 'archived', automaticDeletionAt: null, objectsCount: 2 });
  });

  it('flushes an archived container (deleting → flushed, objects gone), then deletes it', async () => {
    await createWithObjects('ca-flush', 2);
    await refused('DELETE', '/ca-flush', undefined, /first delete the objects/);
    await call('POST', '/ca-flush/archive', {});
    advance(DELAY);
    await refused(
      'DELETE',
      '/ca-flush',
      undefined,
      /Cannot delete container ca-flush while its status is archived/,
    );
    expect((await call('POST', '/ca-flush/destroy')).status).toBe(200);
    expect((await get('ca-flush')).status).toBe('deleting');
    await refused('POST', '/ca-flush/destroy', undefined, /status is deleting/);
    await refused('DELETE', '/ca-flush', undefined, /status is deleting/);
    advance(DELAY);
    expect(await get('ca-flush')).toMatchObject({ status: 'flushed', objectsCount: 0, objects: [] });
    expect((await call('DELETE', '/ca-flush')).status).toBe(200);
    expect((await call('GET', '/ca-flush')).status).toBe(404);
  });

  it('deletes an object only while the container is active', async () => {
    await createWithObjects('ca-objects', 2);
    expect((await call('DELETE', '/ca-objects/object/file-0.txt')).status).toBe(200);
    expect((await call('DELETE', '/ca-objects/object/file-0.txt')).status).toBe(404);
    await call('POST', '/ca-objects/archive', {});
    await refused('DELETE', '/ca-objects/object/file-1.txt', undefined, /status is archiving/);
    expect((await get('ca-objects')).objectsCount).toBe(1);
  });

  it('refuses to archive an empty container', async () => {
    await call('POST', '', { name: 'ca-empty' });
    await refused('POST', '/ca-empty/archive', {}, /ca-empty is empty/);
    expect((await call('DELETE', '/ca-empty')).status).toBe(200);
  });
});

describe('the write-once lock', () => {
  it('is set by lockedUntilDays (1–4,500), only extended, and blocks a flush until it passes', async () => {
    await createWithObjects('ca-lock', 1);
    for (const days of [0, 4501, 1.5, '10']) {
      await refused(
        'POST',
        '/ca-lock/archive',
        { lockedUntilDays: days },
        /lockedUntilDays must be a whole number of days from 1 to 4500/,
      );
    }
    expect((await get('ca-lock')).status).toBe('none');
    await call('POST', '/ca-lock/archive', { lockedUntilDays: 10 });
    const locked = await get('ca-lock');
    const until = Date.parse(locked.lockedUntil!);
    expect(until).toBeGreaterThan(sandbox.clock.nowMs() + 10 * DAY * 1000 - 5000);
    advance(DELAY);
    await refused(
      'POST',
      '/ca-lock/archive',
      { lockedUntilDays: 5 },
      /cannot be reduced: archive is locked until/,
    );
    await refused(
      'POST',
      '/ca-lock/destroy',
      undefined,
      /^Archive deletion is locked until \d{4}-\d\d-\d\dT.*Z$/,
    );
    await call('POST', '/ca-lock/archive', { lockedUntilDays: 20 });
    const extended = Date.parse((await get('ca-lock')).lockedUntil!);
    expect(extended).toBeGreaterThan(until + 9 * DAY * 1000);
    expect((await get('ca-lock')).status).toBe('archived');
    await call('POST', '/ca-lock/restore');
    advance(DELAY);
    await call('POST', '/ca-lock/archive', { lockedUntilDays: 21 });
    await refused('POST', '/ca-lock/destroy', undefined, /Archive deletion is locked/);
    advance(22 * DAY);
    expect((await call('POST', '/ca-lock/destroy')).status).toBe(200);
  });
});

describe('policy and presign', () => {
  it('adds a user policy with a role (or none, as the old Control Panel does), refusing bad roles and users', async () => {
    await createWithObjects('ca-policy', 1);
    expect((await call('POST', `/ca-policy/policy/${ownerId}`, { roleName: 'readOnly' })).status).toBe(200);
    expect((await call('POST', `/ca-policy/policy/${ownerId}`)).status).toBe(200);
    await refused(
      'POST',
      `/ca-policy/policy/${ownerId}`,
      { roleName: 'root' },
      /cloud.storage.PolicyRoleEnum/,
    );
    expect((await call('POST', '/ca-policy/policy/42', { roleName: 'admin' })).status).toBe(404);
    await call('POST', '/ca-policy/archive', {});
    await refused('POST', `/ca-policy/policy/${ownerId}`, { roleName: 'admin' }, /status is archiving/);
  });

  it('presigns GET and PUT URLs the S3 listener accepts, with the defaults an empty body gets', async () => {
    await createWithObjects('ca-presign', 1);
    const put = await call<{ url: string; method: string; signedHeaders: Record<string, string> }>(
      'POST',
      '/ca-presign/presign',
      { method: 'PUT', object: 'dir/été.txt', expire: 600 },
    );
    expect(put.body.method).toBe('PUT');
    expect(put.body.url.startsWith(`${sandbox.s3.endpoints['RBX-ARCHIVE']}/ca-presign/dir/`)).toBe(true);
    expect(put.body.url).toContain('X-Amz-Expires=600');
    expect((await fetch(put.body.url, { method: 'PUT', body: 'uploaded' })).status).toBe(200);
    const read = await call<{ url: string; method: string }>('POST', '/ca-presign/presign', {
      method: 'GET',
      object: 'dir/été.txt',
    });
    const got = await fetch(read.body.url);
    expect(got.status).toBe(200);
    expect(await got.text()).toBe('uploaded');
    const defaults = await call<{ url: string; method: string }>('POST', '/ca-presign/presign');
    expect(defaults.body.method).toBe('GET');
    expect(defaults.body.url).toContain('X-Amz-Expires=3600');
    await refused('POST', '/ca-presign/presign', { method: 'POST' }, /PresignedURLMethodEnum/);
    await refused('POST', '/ca-presign/presign', { expire: 0 }, /expire/);
    const bytes = await s3().send(new GetObjectCommand({ Bucket: 'ca-presign', Key: 'dir/été.txt' }));
    expect(await bytes.Body!.transformToString()).toBe('uploaded');
  });
});

describe('schema document', () => {
  it('lists the coldArchive and region storage routes in cloud.json', async () => {
    const document = (await (await fetch(`${sandbox.endpoint}/cloud.json`)).json()) as {
      apis: Array<{ path: string; operations: Array<{ httpMethod: string }> }>;
    };
    const methods = (path: string) =>
      document.apis
        .find((api) => api.path === `/cloud/project/{serviceName}/region/{regionName}${path}`)
        ?.operations.map((operation) => operation.httpMethod)
        .sort();
    expect(methods('/coldArchive')).toEqual(['GET', 'POST']);
    expect(methods('/coldArchive/{name}')).toEqual(['DELETE', 'GET']);
    for (const action of ['archive', 'restore', 'destroy', 'presign', 'policy/{userId}']) {
      expect(methods(`/coldArchive/{name}/${action}`)).toEqual(['POST']);
    }
    expect(methods('/coldArchive/{name}/object/{objectKey}')).toEqual(['DELETE']);
    expect(methods('/storage/{name}/object/{key}')).toEqual(['DELETE', 'GET']);
    expect(methods('/storage/{name}/object/{key}/restore')).toEqual(['POST']);
  });
});

describe('availability and region', () => {
  it('answers RBX-ARCHIVE for the cold archive plan code, and names the S3 listener in the region', async () => {
    const plans = await ovhCall<{ plans: Array<{ code: string; regions: string[] }> }>(sandbox, {
      path: '/cloud/order/rule/availability?ovhSubsidiary=FR&planCode=coldarchive.archive.hour.consumption',
    });
    expect(plans.body.plans).toEqual([
      { code: 'coldarchive.archive.hour.consumption', regions: ['RBX-ARCHIVE'] },
    ]);
    const region = await ovhCall<{ services: Array<{ name: string; endpoint: string }> }>(sandbox, {
      path: `/cloud/project/${sandbox.openstack.projectId}/region/${plans.body.plans[0]!.regions[0]}`,
    });
    expect(region.body.services[0]).toEqual({
      name: 'storage-s3-coldarchive',
      status: 'UP',
      endpoint: `${sandbox.s3.endpoints['RBX-ARCHIVE']}/`,
    });
  });
});

describe('every action from every status', () => {
  const STATUSES = ['none', 'archiving', 'archived', 'restoring', 'restored', 'deleting', 'flushed'] as const;
  // Reference §4.3 (the Control Panel's rules), one action per fresh container.
  const ACTIONS: Record<
    string,
    { allowedIn: readonly string[]; run: (name: string) => Promise<{ status: number }> }
  > = {
    archive: { allowedIn: ['none'], run: (name) => call('POST', `/${name}/archive`, {}) },
    lock: {
      allowedIn: ['none', 'archived', 'restored'],
      run: (name) => call('POST', `/${name}/archive`, { lockedUntilDays: 3 }),
    },
    restore: { allowedIn: ['archived'], run: (name) => call('POST', `/${name}/restore`) },
    destroy: { allowedIn: ['archived', 'restored'], run: (name) => call('POST', `/${name}/destroy`) },
    delete: { allowedIn: ['flushed'], run: (name) => call('DELETE', `/${name}`) },
    deleteObject: { allowedIn: ['none'], run: (name) => call('DELETE', `/${name}/object/file-0.txt`) },
    policy: {
      allowedIn: ['none', 'archived', 'restored'],
      run: (name) => call('POST', `/${name}/policy/${ownerId}`, { roleName: 'admin' }),
    },
  };
  const STEPS: Record<(typeof STATUSES)[number], string[]> = {
    none: [],
    archiving: ['archive'],
    archived: ['archive', 'wait'],
    restoring: ['archive', 'wait', 'restore'],
    restored: ['archive', 'wait', 'restore', 'wait'],
    deleting: ['archive', 'wait', 'destroy'],
    flushed: ['archive', 'wait', 'destroy', 'wait'],
  };

  async function containerIn(status: (typeof STATUSES)[number], name: string) {
    await createWithObjects(name, 1);
    for (const step of STEPS[status]) {
      if (step === 'wait') advance(DELAY);
      else
        expect((await call('POST', `/${name}/${step}`, step === 'archive' ? {} : undefined)).status).toBe(
          200,
        );
    }
    expect((await get(name)).status).toBe(status);
  }

  for (const status of STATUSES) {
    it(`from ${status}: allows exactly what the reference lists`, async () => {
      const outcomes: Record<string, number> = {};
      const expected: Record<string, number> = {};
      for (const [action, { allowedIn, run }] of Object.entries(ACTIONS)) {
        const name = `m-${status}-${action}`.toLowerCase();
        await containerIn(status, name);
        outcomes[action] = (await run(name)).status;
        // A flushed container has no objects left: the key itself is unknown.
        expected[action] = allowedIn.includes(status)
          ? 200
          : status === 'flushed' && action === 'deleteObject'
            ? 404
            : 400;
      }
      expect(outcomes).toEqual(expected);
    });
  }
});
