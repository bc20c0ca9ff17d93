// Issue 11's "Done means" in the desktop app: a new user starts the sandbox trial, sees Cloud
// Archive containers in GRA and BHS beside the legacy services, uploads a file, retrieves it,
// downloads it byte for byte, and deletes old objects after a preview. Chromium on the real
// renderer; main's real services; the trial sandbox main starts itself; real files.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveObjectRow } from '../src/shared/ipc-types.js';
import { type DesktopHarness, startDesktopHarness } from './harness/desktop-harness.js';
import { chainSteps } from './harness/step-chain.js';
import { AppWindow, acceptInBrowser } from './pages/app-window.js';

let harness: DesktopHarness;
let app: AppWindow;

beforeAll(async () => {
  harness = await startDesktopHarness({ trialSandbox: { retrievalDelaySeconds: 3 } });
  app = new AppWindow(harness.page);
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

chainSteps((name) => harness.screenshot(name), 'd99');

describe('done means, in the desktop: a new user in the sandbox trial', () => {
  const bytes = randomBytes(400_000);
  const fileName = `minutes ${Date.now()}.pdf`;
  const key = `done/${fileName}`;

  it('starts the trial and sees Cloud Archive in GRA and BHS beside the legacy services', async () => {
    await app.waitLoaded();
    const browserPage = harness.nextBrowserPage();
    await app.button('Start the sandbox trial').click();
    const validation = await browserPage;
    // The window shows the trial's demo login to type on the validation page (main's trial has it).
    const { account } = await harness.services.trial.start();
    await expect.poll(() => app.page.locator('.demo-account').textContent()).toContain(account.nichandle);
    await acceptInBrowser(validation, account);

    await app.archivesTable().locator('tr[data-archive="archives-bhs"]').waitFor();
    const rows = await app
      .archiveRows()
      .evaluateAll((list) =>
        list.map((row) => [row.getAttribute('data-product'), row.children[2]!.textContent]),
      );
    expect(rows).toEqual(
      expect.arrayContaining([
        ['cloud-archive', 'GRA'],
        ['cloud-archive', 'BHS'],
      ]),
    );
    expect(rows.some(([product]) => product === 'legacy-pca')).toBe(true);
    await harness.screenshot('d01-trial-archives');
  });

  it('uploads a file, retrieves it and downloads it byte for byte', async () => {
    await app.button('Open archives-bhs').click();
    await app.objectRow('README.txt').waitFor();
    const source = join(harness.workDirectory, fileName);
    await writeFile(source, bytes);
    harness.dialogs.answerFiles([source]);
    await app.field('Upload under').fill('done/');
    await app.button('Upload files…').click();
    await app.transfer('done').waitFor();
    await app.field('Filter keys').fill('done/');
    await expect.poll(() => app.objectRow(key).getAttribute('data-phase')).toBe('offline');

    await app.page.getByRole('checkbox', { name: `Select ${key}`, exact: true }).check();
    await app.button('Retrieve selected').click();
    await expect.poll(() => app.objectRow(key).getAttribute('data-phase')).toBe('retrieving');
    await harness.screenshot('d02-trial-retrieving');
    await expect.poll(() => app.objectRow(key).getAttribute('data-phase')).toBe('online');

    const folder = join(harness.workDirectory, 'trial-downloads');
    await mkdir(folder);
    harness.dialogs.answerFolder(folder);
    await app.button('Download selected…').click();
    await expect.poll(() => app.transfer('done').count()).toBe(2);
    expect(Buffer.compare(await readFile(join(folder, 'done', fileName)), bytes)).toBe(0);
    await harness.screenshot('d03-trial-downloaded');
  });

  it('deletes old objects after a preview, exactly those the preview listed', async () => {
    await app.field('Filter keys').fill('');
    const before = await listed();
    await app.button('Delete old objects…').click();
    await app.field('Older than (days)').fill('30');
    await app.button('Preview').click();
    const summary = app.page.getByTestId('object-prune-summary');
    await expect.poll(() => summary.textContent()).toMatch(/^\d+ objects \(\d+ deletions/);
    const planned = await app.page
      .getByRole('table', { name: 'Objects that would be deleted' })
      .locator('tbody tr td:first-child')
      .allTextContents();
    expect(planned.length).toBeGreaterThan(0);
    // The file uploaded a moment ago is not old: it stays.
    expect(planned).not.toContain(key);
    await harness.screenshot('d04-trial-prune-preview');

    await app
      .button(/^Delete \d+ objects/)
      .first()
      .click();
    const dialog = app.dialog(/^Delete \d+ objects for good\?$/);
    await dialog.getByRole('button', { name: /^Delete \d+ objects/ }).click();
    await app.page
      .getByRole('status')
      .filter({ hasText: /deleted/ })
      .waitFor();
    await harness.screenshot('d05-trial-pruned');
    await expect.poll(async () => (await listed()).length).toBe(before.length - planned.length);
    const after = (await listed()).map((object) => object.key);
    expect(after).toContain(key);
    for (const gone of planned) expect(after).not.toContain(gone);
  });

  it('logged no error and no CSP violation in the page', () => {
    expect(harness.pageErrors).toEqual([]);
  });
});

/** The archive as main lists it now (not the window's cache). */
async function listed(): Promise<ArchiveObjectRow[]> {
  const { archives } = await harness.services.sessions.connection();
  const backend = archives.backend('cloud-archive');
  const archive = (await backend.listArchives()).find((item) => item.name === 'archives-bhs')!;
  return backend.listObjects(archive);
}
