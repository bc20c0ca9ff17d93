/**
 * Cold Archive v1 end to end against the sandbox: a bucket created (owner = the S3 user ovh-pca
 * creates), filled through presigned PUTs, archived with a lock, refused what its state forbids
 * before any request (the request log proves it), restored, flushed once the lock ends, deleted.
 * Time moves by the sandbox clock only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OvhClient } from '../../client/index.js';
import type { Archive } from '../archive-entities.js';
import { LifecycleRefusedError } from '../archive-errors.js';
import { ApiS3AccessProvider, type S3AccessCreation } from '../s3/s3-access-provider.js';
import type { S3Credential } from '../s3/s3-ports.js';
import { type ArchiveSandbox, startArchiveSandbox } from '../testing/archive-sandbox.js';
import { ColdArchiveBackend } from './cold-archive-backend.js';

const DELAY = 60;
const DAY = 86_400;
let box: ArchiveSandbox;
let backend: ColdArchiveBackend;
let client: OvhClient;
const created: S3AccessCreation[] = [];

beforeAll(async () => {
  box = await startArchiveSandbox({
    seed: 41,
    objects: 2,
    restoreDelaySeconds: DELAY,
    taskDurationSeconds: 1,
  });
  client = box.client();
  const store = new Map<string, S3Credential>();
  const s3Access = new ApiS3AccessProvider(client, {
    store: {
      get: async (scope) => store.get(scope),
      set: async (scope, value) => void store.set(scope, value),
      delete: async (scope) => store.delete(scope),
    },
    onCreated: (creation) => created.push(creation),
    userPollIntervalMs: 50,
  });
  backend = new ColdArchiveBackend({ client, s3Access });
});
afterAll(() => box.close());

const project = () => box.sandbox.openstack.projectId;
const advance = (seconds: number) => {
  box.sandbox.clock.skewSeconds += seconds;
};

async function upload(archive: Archive, key: string, body: string) {
  const presigned = await client.request<{ url: string }>(
    'POST',
    `/cloud/project/${archive.project}/region/${archive.region}/coldArchive/${archive.name}/presign`,
    { body: { method: 'PUT', object: key, expire: 600 } },
  );
  const answer = await fetch(presigned.url, { method: 'PUT', body });
  expect(answer.status).toBe(200);
}

/** Lifecycle POSTs the sandbox received since the log was cleared. */
const lifecyclePosts = () =>
  box
    .apiRequests()
    .filter((entry) => entry.method === 'POST' && /\/(archive|restore|destroy)$/.test(entry.path));

async function settle(archive: Archive): Promise<Archive> {
  advance(DELAY + 1);
  return backend.readArchive(archive);
}

describe('ColdArchiveBackend', () => {
  it('creates a bucket owned by an S3 user it creates, says so, and lists it in RBX-ARCHIVE', async () => {
    const archive = await backend.createArchive({ project: project(), name: 'ca-flow' });
    expect(archive).toMatchObject({
      product: 'cold-archive',
      region: 'RBX-ARCHIVE',
      name: 'ca-flow',
      state: 'none',
      phase: 'open',
    });
    expect(created.map((creation) => creation.kind)).toEqual(['user', 's3-credential']);
    const listed = await backend.listArchives();
    expect(listed.find((entry) => entry.name === 'ca-flow')).toMatchObject({ objects: 0, lockedUntil: null });
  });

  it('runs the whole lifecycle, refusing before any request what the state forbids', async () => {
    const [empty] = [await backend.createArchive({ project: project(), name: 'ca-empty' })];
    box.sandbox.clearRequests();
    await expect(backend.lifecycle.plan(empty!, 'archive')).rejects.toThrow(/empty/);
    expect(lifecyclePosts()).toEqual([]);

    let archive = (await backend.listArchives()).find((entry) => entry.name === 'ca-flow')!;
    for (const index of [0, 1, 2]) await upload(archive, `dir/file-${index}.txt`, `bytes ${index}`);
    archive = await backend.readArchive(archive);
    expect(archive.objects).toBe(3);

    const preview = await backend.lifecycle.plan(archive, 'archive', { lockDays: 10 });
    expect(preview.costs.join(' ')).toMatch(/180 days/);
    expect(preview.costs.join(' ')).toMatch(/never shortened/);
    expect(preview.lockedUntil).not.toBeNull();
    archive = await backend.lifecycle.run(preview);
    expect(archive.state).toBe('archiving');
    archive = await settle(archive);
    expect(archive).toMatchObject({ state: 'archived', phase: 'offline' });
    expect(Date.parse(archive.lockedUntil!)).toBeGreaterThan(Date.now() + 9 * DAY * 1000);
    expect((await backend.listObjects(archive)).map((object) => [object.key, object.phase])).toEqual([
      ['dir/file-0.txt', 'offline'],
      ['dir/file-1.txt', 'offline'],
      ['dir/file-2.txt', 'offline'],
    ]);

    box.sandbox.clearRequests();
    const destroy = backend.lifecycle.plan(archive, 'destroy');
    await expect(destroy).rejects.toBeInstanceOf(LifecycleRefusedError);
    await expect(destroy).rejects.toMatchObject({ until: archive.lockedUntil });
    await expect(backend.lifecycle.plan(archive, 'archive', { lockDays: 5 })).rejects.toThrow(
      /only be extended/,
    );
    await expect(backend.planDelete(archive)).rejects.toThrow(/once flushed/);
    expect(lifecyclePosts()).toEqual([]);
    expect(box.apiRequests().filter((entry) => entry.method === 'DELETE')).toEqual([]);

    // Retrieve = restore the whole bucket; a second retrieve sends nothing more.
    const restoring = await backend.retrieveObjects(archive, []);
    expect(restoring.every((object) => object.phase === 'retrieving')).toBe(true);
    await backend.retrieveObjects(archive, ['dir/file-1.txt']);
    expect(lifecyclePosts().map((entry) => entry.path.split('/').at(-1))).toEqual(['restore']);
    archive = await settle(archive);
    expect(archive.state).toBe('restored');
    expect(archive.restoredUntil).not.toBeNull();
    const online = await backend.listObjects(archive);
    expect(online[0]).toMatchObject({ phase: 'online', retrievableUntil: archive.restoredUntil });

    // Once the lock has ended (sandbox clock), destroy goes through, then delete.
    advance(11 * DAY);
    archive = await backend.readArchive(archive);
    const flush = await backend.lifecycle.plan(archive, 'destroy');
    expect(flush.effects.join(' ')).toMatch(/cannot be undone/);
    archive = await backend.lifecycle.run(flush);
    expect(archive.state).toBe('deleting');
    archive = await settle(archive);
    expect(archive.state).toBe('flushed');
    await backend.deleteArchive(archive);
    expect((await backend.listArchives()).map((entry) => entry.name)).not.toContain('ca-flow');
  });
});

describe('ColdArchiveBackend under 20 % faults and a server clock 1 h behind', () => {
  it('each lifecycle step is applied by exactly one accepted request, the lock set from the server clock', async () => {
    const faulty = await startArchiveSandbox({
      seed: 42,
      objects: 2,
      restoreDelaySeconds: DELAY,
      taskDurationSeconds: 1,
    });
    try {
      const faultyClient = faulty.client({ retries: 8 });
      const owner = faulty.sandbox.openstack.projectId;
      const cold = new ColdArchiveBackend({ client: faultyClient });
      let archive = await cold.createArchive({ project: owner, name: 'ca-faults' });
      const presigned = await faultyClient.request<{ url: string }>(
        'POST',
        `/cloud/project/${owner}/region/RBX-ARCHIVE/coldArchive/ca-faults/presign`,
        { body: { method: 'PUT', object: 'one.bin', expire: 600 } },
      );
      expect((await fetch(presigned.url, { method: 'PUT', body: 'one' })).status).toBe(200);
      faulty.sandbox.setBehaviour({ faultRate: 0.2, skewSeconds: -3600 });
      const step = async (action: 'archive' | 'restore' | 'destroy', options: { lockDays?: number } = {}) => {
        archive = await cold.lifecycle.run(await cold.lifecycle.plan(archive, action, options));
        faulty.sandbox.clock.skewSeconds += DELAY + 1;
        archive = await cold.readArchive(archive);
        return archive;
      };
      expect((await step('archive', { lockDays: 2 })).state).toBe('archived');
      // The lock counts from the server's clock (1 h behind the local one), not the local clock.
      const serverNow = faulty.sandbox.clock.nowMs();
      expect(
        Math.abs(Date.parse(archive.lockedUntil!) - (serverNow - (DELAY + 1) * 1000 + 2 * DAY * 1000)),
      ).toBeLessThan(120_000);
      expect((await step('restore')).state).toBe('restored');
      faulty.sandbox.clock.skewSeconds += 3 * DAY;
      archive = await cold.readArchive(archive);
      expect((await step('destroy')).state).toBe('flushed');
      const accepted = faulty
        .apiRequests()
        .filter((entry) => entry.method === 'POST' && entry.status === 200)
        .map((entry) => entry.path.split('/').at(-1))
        .filter((last) => ['archive', 'restore', 'destroy'].includes(last ?? ''));
      expect(accepted).toEqual(['archive', 'restore', 'destroy']);
      expect(faulty.apiRequests().filter((entry) => entry.fault).length).toBeGreaterThan(0);
    } finally {
      await faulty.close();
    }
  });
});
