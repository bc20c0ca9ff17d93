/**
 * Cold Archive v2 against the sandbox's seeded EU-WEST-PAR bucket (STANDARD and DEEP_ARCHIVE
 * objects, some restored): states from API v1 listings alone, restores for N days of archived
 * objects only, resumable, and under 20 % faults every object restored with one accepted request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../archive-entities.js';
import { ValidationError } from '../archive-errors.js';
import { ColdArchiveBackend } from '../cold-archive/cold-archive-backend.js';
import { waitForObjects } from '../object-waiter.js';
import { type ArchiveSandbox, startArchiveSandbox } from '../testing/archive-sandbox.js';
import { DeepArchiveBackend } from './deep-archive-backend.js';

const DELAY = 30;
let box: ArchiveSandbox;
let backend: DeepArchiveBackend;

beforeAll(async () => {
  box = await startArchiveSandbox({ seed: 43, objects: 40, restoreDelaySeconds: DELAY });
  backend = new DeepArchiveBackend({ client: box.client({ retries: 6 }) });
});
afterAll(() => box.close());

const bucket = async (): Promise<Archive> =>
  (await backend.listArchives()).find((archive) => archive.name === 'deep-archive-par')!;

const restorePosts = () =>
  box.apiRequests().filter((entry) => entry.method === 'POST' && entry.path.endsWith('/restore'));

describe('DeepArchiveBackend', () => {
  it('lists the v2 bucket and each object state from API v1 listings, ceil(N/1000) pages', async () => {
    const archive = await bucket();
    expect(archive).toMatchObject({ product: 'deep-archive', region: 'EU-WEST-PAR', phase: 'open' });
    box.sandbox.clearRequests();
    const objects = await backend.listObjects(archive);
    expect(box.apiRequests().filter((entry) => entry.path.includes('/object'))).toHaveLength(1);
    expect(objects).toHaveLength(archive.objects!);
    const states = new Set(objects.map((object) => object.state));
    expect(states).toContain('archived');
    expect(states).toContain('available');
    for (const object of objects.filter((entry) => entry.state === 'restored')) {
      expect(object.retrievableUntil).not.toBeNull();
    }
  });

  it('needs --days, restores archived objects only, and a re-run sends nothing new', async () => {
    const archive = await bucket();
    const objects = await backend.listObjects(archive);
    const keys = objects.map((object) => object.key);
    await expect(backend.retrieveObjects(archive, keys)).rejects.toBeInstanceOf(ValidationError);
    box.sandbox.clearRequests();
    const archived = objects.filter((object) => object.state === 'archived').map((object) => object.key);
    const started = await backend.retrieveObjects(archive, keys, { days: 1 });
    expect(restorePosts()).toHaveLength(archived.length);
    expect(
      started.filter((object) => archived.includes(object.key)).every((o) => o.state === 'restoring'),
    ).toBe(true);
    await backend.retrieveObjects(archive, keys, { days: 1 });
    expect(restorePosts()).toHaveLength(archived.length);
    box.sandbox.clock.skewSeconds += DELAY + 1;
    const after = await backend.listObjects(archive);
    for (const key of archived) {
      const object = after.find((entry) => entry.key === key)!;
      expect(object).toMatchObject({ state: 'restored', phase: 'online' });
      expect(Date.parse(object.retrievableUntil!)).toBeGreaterThan(Date.now());
    }
  });
});

describe('a read-only credential (GET /*)', () => {
  it('lists Cold Archive v1 and v2 archives and objects through API v1 alone, creating nothing', async () => {
    const { consumerKey } = box.sandbox.createCredential({ rules: [{ method: 'GET', path: '/*' }] });
    const readOnly = box.client({ consumerKey });
    box.sandbox.clearRequests();
    const deep = new DeepArchiveBackend({ client: readOnly });
    const cold = new ColdArchiveBackend({ client: readOnly });
    const [v2] = (await deep.listArchives()).filter((archive) => archive.name === 'deep-archive-par');
    expect((await deep.listObjects(v2!)).length).toBe(v2!.objects);
    const v1 = await cold.listArchives();
    expect(v1.length).toBeGreaterThan(0);
    expect(v1.every((archive) => archive.region === 'RBX-ARCHIVE')).toBe(true);
    await cold.listObjects(v1[0]!);
    const requests = box.sandbox.requests();
    expect(requests.filter((entry) => entry.method !== 'GET')).toEqual([]);
    expect(requests.filter((entry) => entry.protocol !== 'ovh')).toEqual([]);
    expect(requests.every((entry) => entry.status === 200)).toBe(true);
  });
});

describe('DeepArchiveBackend under 20 % faults', () => {
  it('restores every archived object with exactly one accepted request each', async () => {
    const faulty = await startArchiveSandbox({ seed: 44, objects: 60, restoreDelaySeconds: 1 });
    try {
      const deep = new DeepArchiveBackend({ client: faulty.client({ retries: 8 }) });
      const archive = (await deep.listArchives()).find((entry) => entry.name === 'deep-archive-par')!;
      const objects = await deep.listObjects(archive);
      const archived = objects.filter((object) => object.state === 'archived').map((object) => object.key);
      expect(archived.length).toBeGreaterThan(5);
      faulty.sandbox.setBehaviour({ faultRate: 0.2 });
      const started = await deep.retrieveObjects(archive, archived, { days: 1 });
      const final = await waitForObjects(deep, archive, started, { days: 1, pollIntervalMs: 200 });
      faulty.sandbox.setBehaviour({ faultRate: 0 });
      expect(final.every((object) => object.state === 'restored')).toBe(true);
      const accepted = faulty
        .apiRequests()
        .filter(
          (entry) => entry.method === 'POST' && entry.path.endsWith('/restore') && entry.status === 200,
        );
      const perKey = new Map<string, number>();
      for (const entry of accepted) perKey.set(entry.path, (perKey.get(entry.path) ?? 0) + 1);
      expect(perKey.size).toBe(archived.length);
      expect([...perKey.values()].every((count) => count === 1)).toBe(true);
    } finally {
      await faulty.close();
    }
  });
});
