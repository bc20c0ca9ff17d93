import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ArchiveObjectRow,
  ArchiveRef,
  ArchiveRow,
  ChosenFiles,
  ChosenFolder,
} from '../../shared/ipc-types.js';
import { type DesktopTestKit, startDesktopTestKit } from '../testing/desktop-test-kit.js';
import { logIn } from '../testing/log-in.js';

let kit: DesktopTestKit;
let work: string;
beforeAll(async () => {
  kit = await startDesktopTestKit({ sandbox: { objects: 5, retrievalDelaySeconds: 2 } });
  work = await mkdtemp(join(tmpdir(), 'ovh-pca-catalog-'));
  await logIn(kit);
});
afterAll(async () => {
  await kit.close();
  await rm(work, { recursive: true, force: true });
});

const list = async (input: object = {}) => (await kit.call('archives:list', input)) as ArchiveRow[];
const refOf = (row: ArchiveRow): ArchiveRef => ({
  product: row.product,
  project: row.project,
  region: row.region,
  name: row.name,
});
const bhs = async () =>
  refOf((await list({ region: 'BHS' })).find((row) => row.product === 'cloud-archive')!);
const objectsOf = async (archive: ArchiveRef) =>
  (await kit.call('archives:listObjects', { archive })) as ArchiveObjectRow[];
const transferEnd = (transferId: string) =>
  kit.events.next(
    'transfers:progress',
    (event) => event.transferId === transferId && event.state !== 'running',
  );

describe('archives of every product', () => {
  it('lists legacy PCA services beside Cloud Archive containers in GRA and BHS, with the CLI filters', async () => {
    const all = await list();
    // Every product main offers (Cold Archive ones too), legacy services and Cloud Archive among them.
    expect([...new Set(all.map((row) => row.product))]).toEqual(
      expect.arrayContaining(['legacy-pca', 'cloud-archive']),
    );
    const cloud = all.filter((row) => row.product === 'cloud-archive');
    expect(new Set(cloud.map((row) => row.region))).toEqual(new Set(['GRA', 'BHS']));
    // The standard (PCS) container is not an archive.
    expect(cloud.map((row) => row.name)).not.toContain('standard-gra');
    expect(cloud.every((row) => row.capabilities.includes('download') && row.objects !== null)).toBe(true);
    expect((await list({ product: 'legacy-pca' })).every((row) => row.product === 'legacy-pca')).toBe(true);
    const gra = await list({ region: 'GRA' });
    expect(gra.length).toBeGreaterThan(0);
    expect(gra.every((row) => row.region === 'GRA')).toBe(true);
    await expect(kit.call('archives:list', { product: 'tape' })).rejects.toThrow();
  });

  it('lists an archive’s objects with their states', async () => {
    const objects = await objectsOf(await bhs());
    expect(objects.length).toBeGreaterThan(0);
    expect(objects.every((object) => ['offline', 'retrieving', 'online'].includes(object.phase))).toBe(true);
    expect(objects.some((object) => object.state === 'sealed')).toBe(true);
  });
});

describe('upload, retrieve, download', () => {
  const bytes = randomBytes(300_000);
  let key: string;

  it('uploads a file picked in main’s dialog, with progress to the last byte', async () => {
    const archive = await bhs();
    const source = join(work, `report é ${Date.now()}.bin`);
    await writeFile(source, bytes);
    kit.dialogs.answerFiles([source]);
    const chosen = (await kit.call('transfers:chooseFiles', {})) as ChosenFiles;
    expect(chosen.files).toEqual([{ name: source.split('/').pop(), bytes: bytes.length }]);
    const { transferId } = (await kit.call('transfers:upload', {
      archive,
      files: chosen.handle,
      prefix: 'desktop/',
    })) as { transferId: string };
    const end = await transferEnd(transferId);
    expect(end).toMatchObject({ state: 'done', doneBytes: bytes.length, doneFiles: 1, error: null });
    key = `desktop/${source.split('/').pop()}`;
    const stored = (await objectsOf(archive)).find((object) => object.key === key);
    expect(stored).toMatchObject({ bytes: bytes.length, state: 'sealed' });
  });

  it('refuses to download a sealed object, and a handle the dialog never gave', async () => {
    const archive = await bhs();
    kit.dialogs.answerFolder(work);
    const folder = (await kit.call('transfers:chooseFolder', {})) as ChosenFolder;
    await expect(
      kit.call('transfers:download', { archive, keys: [key], folder: folder.handle }),
    ).rejects.toMatchObject({
      serialised: { code: 'objectSealed' },
    });
    await expect(
      kit.call('transfers:download', {
        archive,
        keys: [key],
        folder: '5c1d1d7e-8a2b-4c3d-9e4f-0a1b2c3d4e5f',
      }),
    ).rejects.toMatchObject({ serialised: { code: 'badArguments', field: 'folder' } });
  });

  it('retrieves it, follows it to ready and notifies once', async () => {
    const archive = await bhs();
    const started = (await kit.call('archives:retrieve', { archive, keys: [key] })) as {
      retrievalId: string;
      objects: ArchiveObjectRow[];
    };
    expect(started.objects[0]).toMatchObject({ key, phase: 'retrieving' });
    expect(Date.parse(started.objects[0]!.readyAt!)).toBeGreaterThan(Date.now());
    const done = await kit.events.next(
      'archives:retrievalProgress',
      (event) => event.retrievalId === started.retrievalId && event.done,
    );
    expect(done).toMatchObject({ settled: 1, total: 1, failure: null });
    expect(done.objects.find((object) => object.key === key)?.phase).toBe('online');
    expect(kit.notifications).toContainEqual({
      title: 'Object ready',
      body: `“${key}” (archives-bhs) can be downloaded.`,
    });
  });

  it('downloads it into the chosen folder byte for byte, sub-folders from the key', async () => {
    const archive = await bhs();
    const target = await mkdtemp(join(work, 'download-'));
    kit.dialogs.answerFolder(target);
    const folder = (await kit.call('transfers:chooseFolder', {})) as ChosenFolder;
    expect(folder.path).toBe(target);
    const { transferId } = (await kit.call('transfers:download', {
      archive,
      keys: [key],
      folder: folder.handle,
    })) as {
      transferId: string;
    };
    expect(await transferEnd(transferId)).toMatchObject({ state: 'done', doneBytes: bytes.length });
    expect(Buffer.compare(await readFile(join(target, key)), bytes)).toBe(0);
    expect(await readdir(join(target, 'desktop'))).toEqual([key.split('/')[1]]);
  });

  it('cancels a download: no file under its final name, no .part left', async () => {
    const archive = await bhs();
    const target = await mkdtemp(join(work, 'cancel-'));
    kit.dialogs.answerFolder(target);
    const folder = (await kit.call('transfers:chooseFolder', {})) as ChosenFolder;
    const { transferId } = (await kit.call('transfers:download', {
      archive,
      keys: [key],
      folder: folder.handle,
    })) as {
      transferId: string;
    };
    await kit.call('transfers:cancel', { transferId });
    expect(await transferEnd(transferId)).toMatchObject({ state: 'cancelled', error: null });
    const left = await readdir(join(target, 'desktop')).catch(() => []);
    expect(left).toEqual([]);
  });
});
