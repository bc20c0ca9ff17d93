// Archives of every product as a user drives them: Chromium on the real renderer, main's real
// handlers and transfer services, the sandbox's API v1 and Swift, real files in real folders (the
// OS dialogs answered with temporary ones). Steps share one window, like a session.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DesktopHarness, startDesktopHarness } from './harness/desktop-harness.js';
import { chainSteps } from './harness/step-chain.js';
import { AppWindow, logInWithSandboxKeys } from './pages/app-window.js';

const OBJECTS = 12;
/** The sandbox's seeded 1 GiB object of archives-gra (sealed). */
const LARGE_KEY = 'backups/db/dump-2026-03-14.sql.gz';

let harness: DesktopHarness;
let app: AppWindow;

beforeAll(async () => {
  harness = await startDesktopHarness({ sandbox: { objects: OBJECTS, retrievalDelaySeconds: 4 } });
  app = new AppWindow(harness.page);
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

chainSteps((name) => harness.screenshot(name), 'a99');

const filterKeys = (text: string) => app.field('Filter keys').fill(text);
const select = (key: string) =>
  app.page.getByRole('checkbox', { name: `Select ${key}`, exact: true }).check();

describe('archives of every product, end to end', () => {
  const bytes = randomBytes(700_000);
  const fileName = `quarterly report ${Date.now()}.bin`;
  const key = `desktop/${fileName}`;

  it('lists every product’s archives, with the product and region filters', async () => {
    await logInWithSandboxKeys(app, harness);

    await app.archivesTable().locator('tr[data-archive="archives-bhs"]').waitFor();
    const products = await app
      .archiveRows()
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-product')));
    expect([...new Set(products)]).toEqual(expect.arrayContaining(['legacy-pca', 'cloud-archive']));
    const regions = await app
      .archiveRows()
      .evaluateAll((rows) => rows.map((row) => row.children[2]!.textContent));
    expect(regions).toEqual(expect.arrayContaining(['GRA', 'BHS', '—']));
    await harness.screenshot('a01-archives-all-products');

    await app.field('Product', true).selectOption('cloud-archive');
    await expect
      .poll(() =>
        app.archiveRows().evaluateAll((rows) => rows.map((row) => row.getAttribute('data-product'))),
      )
      .toEqual(expect.not.arrayContaining(['legacy-pca']));
    await app.field('Region', true).selectOption('BHS');
    await expect
      .poll(() =>
        app.archiveRows().evaluateAll((rows) => rows.map((row) => row.getAttribute('data-archive'))),
      )
      .toEqual(['archives-bhs']);
    await harness.screenshot('a02-archives-filtered');
    await app.field('Region', true).selectOption('');
    await app.field('Product', true).selectOption('');
  });

  it('opens an archive: its objects with their states', async () => {
    // The sandbox, in this very process, hashes its seeded 1 GiB object on the first listing and
    // blocks the process that drives the browser meanwhile: list once from main beforehand.
    const { archives } = await harness.services.sessions.connection();
    const backend = archives.backend('cloud-archive');
    const gra = (await backend.listArchives()).find((archive) => archive.name === 'archives-gra')!;
    await backend.listObjects(gra);

    await app.button('Open archives-gra').click();
    await app.objectRow('README.txt').waitFor();
    await expect
      .poll(() => app.objectsCount().textContent())
      .toBe(`${OBJECTS} of ${OBJECTS} objects, 0 selected`);
    await expect.poll(() => app.objectRow(LARGE_KEY).getAttribute('data-phase')).toBe('offline');
    await harness.screenshot('a03-objects');
  }, 240_000);

  it('uploads a file picked in main’s dialog, with progress', async () => {
    const source = join(harness.workDirectory, fileName);
    await writeFile(source, bytes);
    harness.dialogs.answerFiles([source]);
    await app.field('Upload under').fill('desktop/');
    await app.button('Upload files…').click();
    await app.transfer('done').waitFor();
    await app.toast(`Uploaded 1 file into archives-gra.`).waitFor();
    await filterKeys('desktop/');
    await expect.poll(() => app.objectRow(key).getAttribute('data-phase')).toBe('offline');
    await harness.screenshot('a05-uploaded');
  });

  it('retrieves sealed objects with a countdown, then says they are ready', async () => {
    await select(key);
    await filterKeys(LARGE_KEY);
    await select(LARGE_KEY);
    await filterKeys('');
    await expect.poll(() => app.objectsCount().textContent()).toMatch(/, 2 selected$/);
    await app.button('Retrieve selected').click();
    await app.toast(/^Retrieving 2 objects: ready at /).waitFor();
    await filterKeys(LARGE_KEY);
    await expect
      .poll(() => app.objectRow(LARGE_KEY).locator('.cell-ready').textContent())
      .toMatch(/^ready in 0:0\d$/);
    await harness.screenshot('a06-retrieve-countdown');
    await expect.poll(() => app.objectRow(LARGE_KEY).getAttribute('data-phase')).toBe('online');
    await app.toast('2 objects of archives-gra are ready to download.').waitFor();
    expect(harness.notifications).toContainEqual({
      title: '2 objects ready',
      body: 'The objects of archives-gra can be downloaded.',
    });
    await harness.screenshot('a07-retrieved');
  });

  it('downloads into the folder chosen in main’s dialog, byte for byte', async () => {
    const folder = join(harness.workDirectory, 'downloads');
    await mkdir(folder);
    // Only the uploaded object stays selected.
    await app.page.getByRole('checkbox', { name: `Select ${LARGE_KEY}`, exact: true }).uncheck();
    await filterKeys('desktop/');
    harness.dialogs.answerFolder(folder);
    await app.button('Download selected…').click();
    await expect.poll(() => app.transfer('done').count()).toBe(2);
    expect(Buffer.compare(await readFile(join(folder, 'desktop', fileName)), bytes)).toBe(0);
    await harness.screenshot('a08-downloaded');
  });

  it('cancels a running download: nothing left under the folder', async () => {
    const folder = join(harness.workDirectory, 'cancelled');
    await mkdir(folder);
    await app.page.getByRole('checkbox', { name: `Select ${key}`, exact: true }).uncheck();
    await filterKeys(LARGE_KEY);
    await select(LARGE_KEY);
    harness.dialogs.answerFolder(folder);
    await app.button('Download selected…').click();
    const running = app.transfer('running');
    await running.waitFor();
    await harness.screenshot('a09-download-running');
    await running.getByRole('button', { name: /^Cancel the transfer/ }).click();
    await app.transfer('cancelled').waitFor();
    await app.toast('Transfer cancelled.').waitFor();
    // No file under its final name, and the partial one removed.
    await expect.poll(async () => readdir(join(folder, 'backups', 'db')).catch(() => [])).toEqual([]);
    await harness.screenshot('a10-download-cancelled');
  });

  it('speaks French in the objects view and the archives table', async () => {
    await app.page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
    await app.page.getByRole('button', { name: 'Récupérer la sélection' }).waitFor();
    await expect.poll(() => app.objectsCount().textContent()).toMatch(/^1 objet sur 13, 1 sélectionné\(s\)$/);
    await expect.poll(() => app.objectRow(LARGE_KEY).locator('.badge').textContent()).toBe('Prêt');
    await harness.screenshot('a11-objects-french');
    await app.button('← Toutes les archives').click();
    await app.page.getByRole('table', { name: 'Archives de tous les produits' }).waitFor();
    await harness.screenshot('a12-archives-french');
    await app.page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
    await app.archivesTable().waitFor();
  });

  it('logged no error and no CSP violation in the page', () => {
    expect(harness.pageErrors).toEqual([]);
  });
});
