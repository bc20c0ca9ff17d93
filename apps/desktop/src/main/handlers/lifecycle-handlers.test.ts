/**
 * Cold Archive v1 and v2 through main's real services against the sandbox (issue 12): a bucket
 * archived with a lock, destroy refused with the lock's date, a restore followed to the end, bytes
 * back byte for byte; a DEEP_ARCHIVE object refused, retrieved for one day, then downloaded.
 * Steps end by the sandbox's short restore delay; the tests wait on main's events, never on time.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ArchiveObjectRow,
  ArchiveRef,
  ArchiveRow,
  ChosenFiles,
  ChosenFolder,
  LifecyclePreviewInfo,
} from '../../shared/ipc-types.js';
import { type DesktopTestKit, startDesktopTestKit } from '../testing/desktop-test-kit.js';
import { logIn } from '../testing/log-in.js';
import { presignedPut } from '../testing/presigned-put.js';

let kit: DesktopTestKit;
let work: string;
let project: string;
beforeAll(async () => {
  kit = await startDesktopTestKit({ sandbox: { seed: 62, objects: 2, restoreDelaySeconds: 1 } });
  work = await mkdtemp(join(tmpdir(), 'ovh-pca-lifecycle-'));
  project = kit.sandbox.openstack.projectId;
  await logIn(kit);
});
afterAll(async () => {
  await kit.close();
  await rm(work, { recursive: true, force: true });
});

const rowOf = async (product: string, name: string) =>
  ((await kit.call('archives:list', { product })) as ArchiveRow[]).find((row) => row.name === name)!;
const refOf = (row: ArchiveRow): ArchiveRef => ({
  product: row.product,
  project: row.project,
  region: row.region,
  name: row.name,
});
const preview = (archive: ArchiveRef, step: string, lockDays?: number) =>
  kit.call('archives:previewLifecycle', {
    archive,
    step,
    ...(lockDays !== undefined && { lockDays }),
  }) as Promise<LifecyclePreviewInfo>;
const runStep = async (planId: string) => {
  const { operationId } = (await kit.call('archives:runLifecycle', { planId })) as { operationId: string };
  return kit.events.next(
    'archives:lifecycleProgress',
    (event) => event.operationId === operationId && event.done,
  );
};
const apiWrites = () =>
  kit.sandbox
    .requests()
    .filter((entry) => entry.protocol === 'ovh' && (entry.method === 'POST' || entry.method === 'DELETE'))
    .map((entry) => `${entry.method} ${entry.path.replace(/^\/1\.0\/cloud\/project\/[^/]+/, '')}`);

async function downloadOne(archive: ArchiveRef, key: string): Promise<Buffer> {
  const target = await mkdtemp(join(work, 'download-'));
  kit.dialogs.answerFolder(target);
  const folder = (await kit.call('transfers:chooseFolder', {})) as ChosenFolder;
  const { transferId } = (await kit.call('transfers:download', {
    archive,
    keys: [key],
    folder: folder.handle,
  })) as { transferId: string };
  const end = await kit.events.next(
    'transfers:progress',
    (event) => event.transferId === transferId && event.state !== 'running',
  );
  expect(end.error).toBeNull();
  return readFile(join(target, key));
}

describe('Cold Archive v1 lifecycle in the desktop', () => {
  const payload = randomBytes(150_000);
  const key = 'backup/full.bin';

  it('uploads into a new bucket through the S3 transfers main now holds', async () => {
    const connection = await kit.services.sessions.connection();
    await connection.archives.backend('cold-archive').createArchive!({
      project,
      region: 'RBX-ARCHIVE',
      name: 'ca-desktop',
    });
    const row = await rowOf('cold-archive', 'ca-desktop');
    expect(row.capabilities).toEqual(expect.arrayContaining(['download', 'upload', 'lifecycle']));
    const source = join(work, 'full.bin');
    await writeFile(source, payload);
    kit.dialogs.answerFiles([source]);
    const files = (await kit.call('transfers:chooseFiles', {})) as ChosenFiles;
    const { transferId } = (await kit.call('transfers:upload', {
      archive: refOf(row),
      files: files.handle,
      prefix: 'backup/',
    })) as { transferId: string };
    const end = await kit.events.next(
      'transfers:progress',
      (event) => event.transferId === transferId && event.state !== 'running',
    );
    expect(end).toMatchObject({ state: 'done', doneBytes: payload.length, error: null });
    const after = await rowOf('cold-archive', 'ca-desktop');
    expect(after).toMatchObject({ state: 'none', objects: 1 });
    const steps = Object.fromEntries(after.steps.map((step) => [step.step, step.refused]));
    expect(steps.archive).toBeNull();
    expect(steps.restore).toBe('it was never archived; only an archived bucket can be restored');
  });

  it('archives with a 30-day lock after a preview with its costs, followed to archived, notified', async () => {
    const archive = refOf(await rowOf('cold-archive', 'ca-desktop'));
    await expect(preview(archive, 'archive', 0)).rejects.toMatchObject({
      serialised: { code: 'badArguments' },
    });
    kit.sandbox.clearRequests();
    const shown = await preview(archive, 'archive', 30);
    expect(shown.costs.join(' ')).toMatch(/180 days/);
    expect(shown.costs.join(' ')).toMatch(/never shortened/);
    expect(Date.parse(shown.lockedUntil!)).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    expect(apiWrites()).toEqual([]);
    const done = await runStep(shown.planId);
    expect(done).toMatchObject({ state: 'archived', phase: 'offline', failure: null });
    expect(apiWrites()).toEqual(['POST /region/RBX-ARCHIVE/coldArchive/ca-desktop/archive']);
    expect(kit.notifications).toContainEqual({ title: 'Archiving done', body: 'ca-desktop: archived.' });
    // A plan runs once only.
    await expect(kit.call('archives:runLifecycle', { planId: shown.planId })).rejects.toMatchObject({
      serialised: { field: 'planId' },
    });
  });

  it('shows the lock end; destroy and delete are refused with the date, nothing sent', async () => {
    const row = await rowOf('cold-archive', 'ca-desktop');
    expect(row.lockedUntil).toBeTruthy();
    const destroy = row.steps.find((step) => step.step === 'destroy')!;
    expect(destroy).toMatchObject({ until: row.lockedUntil });
    expect(destroy.refused).toContain(`locked until ${row.lockedUntil}`);
    kit.sandbox.clearRequests();
    await expect(preview(refOf(row), 'destroy')).rejects.toThrow(`locked until ${row.lockedUntil}`);
    await expect(preview(refOf(row), 'delete')).rejects.toThrow(/flushed/);
    await expect(preview(refOf(row), 'archive', 5)).rejects.toThrow(/only be extended/);
    expect(apiWrites()).toEqual([]);
    // The object is listed but cannot be read while on tape: refused before any S3 request.
    const objects = (await kit.call('archives:listObjects', { archive: refOf(row) })) as ArchiveObjectRow[];
    expect(objects.map((object) => [object.key, object.phase])).toEqual([[key, 'offline']]);
  });

  it('restores, shows when the copy disappears, and downloads it byte for byte', async () => {
    const archive = refOf(await rowOf('cold-archive', 'ca-desktop'));
    const shown = await preview(archive, 'restore');
    expect(shown.costs.join(' ')).toMatch(/30 days/);
    const done = await runStep(shown.planId);
    expect(done).toMatchObject({ state: 'restored', phase: 'online' });
    expect(done.restoredUntil).toBeTruthy();
    const row = await rowOf('cold-archive', 'ca-desktop');
    expect(row.restoredUntil).toBe(done.restoredUntil);
    expect(row.steps.find((step) => step.step === 'restore')?.refused).toMatch(/already restored/);
    expect(Buffer.compare(await downloadOne(archive, key), payload)).toBe(0);
  });
});

describe('Cold Archive v1 after the lock ends', () => {
  it('destroys after a preview (flushed, notified), then deletes the bucket', async () => {
    // The lock (30 days) and the restored copy (30 days) end on the sandbox's clock.
    kit.sandbox.clock.skewSeconds += 31 * 86_400;
    const archive = refOf(await rowOf('cold-archive', 'ca-desktop'));
    await expect
      .poll(
        async () =>
          (await rowOf('cold-archive', 'ca-desktop')).steps.find((step) => step.step === 'destroy')?.refused,
      )
      .toBeNull();
    const shown = await preview(archive, 'destroy');
    expect(shown.effects.join(' ')).toMatch(/cannot be undone/);
    kit.sandbox.clearRequests();
    const flushed = await runStep(shown.planId);
    expect(flushed).toMatchObject({ state: 'flushed', failure: null });
    expect(kit.notifications).toContainEqual({ title: 'Archive flushed', body: 'ca-desktop: flushed.' });
    const removal = await preview(archive, 'delete');
    expect(removal.effects.join(' ')).toMatch(/Deletes the bucket/);
    expect(await runStep(removal.planId)).toMatchObject({ step: 'delete', done: true, failure: null });
    expect(apiWrites()).toEqual([
      'POST /region/RBX-ARCHIVE/coldArchive/ca-desktop/destroy',
      'DELETE /region/RBX-ARCHIVE/coldArchive/ca-desktop',
    ]);
    expect(await rowOf('cold-archive', 'ca-desktop')).toBeUndefined();
  });
});

describe('Cold Archive v2 retrieval in the desktop', () => {
  const payload = Buffer.from('deep archive bytes '.repeat(4000));
  const key = 'cold/blob.bin';

  it('refuses a DEEP_ARCHIVE object, retrieves it for one day, then downloads it byte for byte', async () => {
    const connection = await kit.services.sessions.connection();
    await connection.archives.backend('deep-archive').createArchive!({
      project,
      region: 'EU-WEST-PAR',
      name: 'deep-desktop',
    });
    const route = `/cloud/project/${project}/region/EU-WEST-PAR/storage/deep-desktop`;
    await presignedPut(kit.sandbox, route, key, payload, 'DEEP_ARCHIVE');
    const archive = refOf(await rowOf('deep-archive', 'deep-desktop'));
    const listed = (await kit.call('archives:listObjects', { archive })) as ArchiveObjectRow[];
    expect(listed.map((object) => [object.key, object.state])).toEqual([[key, 'archived']]);

    kit.dialogs.answerFolder(work);
    const folder = (await kit.call('transfers:chooseFolder', {})) as ChosenFolder;
    await expect(
      kit.call('transfers:download', { archive, keys: [key], folder: folder.handle }),
    ).rejects.toMatchObject({ serialised: { code: 'objectSealed' } });
    await expect(kit.call('archives:retrieve', { archive, keys: [key] })).rejects.toMatchObject({
      serialised: { code: 'badArguments' },
    });
    await expect(kit.call('archives:retrieve', { archive, keys: [key], days: 0 })).rejects.toThrow();

    const started = (await kit.call('archives:retrieve', { archive, keys: [key], days: 1 })) as {
      retrievalId: string;
      objects: ArchiveObjectRow[];
    };
    expect(started.objects[0]).toMatchObject({ key, phase: 'retrieving' });
    const done = await kit.events.next(
      'archives:retrievalProgress',
      (event) => event.retrievalId === started.retrievalId && event.done,
    );
    const ready = done.objects.find((object) => object.key === key)!;
    expect(ready.phase).toBe('online');
    expect(Date.parse(ready.retrievableUntil!)).toBeGreaterThan(Date.now());
    expect(Buffer.compare(await downloadOne(archive, key), payload)).toBe(0);
  });
});
