// The objects view at its size goal: an archive of 100,000 objects opened and scrolled to its end
// in Chromium, through main's real handlers and the sandbox's Swift listing (10 pages).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DesktopHarness, startDesktopHarness } from './harness/desktop-harness.js';
import { AppWindow, logInWithSandboxKeys } from './pages/app-window.js';

const OBJECTS = 100_000;
// A bound on failure, not a wait: 17 MB of listing crosses the harness's binding (not Electron's IPC)
// on a 2-core machine shared with other suites.
const BOUND = { timeout: 120_000 };

let harness: DesktopHarness;
let app: AppWindow;

beforeAll(async () => {
  harness = await startDesktopHarness({ sandbox: { objects: OBJECTS } });
  app = new AppWindow(harness.page);
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

describe(`an archive of ${OBJECTS.toLocaleString('en')} objects`, () => {
  it('opens virtualised and scrolls to its last object', async () => {
    await logInWithSandboxKeys(app, harness);
    // The sandbox hashes its generated objects on their first listing, in this very process: list
    // once from main, so the window's own listing is what the bound below is about.
    const { archives } = await harness.services.sessions.connection();
    const backend = archives.backend('cloud-archive');
    const bhs = (await backend.listArchives()).find((archive) => archive.name === 'archives-bhs')!;
    await backend.listObjects(bhs);
    await app.button('Open archives-bhs').click();
    await expect
      .poll(() => app.objectsCount().textContent(), BOUND)
      .toBe(`${OBJECTS} of ${OBJECTS} objects, 0 selected`);
    // Only a screenful of rows is in the DOM, not 100,000.
    expect(await app.objectsTable().locator('tbody tr[data-key]').count()).toBeLessThan(80);
    await harness.screenshot('b01-objects-100k');
    const scroll = app.page.getByTestId('objects-scroll');
    await scroll.evaluate((element) => {
      element.scrollTop = element.scrollHeight / 2;
    });
    await app.objectsTable().locator('tbody tr[data-key^="data/part-0"]').first().waitFor();
    await scroll.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    await app.objectRow(`data/part-${String(OBJECTS - 1).padStart(6, '0')}.bin`).waitFor();
    await harness.screenshot('b02-objects-100k-end');
    expect(harness.pageErrors).toEqual([]);
  }, 300_000);
});
