// Locators of the app window, in one place, by role and accessible name as a user finds them.
import type { Locator, Page } from 'playwright-core';

export class AppWindow {
  constructor(readonly page: Page) {}

  /** The readiness marker the shell sets once profiles are known. */
  async waitLoaded(): Promise<void> {
    await this.page.locator('[data-app-state="loaded"]').waitFor();
  }

  nav(name: string | RegExp): Locator {
    return this.page.getByRole('navigation').getByRole('button', { name });
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name });
  }

  field(label: string | RegExp, exact = false): Locator {
    return this.page.getByLabel(label, { exact });
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  archivesTable(): Locator {
    return this.page.getByRole('table', { name: /Archives of every product|Archives de tous les produits/ });
  }

  archiveRows(): Locator {
    return this.archivesTable().locator('tbody tr');
  }

  objectsTable(): Locator {
    return this.page.getByRole('table', { name: /Objects of the archive|Objets de l’archive/ });
  }

  objectRow(key: string): Locator {
    return this.objectsTable().locator(`tbody tr[data-key="${key.replace(/"/g, '\\"')}"]`);
  }

  objectsCount(): Locator {
    return this.page.getByTestId('objects-count');
  }

  transfer(state?: 'running' | 'done' | 'cancelled' | 'failed'): Locator {
    return this.page.locator(state ? `.transfers li[data-transfer-state="${state}"]` : '.transfers li');
  }

  sessionsTable(): Locator {
    return this.page.getByRole('table', { name: /Archive sessions|Sessions d’archive/ });
  }

  sessionRows(): Locator {
    return this.sessionsTable().locator('tbody tr[data-session-id]');
  }

  /** Sessions whose upload ended and that nothing is acting on: the ones restore and delete accept. */
  readySessionRows(): Locator {
    return this.sessionRows().filter({ has: this.page.locator('.phase-ready') });
  }

  sessionsCount(): Locator {
    return this.page.getByTestId('sessions-count');
  }

  sessionHeading(): Locator {
    return this.page.locator('.session-details h3.session-name');
  }

  toast(text: string | RegExp): Locator {
    return this.page.locator('.toast-region').getByText(text);
  }

  alert(): Locator {
    return this.page.getByRole('alert');
  }

  async fillLogin(input: {
    profileName: string;
    endpointUrl: string;
    applicationKey: string;
    applicationSecret: string;
    preset: RegExp;
  }): Promise<void> {
    await this.field('Profile name').fill(input.profileName);
    await this.field('Endpoint', true).selectOption('custom-url');
    await this.field('Endpoint URL').fill(input.endpointUrl);
    await this.field('Application key').fill(input.applicationKey);
    await this.field('Application secret').fill(input.applicationSecret);
    await this.page.getByRole('radio', { name: input.preset }).check();
  }
}

/** First run with the sandbox's application keys: the form, the validation page accepted, the archives shown. */
export async function logInWithSandboxKeys(
  app: AppWindow,
  harness: {
    sandbox: {
      endpoint: string;
      applicationKey: string;
      applicationSecret: string;
      account: { nichandle: string; password: string };
    };
    nextBrowserPage(): Promise<Page>;
  },
): Promise<void> {
  await app.waitLoaded();
  await app.fillLogin({
    profileName: 'work',
    endpointUrl: harness.sandbox.endpoint,
    applicationKey: harness.sandbox.applicationKey,
    applicationSecret: harness.sandbox.applicationSecret,
    preset: /Archives, full/,
  });
  const browserPage = harness.nextBrowserPage();
  await app.button('Request access').click();
  await acceptInBrowser(await browserPage, harness.sandbox.account);
  // Main noticed the acceptance: the window shows the first screen.
  await app.archivesTable().waitFor();
}

/** The sandbox's validation page, as the account holder sees it in the browser. */
export async function acceptInBrowser(
  page: Page,
  account: { nichandle: string; password: string },
): Promise<void> {
  await page.getByLabel(/Account ID/).fill(account.nichandle);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Accept' }).click();
}
