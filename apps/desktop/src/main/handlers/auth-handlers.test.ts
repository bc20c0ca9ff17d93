import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProfileList } from '../../shared/ipc-types.js';
import { acceptValidation } from '../testing/accept-validation.js';
import { type DesktopTestKit, startDesktopTestKit } from '../testing/desktop-test-kit.js';
import { logIn } from '../testing/log-in.js';

let kit: DesktopTestKit;
beforeEach(async () => {
  kit = await startDesktopTestKit();
});
afterEach(async () => {
  await kit.close();
});

describe('login, validation and logout', () => {
  it('requests a key, opens the validation page and notices the acceptance by itself', async () => {
    const started = (await kit.call('auth:startLogin', {
      profileName: 'acme',
      endpoint: kit.sandbox.endpoint,
      applicationKey: kit.sandbox.applicationKey,
      applicationSecret: kit.sandbox.applicationSecret,
      preset: 'archive-read',
    })) as { validationUrl: string; profile: { credentialStatus: string; hasCredential: boolean } };
    expect(started.profile).toMatchObject({ credentialStatus: 'pendingValidation', hasCredential: false });
    expect(kit.opened).toEqual([started.validationUrl]);
    const pendingList = (await kit.call('profiles:list', {})) as ProfileList;
    expect(pendingList.active).toBe('acme');

    const validated = kit.events.next(
      'auth:statusChanged',
      (profile) => profile.credentialStatus === 'validated',
    );
    expect(await acceptValidation(started.validationUrl, kit.sandbox.account)).toBeLessThan(400);
    const profile = await validated;
    expect(profile).toMatchObject({
      name: 'acme',
      hasCredential: true,
      access: 'archive-read',
      account: kit.sandbox.account.nichandle,
    });
    expect(await kit.secretStore.get('acme', 'applicationSecret')).toBe(kit.sandbox.applicationSecret);
    expect(await kit.secretStore.get('acme', 'consumerKey')).toMatch(/^\w+$/);
    expect(await kit.profileStore.getDefault()).toBe('acme');
  });

  it('reports a refusal and keeps no profile', async () => {
    const started = (await kit.call('auth:startLogin', {
      profileName: 'nope',
      endpoint: kit.sandbox.endpoint,
      applicationKey: kit.sandbox.applicationKey,
      applicationSecret: kit.sandbox.applicationSecret,
      preset: 'archive-read',
    })) as { validationUrl: string };
    const refused = kit.events.next(
      'auth:statusChanged',
      (profile) => profile.credentialStatus === 'refused',
    );
    await acceptValidation(started.validationUrl, kit.sandbox.account, 'refuse');
    expect((await refused).name).toBe('nope');
    expect(((await kit.call('profiles:list', {})) as ProfileList).profiles).toEqual([]);
  });

  it('never sends the secrets back, in answers or events', async () => {
    await logIn(kit);
    const everything = JSON.stringify([
      await kit.call('profiles:list', {}),
      await kit.call('auth:refreshStatus', {}),
      kit.events.events,
    ]);
    const consumerKey = (await kit.secretStore.get('work', 'consumerKey'))!;
    expect(everything).not.toContain(kit.sandbox.applicationSecret);
    expect(everything).not.toContain(consumerKey);
  });

  it('refuses a wrong application key with advice, before any profile exists', async () => {
    const result = await kit.dispatch(
      'auth:startLogin',
      { url: 'app://ovh-pca/index.html', isMainFrame: true },
      {
        profileName: 'typo',
        endpoint: kit.sandbox.endpoint,
        applicationKey: 'unknownKey123',
        applicationSecret: 'SomeSecretValue42',
        preset: 'archive-read',
      },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'invalidKey', status: 403 } });
    expect(JSON.stringify(result)).not.toContain('SomeSecretValue42');
  });

  it('refuses a plain-http endpoint that is not loopback', async () => {
    const result = await kit.dispatch(
      'auth:startLogin',
      { url: 'app://ovh-pca/index.html', isMainFrame: true },
      {
        profileName: 'x',
        endpoint: 'http://api.example.com/1.0',
        applicationKey: 'abc',
        applicationSecret: 'def456789',
        preset: 'archive-read',
      },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'badArguments', field: 'endpoint' } });
  });

  it('logs out: the key is revoked at the server and forgotten, the application kept', async () => {
    await logIn(kit);
    const consumerKey = (await kit.secretStore.get('work', 'consumerKey'))!;
    const summary = await kit.call('auth:logout', {});
    expect(summary).toMatchObject({ name: 'work', hasCredential: false, credentialStatus: 'none' });
    expect(await kit.secretStore.get('work', 'consumerKey')).toBeUndefined();
    expect(await kit.secretStore.get('work', 'applicationSecret')).toBe(kit.sandbox.applicationSecret);
    const revoked = kit.sandbox.state.auth.credentials.find(
      (credential) => credential.consumerKey === consumerKey,
    );
    expect(revoked?.status).not.toBe('validated');

    const afterwards = await kit.dispatch(
      'archive:listServices',
      { url: 'app://ovh-pca/', isMainFrame: true },
      {},
    );
    expect(afterwards).toMatchObject({ ok: false, error: { code: 'noCredential' } });
  });

  it('logs in again with the stored application, asking nothing else', async () => {
    await logIn(kit);
    await kit.call('auth:logout', {});
    const started = (await kit.call('auth:relogin', { name: 'work', preset: 'archive-read' })) as {
      validationUrl: string;
    };
    const validated = kit.events.next(
      'auth:statusChanged',
      (profile) => profile.credentialStatus === 'validated' && profile.access === 'archive-read',
    );
    await acceptValidation(started.validationUrl, kit.sandbox.account);
    expect(await validated).toMatchObject({ name: 'work', hasCredential: true });
  });

  it('starts the bundled sandbox for a trial and logs in to it', async () => {
    const trial = (await kit.call('auth:startTrial', {})) as {
      validationUrl: string;
      demoAccount: { nichandle: string; password: string };
      profile: { name: string; isTrial: boolean };
    };
    expect(trial.profile).toMatchObject({ name: 'sandbox', isTrial: true });
    const validated = kit.events.next(
      'auth:statusChanged',
      (profile) => profile.credentialStatus === 'validated',
    );
    await acceptValidation(trial.validationUrl, trial.demoAccount);
    expect(await validated).toMatchObject({ name: 'sandbox', isTrial: true, access: 'account-full' });
    const services = (await kit.call('archive:listServices', {})) as unknown[];
    expect(services.length).toBeGreaterThan(0);
  });
});
