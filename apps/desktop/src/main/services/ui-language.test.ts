import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionRow } from '../../shared/ipc-types.js';
import { cliInstallMessage } from '../cli-on-path.js';
import { type DesktopTestKit, startDesktopTestKit } from '../testing/desktop-test-kit.js';
import { logIn } from '../testing/log-in.js';

let kit: DesktopTestKit;
beforeAll(async () => {
  kit = await startDesktopTestKit({ deps: { locale: 'en-US' } });
  await logIn(kit);
});
afterAll(async () => {
  await kit.close();
});

describe('the language main speaks', () => {
  it('starts with the OS language, then follows the one the window sets over IPC', async () => {
    expect(kit.services.language.current).toBe('en');
    expect(await kit.call('app:setLanguage', { language: 'fr' })).toBeNull();
    expect(kit.services.language.current).toBe('fr');

    const session = ((await kit.call('archive:listSessions', {})) as SessionRow[]).find(
      (item) => item.phase === 'ready',
    )!;
    await kit.call('archive:restoreSession', { serviceId: session.serviceId, sessionId: session.id });
    await kit.services.tasks.settle();
    expect(kit.notifications).toContainEqual({
      title: 'Restauration terminée',
      body: `« ${session.name} » : done`,
    });
    expect(cliInstallMessage(kit.services.language.current, true)).toBe(
      'La commande ovh-pca est installée dans /usr/local/bin.',
    );
  });

  it('refuses a language the app does not have, keeping the current one', async () => {
    await kit.call('app:setLanguage', { language: 'en' });
    for (const input of [{ language: 'de' }, { language: 'EN' }, {}, { language: 'fr', extra: 1 }]) {
      await expect(kit.call('app:setLanguage', input)).rejects.toMatchObject({
        serialised: { code: 'badArguments' },
      });
    }
    expect(kit.services.language.current).toBe('en');
    expect(cliInstallMessage(kit.services.language.current, false)).toBe(
      'The ovh-pca command was not installed.',
    );
  });
});
