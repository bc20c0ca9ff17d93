/**
 * Region-level S3 routes of API v1 (`/region/{r}/storage…`, what Cold Archive v2 needs) against the
 * seeded EU-WEST-PAR bucket and new ones, checked against the S3 listener through the AWS SDK.
 */
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHandle, startSandbox } from '../../index.js';
import { ovhCall } from '../../testing/ovh-call.js';
import { sdkS3Client } from '../../testing/sdk-s3-client.js';

const DELAY = 300;
let sandbox: SandboxHandle;
let base: string;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 21, objects: 6, restoreDelaySeconds: DELAY });
  base = `/cloud/project/${sandbox.openstack.projectId}/region/EU-WEST-PAR/storage`;
});
afterAll(() => sandbox.close());

interface StorageObject {
  key: string;
  size: number;
  etag: string;
  storageClass: string;
  restoreStatus: { inProgress: boolean; expireDate: string | null } | null;
}
interface OvhError {
  class: string;
  message: string;
}

const call = <T>(method: string, path: string, body?: unknown) =>
  ovhCall<T>(sandbox, { method, path: `${base}${path}`, ...(body !== undefined && { body }) });
const s3 = () => sdkS3Client(sandbox, 'EU-WEST-PAR');
const key = (name: string) => encodeURIComponent(name).replace(/\./g, '%2E');

describe('/region/{r}/storage', () => {
  it('lists, creates, gets and deletes buckets, which the S3 listener sees', async () => {
    const list = await call<Array<{ name: string; region: string; objectsCount: number }>>('GET', '');
    expect(list.body).toEqual([
      expect.objectContaining({ name: 'deep-archive-par', region: 'EU-WEST-PAR', objectsCount: 6 }),
    ]);
    const created = await call<Record<string, unknown>>('POST', '', {
      name: 'v2-new',
      encryption: { sseAlgorithm: 'AES256' },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      name: 'v2-new',
      region: 'EU-WEST-PAR',
      objectsCount: 0,
      encryption: { sseAlgorithm: 'AES256' },
      versioning: { status: 'disabled' },
      objects: [],
    });
    expect(typeof created.body.ownerId).toBe('number');
    const listed = await s3().send(new ListObjectsV2Command({ Bucket: 'v2-new' }));
    expect(listed.KeyCount).toBe(0);
    expect((await call<OvhError>('POST', '', { name: 'v2-new' })).status).toBe(409);
    expect((await call<OvhError>('POST', '', { name: 'x' })).status).toBe(400);
    const detail = await call<{ objects: StorageObject[] }>('GET', '/deep-archive-par?limit=2');
    expect(detail.body.objects).toHaveLength(2);
    expect((await call<OvhError>('DELETE', '/deep-archive-par')).status).toBe(409);
    expect((await call('DELETE', '/v2-new')).status).toBe(200);
    expect((await call('GET', '/v2-new')).status).toBe(404);
    const swiftOnly = await ovhCall<OvhError>(sandbox, {
      path: `/cloud/project/${sandbox.openstack.projectId}/region/GRA/storage`,
    });
    expect(swiftOnly.status).toBe(400);
  });

  it('lists objects with their storage class and restore status, and reads one', async () => {
    const objects = await call<StorageObject[]>('GET', '/deep-archive-par/object');
    expect(objects.body).toHaveLength(6);
    const deep = objects.body.filter((object) => object.storageClass === 'DEEP_ARCHIVE');
    expect(deep.map((object) => String(object.restoreStatus?.inProgress ?? 'archived')).sort()).toEqual([
      'archived',
      'false',
      'true',
    ]);
    const one = await call<StorageObject>('GET', `/deep-archive-par/object/${key(objects.body[0]!.key)}`);
    expect(one.body).toMatchObject({ key: objects.body[0]!.key, storageClass: 'STANDARD' });
    const head = await s3().send(
      new HeadObjectCommand({ Bucket: 'deep-archive-par', Key: objects.body[0]!.key }),
    );
    expect(`"${one.body.etag}"`).toBe(head.ETag);
    const delimited = await call<Array<{ key: string; isCommonPrefix?: boolean }>>(
      'GET',
      '/deep-archive-par/object?delimiter=/&limit=1000',
    );
    expect(delimited.body.some((entry) => entry.isCommonPrefix)).toBe(true);
    expect((await call('GET', '/deep-archive-par/object/absent')).status).toBe(404);
  });

  it('restores a DEEP_ARCHIVE object on the sandbox clock, refusing a STANDARD one, a second one and a shorter one', async () => {
    const objects = (await call<StorageObject[]>('GET', '/deep-archive-par/object')).body;
    const archived = objects.find(
      (object) => object.storageClass === 'DEEP_ARCHIVE' && !object.restoreStatus,
    )!;
    const standard = objects.find((object) => object.storageClass === 'STANDARD')!;
    const path = `/deep-archive-par/object/${key(archived.key)}/restore`;
    const stillCold = await s3()
      .send(new GetObjectCommand({ Bucket: 'deep-archive-par', Key: archived.key }))
      .catch((error: Error) => error.name);
    expect(stillCold).toBe('InvalidObjectState');
    expect(
      (await call<OvhError>('POST', `/deep-archive-par/object/${key(standard.key)}/restore`, { days: 3 }))
        .status,
    ).toBe(400);
    expect((await call<OvhError>('POST', path, {})).status).toBe(400);
    expect((await call('POST', path, { days: 3 })).status).toBe(200);
    expect(
      (await call<StorageObject>('GET', `/deep-archive-par/object/${key(archived.key)}`)).body.restoreStatus,
    ).toEqual({
      inProgress: true,
      expireDate: null,
    });
    expect((await call<OvhError>('POST', path, { days: 3 })).status).toBe(409);
    sandbox.clock.skewSeconds += DELAY;
    const done = (await call<StorageObject>('GET', `/deep-archive-par/object/${key(archived.key)}`)).body;
    expect(done.restoreStatus?.inProgress).toBe(false);
    expect(Date.parse(done.restoreStatus!.expireDate!)).toBeGreaterThan(
      sandbox.clock.nowMs() + 2.9 * 86_400_000,
    );
    const got = await s3().send(new GetObjectCommand({ Bucket: 'deep-archive-par', Key: archived.key }));
    expect((await got.Body!.transformToByteArray()).length).toBe(archived.size);
    const shorter = await call<OvhError>('POST', path, { days: 1 });
    expect(shorter.status).toBe(400);
    expect(shorter.body.message).toMatch(/longer period/);
    expect((await call('POST', path, { days: 10 })).status).toBe(200);
    expect(
      (await call('POST', `/deep-archive-par/object/${key(archived.key)}/version/null/restore`, { days: 11 }))
        .status,
    ).toBe(200);
    expect(
      (await call('POST', `/deep-archive-par/object/${key(archived.key)}/version/v1/restore`, { days: 11 }))
        .status,
    ).toBe(404);
  });

  it('presigns PUT with a storage class and DELETE, both accepted by the S3 listener', async () => {
    const put = await call<{ url: string; signedHeaders: Record<string, string> }>(
      'POST',
      '/deep-archive-par/presign',
      {
        method: 'PUT',
        object: 'presigned/cold.bin',
        storageClass: 'DEEP_ARCHIVE',
      },
    );
    expect(put.body.signedHeaders['x-amz-storage-class']).toBe('DEEP_ARCHIVE');
    const unsigned = await fetch(put.body.url, { method: 'PUT', body: 'cold bytes' });
    expect(unsigned.status).toBe(403);
    const uploaded = await fetch(put.body.url, {
      method: 'PUT',
      body: 'cold bytes',
      headers: { 'x-amz-storage-class': 'DEEP_ARCHIVE' },
    });
    expect(uploaded.status).toBe(200);
    const info = await call<StorageObject>('GET', `/deep-archive-par/object/${key('presigned/cold.bin')}`);
    expect(info.body).toMatchObject({ size: 10, storageClass: 'DEEP_ARCHIVE' });
    const del = await call<{ url: string }>('POST', '/deep-archive-par/presign', {
      method: 'DELETE',
      object: 'presigned/cold.bin',
    });
    expect((await fetch(del.body.url, { method: 'DELETE' })).status).toBe(204);
    expect((await call('GET', `/deep-archive-par/object/${key('presigned/cold.bin')}`)).status).toBe(404);
  });

  it('deletes an object and adds a policy for a user', async () => {
    const objects = (await call<StorageObject[]>('GET', '/deep-archive-par/object')).body;
    expect((await call('DELETE', `/deep-archive-par/object/${key(objects[0]!.key)}`)).status).toBe(200);
    expect((await call<StorageObject[]>('GET', '/deep-archive-par/object')).body).toHaveLength(
      objects.length - 1,
    );
    const users = await ovhCall<Array<{ id: number }>>(sandbox, {
      path: `/cloud/project/${sandbox.openstack.projectId}/user`,
    });
    expect(
      (await call('POST', `/deep-archive-par/policy/${users.body[0]!.id}`, { roleName: 'readWrite' })).status,
    ).toBe(200);
    expect(
      (await call('POST', `/deep-archive-par/policy/${users.body[0]!.id}`, { roleName: 'all' })).status,
    ).toBe(400);
  });
});
