// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileList, ProfileSummary } from '../shared/ipc-types.js';
import { App } from './app.js';
import { createFakeBridge, FakeBridgeError } from './testing/fake-bridge.js';
import { giveElementsABox } from './testing/fake-layout.js';
import { renderWithBridge, testProfile } from './testing/render-with-bridge.js';
import { sampleSessions } from './testing/sample-data.js';

let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = giveElementsABox();
});
afterAll(() => restoreLayout());
afterEach(cleanup);

function appBridge(initial: ProfileList) {
  const bridge = createFakeBridge();
  let profiles = initial;
  bridge.stub('profiles:list', () => profiles);
  bridge.stub('app:getInfo', () => ({
    version: '1',
    platform: 'linux',
    locale: 'en-US',
    endpoints: [{ name: 'ovh-eu', url: 'https://eu.api.ovh.com/1.0' }],
  }));
  bridge.stub('archive:listServices', () => [
    { kind: 'pca', id: 'pp/pca-1', passport: 'pp', serviceName: 'pca-1' },
  ]);
  bridge.stub('archive:listSessions', () => sampleSessions(20, 'pp/pca-1'));
  bridge.stub('app:setLanguage', () => null);
  // The first screen: every product's archives.
  bridge.stub('archives:list', () => [
    {
      product: 'legacy-pca',
      project: 'pp',
      region: null,
      name: 'pca-1',
      state: 'active',
      phase: 'open',
      objects: 20,
      bytes: 2e9,
      capabilities: ['list', 'retrieve', 'delete', 'prune'],
      lockedUntil: null,
      restoredUntil: null,
      steps: [],
    },
    {
      product: 'cloud-archive',
      project: 'a'.repeat(32),
      region: 'GRA',
      name: 'archives-gra',
      state: 'active',
      phase: 'open',
      objects: 12,
      bytes: 1e6,
      capabilities: ['list', 'retrieve', 'download', 'upload', 'delete', 'prune'],
      lockedUntil: null,
      restoredUntil: null,
      steps: [],
    },
  ]);
  return { bridge, setProfiles: (next: ProfileList) => (profiles = next) };
}

const pending: ProfileSummary = {
  ...testProfile,
  hasCredential: false,
  credentialStatus: 'pendingValidation',
  account: null,
  validationUrl: 'https://eu.api.ovh.com/auth/?credentialToken=abc',
};

describe('app shell', () => {
  it('first run: asks for the application, requests access, waits, then shows the archives', async () => {
    const { bridge, setProfiles } = appBridge({ active: null, profiles: [] });
    bridge.stub('auth:startLogin', () => {
      setProfiles({ active: 'work', profiles: [pending] });
      return { profile: pending, validationUrl: pending.validationUrl! };
    });
    renderWithBridge(<App />, bridge, { profile: null });

    fireEvent.change(await screen.findByLabelText('Profile name'), { target: { value: 'work' } });
    fireEvent.change(screen.getByLabelText('Application key'), { target: { value: 'AppKey123' } });
    fireEvent.change(screen.getByLabelText('Application secret'), { target: { value: 'AppSecret456' } });
    fireEvent.click(screen.getByRole('radio', { name: /Archives, read only/ }));
    fireEvent.submit(screen.getByRole('button', { name: 'Request access' }).closest('form')!);

    expect(await screen.findByRole('heading', { name: 'Validate the access in your browser' })).toBeTruthy();
    expect(bridge.callsOf('auth:startLogin')).toEqual([
      {
        profileName: 'work',
        endpoint: 'ovh-eu',
        applicationKey: 'AppKey123',
        applicationSecret: 'AppSecret456',
        preset: 'archive-read',
      },
    ]);
    // The typed secret does not stay in the form once main has it.
    expect(document.body.innerHTML).not.toContain('AppSecret456');

    setProfiles({ active: 'work', profiles: [testProfile] });
    act(() => bridge.emit('auth:statusChanged', testProfile));
    expect(await screen.findByText('2 archives')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'PCA sessions' }));
    expect(await screen.findByText('20 of 20 sessions')).toBeTruthy();
    expect(document.querySelector('[data-app-state="loaded"]')).not.toBeNull();
  });

  it('opens the validation page again on request', async () => {
    const { bridge } = appBridge({ active: 'work', profiles: [pending] });
    bridge.stub('auth:reopenValidation', () => null);
    renderWithBridge(<App />, bridge, { profile: null });
    fireEvent.click(await screen.findByRole('button', { name: 'Open the validation page again' }));
    await waitFor(() => expect(bridge.callsOf('auth:reopenValidation')).toEqual([{}]));
  });

  it('shows French when the language is switched', async () => {
    const { bridge } = appBridge({ active: 'work', profiles: [testProfile] });
    renderWithBridge(<App />, bridge, { profile: null });
    await screen.findByText('2 archives');
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'fr' } });
    expect(await screen.findByRole('table', { name: 'Archives de tous les produits' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: 'Public Cloud Archive (historique)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Stockage' })).toBeTruthy();
    await waitFor(() => expect(document.documentElement.lang).toBe('fr'));
    // Main learns the choice too, for its notifications and dialogs.
    await waitFor(() =>
      expect(bridge.callsOf('app:setLanguage')).toEqual([{ language: 'en' }, { language: 'fr' }]),
    );
  });

  it('announces a clock correction from main', async () => {
    const { bridge } = appBridge({ active: 'work', profiles: [testProfile] });
    renderWithBridge(<App />, bridge, { profile: null });
    await screen.findByText('2 archives');
    act(() => bridge.emit('app:notice', { kind: 'clockSkewHealed', message: '' }));
    expect(await screen.findByText(/calls are corrected automatically/)).toBeTruthy();
  });
});

/** A promise the test settles by hand, to hold a bridge answer while it looks at the window. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

describe('profile switcher', () => {
  const customer: ProfileSummary = { ...testProfile, name: 'customer', account: 'cu98765-ovh' };
  const onCustomer: ProfileList = { active: 'customer', profiles: [customer, testProfile] };
  const onWork: ProfileList = { active: 'work', profiles: [customer, testProfile] };

  it('keeps showing the profile the user picked while main switches to it', async () => {
    const { bridge, setProfiles } = appBridge(onCustomer);
    const switched = deferred<ProfileSummary>();
    bridge.stub('profiles:switch', () => switched.promise);
    renderWithBridge(<App />, bridge, { profile: null });
    const switcher = (await screen.findByRole('combobox', { name: 'Profile' })) as HTMLSelectElement;
    await waitFor(() => expect(switcher.value).toBe('customer'));

    fireEvent.change(switcher, { target: { value: 'work' } });
    await waitFor(() => expect(bridge.callsOf('profiles:switch')).toEqual([{ name: 'work' }]));
    // Main has not answered yet: the window must not show the old profile as chosen.
    expect(switcher.value).toBe('work');

    setProfiles(onWork);
    switched.resolve(testProfile);
    await waitFor(() => expect(switcher.disabled).toBe(false));
    expect(switcher.value).toBe('work');
  });

  it('does not let a profile list main gave before the switch bring the old profile back', async () => {
    const { bridge, setProfiles } = appBridge(onCustomer);
    renderWithBridge(<App />, bridge, { profile: null });
    const switcher = (await screen.findByRole('combobox', { name: 'Profile' })) as HTMLSelectElement;
    await waitFor(() => expect(switcher.value).toBe('customer'));

    // A login that just finished announces itself: the window asks main for the list again, and
    // that answer, computed while "customer" was still active, arrives only after the switch.
    const staleList = deferred<ProfileList>();
    bridge.stub('profiles:list', () => staleList.promise);
    act(() => bridge.emit('auth:statusChanged', customer));
    await waitFor(() => expect(bridge.callsOf('profiles:list').length).toBe(2));
    bridge.stub('profiles:switch', () => {
      setProfiles(onWork);
      bridge.stub('profiles:list', () => onWork);
      return testProfile;
    });
    fireEvent.change(switcher, { target: { value: 'work' } });
    await waitFor(() => expect(bridge.callsOf('profiles:switch')).toEqual([{ name: 'work' }]));
    staleList.resolve(onCustomer);

    await waitFor(() => expect(switcher.disabled).toBe(false));
    expect(switcher.value).toBe('work');
    expect(await screen.findByText('2 archives')).toBeTruthy();
    expect(switcher.value).toBe('work');
  });

  it("puts main's answer back when the switch fails", async () => {
    const { bridge } = appBridge(onCustomer);
    bridge.stub('profiles:switch', () => {
      throw new FakeBridgeError({
        code: 'keychainUnavailable',
        message: 'The keychain is locked',
        queryId: null,
        status: null,
        field: null,
      });
    });
    renderWithBridge(<App />, bridge, { profile: null });
    const switcher = (await screen.findByRole('combobox', { name: 'Profile' })) as HTMLSelectElement;
    await waitFor(() => expect(switcher.value).toBe('customer'));
    fireEvent.change(switcher, { target: { value: 'work' } });
    await waitFor(() => expect(bridge.callsOf('profiles:switch')).toEqual([{ name: 'work' }]));
    expect(await screen.findByText(/keychain/i)).toBeTruthy();
    await waitFor(() => expect(switcher.disabled).toBe(false));
    expect(switcher.value).toBe('customer');
  });
});
