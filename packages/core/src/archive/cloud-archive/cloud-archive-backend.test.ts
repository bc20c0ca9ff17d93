import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OvhClient } from '../../client/index.js';
import { ArchiveAddressError } from '../archive-address.js';
import type { Archive } from '../archive-entities.js';
import { waitForObjects } from '../object-waiter.js';
import { type ArchiveSandbox, startArchiveSandbox } from '../testing/archive-sandbox.js';
import { CloudArchiveBackend } from './cloud-archive-backend.js';
import type { StorageContainerWire } from './cloud-archive-wire-types.js';

// Cloud Archive against the sandbox's API v1, Keystone-issued token and Swift (policy PCA).
const OBJECTS = 20;
const RETRIEVAL_DELAY_SECONDS = 1;

let kit: ArchiveSandbox;
let raw: OvhClient;

beforeAll(async () => {
  kit = await startArchiveSandbox({
    seed: 11,
    objects: OBJECTS,
    retrievalDelaySeconds: RETRIEVAL_DELAY_SECONDS,
  });
  raw = kit.client();
});
afterAll(async () => {
  await kit?.close();
});

const backend = (options: { consumerKey?: string } = {}) =>
  new CloudArchiveBackend({ client: kit.client(options) });
const swiftCalls = () => kit.sandbox.requests().filter((entry) => entry.protocol === 'swift');
const apiCalls = (method: string, pattern: RegExp) =>
  kit.apiRequests().filter((entry) => entry.method === method && pattern.test(entry.path));

async function archiveNamed(cloud: CloudArchiveBackend, name: string): Promise<Archive> {
  const found = (await cloud.listArchives()).find((archive) => archive.name === name);
  if (!found) throw new Error(`no archive ${name}`);
  return found;
}

describe('Cloud Archive backend', () => {
  it('lists the PCA containers of every project through API v1 alone, with counts and bytes', async () => {
    kit.sandbox.clearRequests();
    const archives = await backend().listArchives();
    const projects = await raw.request<string[]>('GET', '/cloud/project');
    const expected = [];
    for (const project of projects) {
      const containers = await raw.request<StorageContainerWire[]>(
        'GET',
        `/cloud/project/${project}/storage`,
      );
      for (const container of containers.filter((entry) => entry.archive)) {
        expected.push({
          product: 'cloud-archive',
          project,
          region: container.region,
          name: container.name,
          id: container.id,
          state: 'active',
          phase: 'open',
          objects: container.storedObjects,
          bytes: container.storedBytes,
        });
      }
    }
    expect(projects.length).toBeGreaterThan(1);
    expect(archives).toEqual(expected);
    expect(new Set(archives.map((archive) => archive.region))).toEqual(new Set(['GRA', 'BHS']));
    expect(archives.map((archive) => archive.name)).not.toContain('standard-gra');
    expect(swiftCalls()).toEqual([]);
    expect(apiCalls('POST', /storage\/access/)).toEqual([]);
  });

  it('lists objects through Swift with policy_extra: states, ready times, UTF-8 order, one access', async () => {
    const cloud = backend();
    const archive = await archiveNamed(cloud, 'archives-bhs');
    kit.sandbox.clearRequests();
    const before = Date.now();
    const objects = await cloud.listObjects(archive);
    expect(objects).toHaveLength(archive.objects!);
    const bytes = objects.map((object) => Buffer.from(object.key));
    expect(bytes).toEqual([...bytes].sort(Buffer.compare));
    expect(objects.reduce((sum, object) => sum + object.bytes, 0)).toBe(archive.bytes);
    const unsealing = objects.filter((object) => object.state === 'unsealing');
    expect(unsealing).toHaveLength(1);
    expect(Date.parse(unsealing[0]!.readyAt!)).toBeGreaterThanOrEqual(before);
    expect(objects.filter((object) => object.phase === 'online').map((object) => object.state)).toEqual([
      'unsealed',
    ]);
    expect(objects.filter((object) => object.phase === 'offline').length).toBe(archive.objects! - 2);
    for (const object of objects) expect(object.lastModified).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    expect(apiCalls('POST', /storage\/access/)).toHaveLength(1);
    expect(swiftCalls().map((entry) => entry.path)).toEqual([
      expect.stringMatching(/\/archives-bhs\?.*policy_extra=true/),
    ]);

    const prefixed = await cloud.listObjects(archive, { prefix: 'README' });
    expect(prefixed.map((object) => object.key)).toEqual(['README.txt']);
    // The access is cached: still one POST …/storage/access.
    expect(apiCalls('POST', /storage\/access/)).toHaveLength(1);
  });

  it('retrieves sealed objects with one GET each and waits through re-listings, not HEADs', async () => {
    const cloud = backend();
    const archive = await archiveNamed(cloud, 'archives-gra');
    const sealed = (await cloud.listObjects(archive))
      .filter((object) => object.state === 'sealed')
      .slice(0, 5);
    const online = (await cloud.listObjects(archive)).find((object) => object.state === 'unsealed')!;
    const keys = [...sealed.map((object) => object.key), online.key];
    kit.sandbox.clearRequests();

    const started = await cloud.retrieveObjects(archive, keys);
    expect(started.map((object) => object.state)).toEqual([...sealed.map(() => 'unsealing'), 'unsealed']);
    for (const object of started.slice(0, -1)) expect(object.readyAt).not.toBeNull();
    const gets = swiftCalls().filter(
      (entry) => entry.method === 'GET' && !entry.path.includes('format=json'),
    );
    expect(gets.map((entry) => entry.status)).toEqual(sealed.map(() => 429));

    // Re-run: nothing sealed among them any more, so no unseal GET is sent again.
    kit.sandbox.clearRequests();
    await cloud.retrieveObjects(archive, keys);
    expect(swiftCalls().filter((entry) => !entry.path.includes('format=json'))).toEqual([]);

    kit.sandbox.clearRequests();
    const seen: string[] = [];
    const final = await waitForObjects(cloud, archive, started, {
      pollIntervalMs: 50,
      onProgress: (event) => seen.push(`${event.id}:${event.value.state}`),
    });
    expect(final.map((object) => object.state)).toEqual(keys.map(() => 'unsealed'));
    expect(seen).toEqual(expect.arrayContaining(sealed.map((object) => `${object.key}:unsealed`)));
    const calls = swiftCalls();
    expect(calls.every((entry) => entry.method === 'GET' && entry.path.includes('policy_extra=true'))).toBe(
      true,
    );
    // Retry-After (1 s) spaces the listings: a few, whatever the machine's speed.
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.length).toBeLessThanOrEqual(4);
  });

  it('answers an unknown key as a 404 and sends no unseal for it', async () => {
    const cloud = backend();
    const archive = await archiveNamed(cloud, 'archives-gra');
    kit.sandbox.clearRequests();
    await expect(cloud.retrieveObjects(archive, ['no/such/key'])).rejects.toMatchObject({ status: 404 });
    expect(swiftCalls().filter((entry) => !entry.path.includes('format=json'))).toEqual([]);
  });

  it('lists archives and objects with a read-only credential, through API v1 alone', async () => {
    const { consumerKey } = kit.sandbox.createCredential({ rules: [{ method: 'GET', path: '/*' }] });
    const cloud = backend({ consumerKey });
    const archives = await cloud.listArchives();
    expect(archives).toEqual(await backend().listArchives());
    const archive = archives.find((entry) => entry.name === 'archives-bhs')!;
    kit.sandbox.clearRequests();
    const objects = await cloud.listObjects(archive);
    // One refused access (no retry of a 403), then API v1's container detail.
    expect(kit.apiRequests().map((entry) => `${entry.method} ${entry.status}`)).toEqual([
      'POST 403',
      'GET 200',
    ]);
    expect(objects.map(({ key, state, bytes }) => ({ key, state, bytes }))).toEqual(
      (await backend().listObjects(archive)).map(({ key, state, bytes }) => ({ key, state, bytes })),
    );
  });

  it('creates a PCA archive in a named project, refuses a create without one, deletes only when asked', async () => {
    const cloud = backend();
    const [project] = await cloud.listProjects();
    await expect(cloud.createArchive({ region: 'GRA', name: 'fresh' })).rejects.toBeInstanceOf(
      ArchiveAddressError,
    );
    const created = await cloud.createArchive({ project: project!, region: 'gra', name: 'fresh' });
    expect(created).toMatchObject({
      product: 'cloud-archive',
      project,
      region: 'GRA',
      name: 'fresh',
      objects: 0,
    });
    expect(await archiveNamed(cloud, 'fresh')).toEqual(created);
    await cloud.deleteArchive(created);
    expect((await cloud.listArchives()).map((archive) => archive.name)).not.toContain('fresh');

    const full = (await cloud.listArchives()).find((archive) => archive.name === 'cold-backups')!;
    await expect(cloud.deleteArchive(full)).rejects.toMatchObject({ status: 409 });
    kit.sandbox.clearRequests();
    await cloud.deleteArchive(full, { recursive: true });
    expect(apiCalls('DELETE', /recursive=true/)).toHaveLength(1);
    expect((await cloud.listArchives()).map((archive) => archive.name)).not.toContain('cold-backups');
  });

  it('renews the Swift token once after a 401 (expired on the server clock)', async () => {
    const cloud = backend();
    const archive = await archiveNamed(cloud, 'archives-bhs');
    await cloud.listObjects(archive);
    kit.sandbox.clearRequests();
    await fetch(`${kit.sandbox.origin}/_sandbox/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceSeconds: 25 * 3600 }),
    });
    const objects = await cloud.listObjects(archive);
    expect(objects).toHaveLength(archive.objects!);
    expect(swiftCalls().map((entry) => entry.status)).toEqual([401, 200]);
    // One new access (the signing client may first resync its clock after the jump: a refused try).
    expect(apiCalls('POST', /storage\/access/).filter((entry) => entry.status === 200)).toHaveLength(1);
  });
});

describe('Cloud Archive listing pages', () => {
  it('lists N objects in ceil(N / 10,000) Swift requests', async () => {
    const big = await startArchiveSandbox({ seed: 3, objects: 20_001 });
    try {
      const cloud = new CloudArchiveBackend({ client: big.client() });
      const archive = (await cloud.listArchives()).find((entry) => entry.name === 'archives-bhs')!;
      big.sandbox.clearRequests();
      const objects = await cloud.listObjects(archive);
      expect(objects).toHaveLength(20_001);
      expect(new Set(objects.map((object) => object.key)).size).toBe(20_001);
      const listings = big.sandbox.requests().filter((entry) => entry.protocol === 'swift');
      expect(listings).toHaveLength(Math.ceil(20_001 / 10_000));
    } finally {
      await big.close();
    }
  }, 60_000);
});

describe('Cloud Archive under faults (20% of API v1, Keystone and Swift calls)', () => {
  it('lists every object and unseals every one, whatever 429, 5xx, drops and cut bodies do', async () => {
    const faulty = await startArchiveSandbox({ seed: 7, objects: 40, retrievalDelaySeconds: 1, faults: 0.2 });
    try {
      const cloud = new CloudArchiveBackend({ client: faulty.client() });
      const archive = (await cloud.listArchives()).find((entry) => entry.name === 'archives-gra')!;
      const objects = await cloud.listObjects(archive);
      expect(objects).toHaveLength(archive.objects!);
      const started = await cloud.retrieveObjects(
        archive,
        objects.map((object) => object.key),
      );
      const final = await waitForObjects(cloud, archive, started, { pollIntervalMs: 50 });
      expect(new Set(final.map((object) => object.state))).toEqual(new Set(['unsealed']));
      const logged = faulty.sandbox.requests();
      expect(logged.some((entry) => entry.fault !== undefined && entry.protocol === 'swift')).toBe(true);
    } finally {
      await faulty.close();
    }
  }, 60_000);
});
