import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OvhClient } from '../../client/index.js';
import { ArchiveAddressError } from '../archive-address.js';
import type { ArchiveObject } from '../archive-entities.js';
import { ValidationError } from '../archive-errors.js';
import { waitForStates } from '../state-waiter.js';
import { type ArchiveSandbox, startArchiveSandbox } from '../testing/archive-sandbox.js';

// Legacy PCA through the product-neutral model: services as archives, sessions as objects.
const SESSIONS = 9;
const STEP_SECONDS = 0.15;

let kit: ArchiveSandbox;
let raw: OvhClient;

beforeAll(async () => {
  kit = await startArchiveSandbox({
    seed: 5,
    sessions: SESSIONS,
    files: 1,
    taskDurationSeconds: STEP_SECONDS,
  });
  raw = kit.client();
});

afterAll(async () => {
  await kit?.close();
});

describe('legacy PCA in the archive catalog', () => {
  it('lists every PCA service as a legacy-pca archive with its session count and bytes', async () => {
    const archives = await kit.catalog().listArchives({ product: 'legacy-pca' });
    expect(archives.map((archive) => `${archive.project}/${archive.name}`).sort()).toEqual(
      kit.serviceIds().sort(),
    );
    for (const archive of archives) {
      const base = `/cloud/${archive.project}/pca/${archive.name}`;
      expect(archive).toMatchObject({ product: 'legacy-pca', region: null, state: 'active', phase: 'open' });
      expect(archive.objects).toBe((await raw.request<string[]>('GET', `${base}/sessions`)).length);
      expect(archive.bytes).toBe(await raw.request<number>('GET', `${base}/usage`));
    }
    expect(JSON.parse(JSON.stringify(archives))).toEqual(archives);
  });

  it('filters by product and leaves region-less legacy archives out of a region filter', async () => {
    const catalog = kit.catalog();
    expect((await catalog.listArchives({ product: 'legacy-pca' })).length).toBe(kit.serviceIds().length);
    const gra = await catalog.listArchives({ region: 'GRA' });
    expect(gra.length).toBeGreaterThan(0);
    expect(gra.every((archive) => archive.product === 'cloud-archive')).toBe(true);
    kit.sandbox.clearRequests();
    await expect(catalog.listArchives({ product: 'cold-archive' })).rejects.toThrow(/not available here/);
    await expect(catalog.listArchives({ product: 'tape' })).rejects.toBeInstanceOf(ValidationError);
    expect(kit.apiRequests()).toEqual([]);
  });

  it('finds an archive by NAME and by the old PASSPORT/SERVICE form; bad addresses send nothing', async () => {
    const [serviceId] = kit.serviceIds();
    const [passport, name] = serviceId!.split('/') as [string, string];
    const catalog = kit.catalog();
    expect(await catalog.findArchive(name)).toMatchObject({ project: passport, name, id: serviceId });
    expect(await catalog.findArchive(serviceId!)).toMatchObject({ id: serviceId });
    await expect(catalog.findArchive('no-such-archive')).rejects.toBeInstanceOf(ArchiveAddressError);
    kit.sandbox.clearRequests();
    await expect(catalog.findArchive('a/b/c/d')).rejects.toThrow(/expected NAME/);
    expect(kit.apiRequests()).toEqual([]);
  });

  it('resolves without counts: no sessions or usage read, a PASSPORT region keeps to that passport', async () => {
    const [serviceId] = kit.serviceIds();
    const [passport, name] = serviceId!.split('/') as [string, string];
    const catalog = kit.catalog();
    kit.sandbox.clearRequests();
    expect(await catalog.findArchive(name)).toMatchObject({ id: serviceId, objects: null, bytes: null });
    expect(await catalog.findArchive(serviceId!)).toMatchObject({ id: serviceId, objects: null });
    const paths = kit.apiRequests().map((entry) => entry.path);
    expect(paths.filter((path) => /\/(sessions|usage)(\?|$)/.test(path))).toEqual([]);
    const byPassport = await catalog.listArchives({ region: passport.toUpperCase(), counts: false });
    expect(byPassport.map((archive) => archive.id).sort()).toEqual(
      kit
        .serviceIds()
        .filter((id) => id.startsWith(`${passport}/`))
        .sort(),
    );
    // Counts are still read when asked for (`archives list`).
    const [counted] = await catalog.listArchives({ region: passport.toUpperCase() });
    expect(counted!.objects).toEqual(expect.any(Number));
  });

  it('lists sessions as objects, retrieves one and waits until it is no longer retrieving', async () => {
    const catalog = kit.catalog();
    const backend = catalog.backend('legacy-pca');
    expect(backend.capabilities).toContain('retrieve');
    expect(backend.capabilities).not.toContain('download');
    const [archive] = await catalog.listArchives({ product: 'legacy-pca' });
    const objects = await backend.listObjects(archive!);
    expect(objects).toHaveLength(archive!.objects!);
    expect(objects.map((object) => object.key)).toEqual([...objects.map((object) => object.key)].sort());
    const target = objects.find((object) => object.phase === 'offline')!;
    expect(target).toMatchObject({ label: expect.any(String), readyAt: null });

    const [started] = await backend.retrieveObjects!(archive!, [target.key]);
    expect(started).toMatchObject({ key: target.key, phase: 'retrieving' });
    const states: string[] = [];
    const [final] = await waitForStates<ArchiveObject>(
      [{ id: target.key, group: archive!.id, value: started }],
      {
        read: (_group, keys, signal) => backend.readObjectStates!(archive!, keys, signal),
        isSettled: (object) => object.phase !== 'retrieving',
        stateOf: (object) => object.state,
        onProgress: (event) => states.push(event.value.state),
        pollIntervalMs: 20,
      },
    );
    expect(final).toMatchObject({ key: target.key, phase: 'offline', state: 'done' });
    expect(states.at(-1)).toBe('done');
  });
});
