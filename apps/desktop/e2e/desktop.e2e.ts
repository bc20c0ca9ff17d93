// The app as a user drives it: Chromium on the real renderer, the real main-process handlers,
// the sandbox, the real Secret Service. Steps run in order and share one window, like a session.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DesktopHarness, SCREENSHOT_DIRECTORY, startDesktopHarness } from './harness/desktop-harness.js';
import { AppWindow, acceptInBrowser } from './pages/app-window.js';

let harness: DesktopHarness;
let app: AppWindow;

beforeAll(async () => {
  harness = await startDesktopHarness();
  app = new AppWindow(harness.page);
}, 60_000);

afterAll(async () => {
  await harness?.close();
});

// The steps build on each other: after a failure the rest would only time out, so they are skipped.
let broken = false;
beforeEach((context) => {
  if (broken) context.skip();
});
afterEach((context) => {
  if (context.task.result?.state === 'fail') broken = true;
});

describe('desktop app end to end', () => {
  it('first run: logs in through the validation page, noticed without any click in the app', async () => {
    await app.waitLoaded();
    await app.page.getByRole('heading', { name: 'Connect to your OVHcloud account' }).waitFor();
    await harness.screenshot('01-first-run');
    await app.fillLogin({
      profileName: 'work',
      endpointUrl: harness.sandbox.endpoint,
      applicationKey: harness.sandbox.applicationKey,
      applicationSecret: harness.sandbox.applicationSecret,
      preset: /Archives, full/,
    });
    const browserPage = harness.nextBrowserPage();
    await app.button('Request access').click();
    await app.page.getByRole('heading', { name: 'Validate the access in your browser' }).waitFor();
    await harness.screenshot('02-validation-wait');

    const validation = await browserPage;
    await validation.getByRole('button', { name: 'Accept' }).waitFor();
    await validation.screenshot({ path: `${SCREENSHOT_DIRECTORY}/03-validation-page.png` });
    await acceptInBrowser(validation, harness.sandbox.account);

    // The first screen lists every product's archives; the legacy sessions have their own.
    await app.archiveRows().first().waitFor();
    await expect.poll(() => app.page.getByRole('combobox', { name: 'Profile' }).inputValue()).toBe('work');
    await app.nav('PCA sessions').click();
    await app.sessionRows().first().waitFor();
    await harness.screenshot('04-archives');
  });

  it('browses sessions: sorts, searches and opens the details and files of one', async () => {
    await expect.poll(() => app.sessionsCount().textContent()).toMatch(/^(\d+) of \1 sessions$/);
    const first = app.sessionRows().first();
    const name = (await first.locator('td').first().textContent())!.trim();
    await first.click();
    await expect.poll(() => app.sessionHeading().textContent()).toBe(name);
    const files = app.page.getByRole('table', { name: 'Files of the session' });
    await expect.poll(() => files.locator('tbody tr').count()).toBe(6);
    await harness.screenshot('05-session-details');

    await app.page.getByRole('searchbox').fill(name);
    await expect.poll(() => app.sessionsCount().textContent()).toMatch(/^1 of \d+ sessions$/);
    await app.page.getByRole('searchbox').fill('');
  });

  it('moves through the table with the keyboard', async () => {
    const rows = app.sessionRows();
    await rows.first().click();
    await app.page.keyboard.press('ArrowDown');
    await expect.poll(() => rows.nth(1).getAttribute('aria-selected')).toBe('true');
    await expect
      .poll(() => app.page.evaluate(() => document.activeElement?.getAttribute('data-index')))
      .toBe('1');
  });

  it('renames a session in place', async () => {
    await app.sessionRows().first().click();
    await app.button('Rename').click();
    const input = app.field('New name for the session');
    await input.fill('Quarterly "Q3" archive');
    await input.press('Enter');
    await app.toast('Renamed to "Quarterly "Q3" archive".').waitFor();
    await app.sessionsTable().getByText('Quarterly "Q3" archive').waitFor();
  });

  it('restores a session after a confirmation, and follows the task to completion', async () => {
    await app.readySessionRows().first().click();
    await app.button('Restore…').click();
    const dialog = app.dialog(/^Restore ".*"\?$/);
    await expect.poll(() => dialog.textContent()).toMatch(/6 files/);
    await harness.screenshot('06-restore-confirm');
    await dialog.getByRole('button', { name: 'Restore the session' }).click();
    await app.toast(/^Task \d+ started: Restore\.$/).waitFor();

    await app.nav('Tasks').click();
    await app.page.locator('.live-tasks li[data-task-phase="done"]').waitFor({ timeout: 20_000 });
    await app.toast(/finished: Done\./).waitFor();
    await harness.screenshot('07-tasks');
    await expect
      .poll(() => harness.notifications.some((note) => note.title === 'Restore finished'))
      .toBe(true);
  });

  it('draws the storage charts', async () => {
    await app.nav('Storage').click();
    await app.page.locator('.recharts-surface').first().waitFor();
    await expect.poll(() => app.page.locator('.storage-total').textContent()).toMatch(/^Total stored: /);
    await harness.screenshot('09-storage');
  });

  it('previews a retention run, then deletes exactly what the preview listed', async () => {
    await app.nav('PCA sessions').click();
    // Every session loaded (shown = total) before the total is taken.
    await expect.poll(() => app.sessionsCount().textContent()).toMatch(/^(\d+) of \1 sessions$/);
    const total = Number((await app.sessionsCount().textContent())!.match(/of (\d+)/)![1]);
    await app.button('Retention…').click();
    await app.field('Older than').fill('1');
    await app.field('Unit').selectOption('h');
    await app.button('Preview').click();
    const summary = app.page.locator('.prune-summary');
    await expect.poll(() => summary.textContent()).toMatch(/^\d+ sessions/);
    const count = Number((await summary.textContent())!.match(/^(\d+) sessions/)![1]);
    expect(count).toBeGreaterThan(0);
    await harness.screenshot('08-prune-preview');
    await app.button(/^Delete \d+ sessions/).click();
    const dialog = app.dialog(/for good\?$/);
    await dialog.getByRole('button', { name: /^Delete \d+ sessions/ }).click();
    await app.page.getByRole('status').filter({ hasText: 'deletions started' }).waitFor();
    await expect
      .poll(async () => Number((await app.sessionsCount().textContent())!.match(/of (\d+)/)![1]), {
        timeout: 20_000,
      })
      .toBeLessThan(total);
  });

  it('calls the API from the console, with path completion from the schema', async () => {
    await app.nav('API console').click();
    const path = app.field('Path');
    // /cloud/ alone has more routes (Public Cloud projects) than the list shows at once.
    await path.fill('/cloud/{serviceName}/');
    await expect
      .poll(() =>
        app.page
          .getByTestId('path-suggestions')
          .locator('option')
          .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value)),
      )
      .toContain('/cloud/{serviceName}/pca');
    await path.fill('/me');
    await app.button('Send').click();
    await app.page.getByTestId('answer-meta').getByText('Status 200').waitFor();
    await expect.poll(() => app.page.getByTestId('answer-meta').textContent()).toMatch(/OVH query id: \S+/);
    await expect
      .poll(() => app.page.getByTestId('answer-body').textContent())
      .toContain(harness.sandbox.account.nichandle);
    await app.page.locator('.history-list li').first().waitFor();
    await harness.screenshot('10-console');

    await app.field('Method').selectOption('DELETE');
    await path.fill('/me/api/credential/999999');
    await app.button('Send').click();
    const confirm = app.dialog(/^Send DELETE/);
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    // Nothing to wait for: a cancelled call must add nothing, now or later.
    expect(await app.page.locator('.history-list li').count()).toBe(1);
  });

  it('adds a second profile and switches between them from the window', async () => {
    const customer = harness.sandbox.createAccount();
    await app.nav('Profiles').click();
    await app.button('Add a profile').click();
    await app.fillLogin({
      profileName: 'customer',
      endpointUrl: harness.sandbox.endpoint,
      applicationKey: harness.sandbox.applicationKey,
      applicationSecret: harness.sandbox.applicationSecret,
      preset: /Archives, read only/,
    });
    const browserPage = harness.nextBrowserPage();
    await app.button('Request access').click();
    await acceptInBrowser(await browserPage, customer);
    const switcher = app.page.getByRole('combobox', { name: 'Profile' });
    await expect.poll(() => switcher.inputValue()).toBe('customer');
    await expect
      .poll(() => switcher.locator('option').allTextContents())
      .toEqual([`customer (${customer.nichandle})`, `work (${harness.sandbox.account.nichandle})`]);
    await app.nav('Profiles').click();
    await app.page.locator('[data-profile="customer"]').getByText('Archives, read only').waitFor();
    await harness.screenshot('11-profiles');

    await switcher.selectOption('work');
    // The badge follows main's answer: once it moves, main works on "work" and so will Archives.
    await app.page.locator('[data-profile="work"] .badge').getByText('Active', { exact: true }).waitFor();
    await expect.poll(() => switcher.inputValue()).toBe('work');
    await app.nav('PCA sessions').click();
    await app.sessionRows().first().waitFor();
    await expect.poll(() => switcher.inputValue()).toBe('work');
  });

  it('speaks French when asked, and keeps the choice', async () => {
    await app.page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
    await app.page.getByRole('navigation').getByRole('button', { name: 'Stockage' }).waitFor();
    await expect.poll(() => app.page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await app.sessionRows().first().waitFor();
    await expect.poll(() => app.sessionsCount().textContent()).toMatch(/^\d+ sessions sur \d+$/);
    await harness.screenshot('12-french');
    await app.page.reload();
    await app.page.getByRole('navigation').getByRole('button', { name: 'Tâches' }).waitFor();
    await app.page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
    await app.nav('Tasks').waitFor();
  });

  it('follows a dark OS theme and stays usable at 200 % zoom', async () => {
    await app.page.emulateMedia({ colorScheme: 'dark' });
    await app.nav('PCA sessions').click();
    await app.sessionRows().first().waitFor();
    await expect
      .poll(() => app.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor))
      .toBe('rgb(16, 22, 30)');
    await harness.screenshot('13-dark');

    // 200 % zoom of a 1280×800 window: half as many CSS pixels, drawn twice as large.
    await app.page.setViewportSize({ width: 640, height: 400 });
    await app.page.emulateMedia({ colorScheme: 'light' });
    const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await harness.screenshot('14-zoom-200');
    await app.page.setViewportSize({ width: 1280, height: 800 });
  });

  it('logged no error and no CSP violation in the page', () => {
    expect(harness.pageErrors).toEqual([]);
  });
});
