// Issue 12 "Done means" in the window: Chromium on the real renderer, main's real lifecycle,
// transfer and retrieval services, the sandbox's API v1 and S3 (SigV4), real files. A Cold Archive
// v1 bucket: upload, archive with a lock, archived, destroy refused with the lock's date, restore,
// download byte for byte; a Cold Archive v2 DEEP_ARCHIVE object: download refused, retrieved for
// one day, downloaded. Steps end by the sandbox's short restore delay; waits are on the page.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presignedPut } from '../src/main/testing/presigned-put.js';
import { type DesktopHarness, startDesktopHarness } from './harness/desktop-harness.js';
import { chainSteps } from './harness/step-chain.js';
import { AppWindow, logInWithSandboxKeys } from './pages/app-window.js';

let harness: DesktopHarness;
let app: AppWindow;

beforeAll(async () => {
  harness = await startDesktopHarness({ sandbox: { objects: 2, restoreDelaySeconds: 2 } });
  app = new AppWindow(harness.page);
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

chainSteps((name) => harness.screenshot(name), 'c99');

const select = (key: string) =>
  app.page.getByRole('checkbox', { name: `Select ${key}`, exact: true }).check();
const lifecycle = () => app.page.getByRole('region', { name: 'Cold Archive lifecycle' });
const step = (name: string) => lifecycle().getByRole('button', { name, exact: true });

describe('Cold Archive v1 and v2 in the window (issue 12)', () => {
  const bytes = randomBytes(400_000);
  const fileName = 'full-backup.bin';
  const key = `backup/${fileName}`;
  const deepBytes = randomBytes(120_000);
  const deepKey = 'cold/blob.bin';

  it('lists a new Cold Archive v1 bucket and a v2 bucket beside the other products', async () => {
    await logInWithSandboxKeys(app, harness);
    // Buckets as the CLI's `archives create` makes them (the window has no create yet).
    const { archives } = await harness.services.sessions.connection();
    const project = harness.sandbox.openstack.projectId;
    await archives.backend('cold-archive').createArchive!({ project, region: 'RBX-ARCHIVE', name: 'ca-e2e' });
    await archives.backend('deep-archive').createArchive!({
      project,
      region: 'EU-WEST-PAR',
      name: 'deep-e2e',
    });
    const route = `/cloud/project/${project}/region/EU-WEST-PAR/storage/deep-e2e`;
    await presignedPut(harness.sandbox, route, deepKey, deepBytes, 'DEEP_ARCHIVE');
    await app.button('Refresh').click();
    await app.archivesTable().locator('tr[data-archive="ca-e2e"]').waitFor();
    await app.archivesTable().locator('tr[data-archive="deep-e2e"]').waitFor();
    await harness.screenshot('c01-cold-buckets-listed');
  });

  it('uploads into the v1 bucket through S3; archive offered, restore refused with the reason', async () => {
    await app.button('Open ca-e2e').click();
    await lifecycle().waitFor();
    const source = join(harness.workDirectory, fileName);
    await writeFile(source, bytes);
    harness.dialogs.answerFiles([source]);
    await app.field('Upload under').fill('backup/');
    await app.button('Upload files…').click();
    await app.transfer('done').waitFor();
    await app.objectRow(key).waitFor();
    // Never archived yet: readable, but not "restored".
    expect(await app.objectRow(key).locator('.badge').textContent()).toBe('Available');
    await expect.poll(() => step('Archive').isEnabled()).toBe(true);
    expect(await step('Restore').isDisabled()).toBe(true);
    await expect
      .poll(() => app.page.getByTestId('refused-restore').textContent())
      .toMatch(/never archived; only an archived bucket/);
    await harness.screenshot('c02-uploaded');
  });

  it('archives with a 30-day lock after a preview with the costs, then shows it archived and locked', async () => {
    await app.page.getByRole('checkbox', { name: 'Write-once lock' }).check();
    await app.field('Days (1–4,500)').fill('30');
    await expect
      .poll(() => app.page.getByTestId('lock-end').textContent())
      .toMatch(/^Locked until .*only be extended/);
    await step('Archive').click();
    const dialog = app.dialog('Archive ca-e2e to tape?');
    await dialog.waitFor();
    await expect.poll(() => dialog.getByTestId('lifecycle-costs').textContent()).toMatch(/180 days/);
    expect(await dialog.getByTestId('lifecycle-costs').textContent()).toMatch(/never shortened/);
    await harness.screenshot('c03-archive-preview');
    await dialog.getByRole('button', { name: 'Archive' }).click();
    await app.toast('ca-e2e is archived.').waitFor();
    expect(harness.notifications).toContainEqual({ title: 'Archiving done', body: 'ca-e2e: archived.' });
    await expect.poll(() => app.objectRow(key).getAttribute('data-phase')).toBe('offline');
    expect(await app.objectRow(key).locator('.badge').textContent()).toBe('Archived');
    await expect.poll(() => app.page.getByTestId('lifecycle-dates').textContent()).toMatch(/^locked until /);
    await harness.screenshot('c04-archived-locked');
  });

  it('refuses destroy and delete while locked, with the date', async () => {
    expect(await step('Destroy').isDisabled()).toBe(true);
    expect(await app.page.getByTestId('refused-destroy').textContent()).toMatch(/^Locked until /);
    expect(await step('Delete').isDisabled()).toBe(true);
    expect(await app.page.getByTestId('refused-delete').textContent()).toMatch(/flushed/);
    await harness.screenshot('c05-destroy-refused');
  });

  it('restores after a preview, then downloads the object byte for byte', async () => {
    await step('Restore').click();
    const dialog = app.dialog('Restore ca-e2e?');
    await dialog.waitFor();
    await expect.poll(() => dialog.getByTestId('lifecycle-costs').textContent()).toMatch(/30 days/);
    await harness.screenshot('c06-restore-preview');
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await app.toast(/^ca-e2e is restored/).waitFor();
    await expect.poll(() => app.objectRow(key).getAttribute('data-phase')).toBe('online');
    await expect.poll(() => app.objectRow(key).locator('.badge').textContent()).toBe('Restored');
    await expect
      .poll(() => app.page.getByTestId('lifecycle-dates').textContent())
      .toMatch(/restored copy until/);
    const folder = join(harness.workDirectory, 'v1-download');
    await mkdir(folder);
    await select(key);
    harness.dialogs.answerFolder(folder);
    await app.button('Download selected…').click();
    await expect.poll(() => app.transfer('done').count()).toBe(2);
    expect(Buffer.compare(await readFile(join(folder, key)), bytes)).toBe(0);
    await harness.screenshot('c07-restored-downloaded');
  });

  it('v2: a DEEP_ARCHIVE object cannot be downloaded; retrieved for one day, it downloads byte for byte', async () => {
    await app.button('← All archives').click();
    await app.button('Open deep-e2e').click();
    await app.objectRow(deepKey).waitFor();
    await select(deepKey);
    expect(await app.objectRow(deepKey).locator('.badge').textContent()).toBe('Archived');
    expect(await app.button('Download selected…').isDisabled()).toBe(true);
    await app.page
      .getByText('Archived objects must be restored (Retrieve) before they can be downloaded.')
      .waitFor();
    // The days are required: no retrieval without them.
    expect(await app.button('Retrieve selected').isDisabled()).toBe(true);
    await harness.screenshot('c08-deep-archived');
    await app.field('Keep restored for (days)').fill('1');
    await app.button('Retrieve selected').click();
    await app.toast('Restoring 1 object: you will be told when it is ready.').waitFor();
    await expect.poll(() => app.objectRow(deepKey).getAttribute('data-phase')).toBe('online');
    const folder = join(harness.workDirectory, 'v2-download');
    await mkdir(folder);
    harness.dialogs.answerFolder(folder);
    await app.button('Download selected…').click();
    await expect.poll(() => app.transfer('done').count()).toBeGreaterThanOrEqual(3);
    await expect
      .poll(async () =>
        readFile(join(folder, deepKey))
          .then((file) => Buffer.compare(file, deepBytes))
          .catch(() => -2),
      )
      .toBe(0);
    await harness.screenshot('c09-deep-retrieved-downloaded');
  });

  it('logged no error and no CSP violation in the page', () => {
    expect(harness.pageErrors).toEqual([]);
  });
});
