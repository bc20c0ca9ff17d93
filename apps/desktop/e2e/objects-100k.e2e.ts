// The objects view at its size goal: an archive of 100,000 objects opened and scrolled to its end
// in Chromium, through main's real handlers and the sandbox's Swift listing (10 pages).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DesktopHarness, startDesktopHarness } from './harness/desktop-harness.js';
import { AppWindow, logInWithSandboxKeys } from './pages/app-window.js';

const OBJECTS = 100_000;
// Bounds on failure, not waits: the sandbox runs in this process and hashes its generated objects
// on their first listing, and 17 MB of listing crosses the harness's CDP binding (not Electron's IPC).
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
