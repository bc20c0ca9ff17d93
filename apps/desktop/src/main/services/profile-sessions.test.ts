import { InMemoryProfileStore, type Profile } from '@ovh-pca/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProfileList } from '../../shared/ipc-types.js';
import { acceptValidation } from '../testing/accept-validation.js';
import { type DesktopTestKit, startDesktopTestKit } from '../testing/desktop-test-kit.js';
import { logIn } from '../testing/log-in.js';

/** A profile store whose next `list()` reads the profiles at once but answers only when released. */
class HeldListStore extends InMemoryProfileStore {
  #hold: { read: () => void; released: Promise<void> } | undefined;

  /** Resolves once the held list has read the profiles; `release` lets it answer. */
  holdNextList(): { read: Promise<void>; release: () => void } {
    let release!: () => void;
    let read!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const readPromise = new Promise<void>((resolve) => {
      read = resolve;
    });
    this.#hold = { read, released };
    return { read: readPromise, release };
  }

  override async list(): Promise<Profile[]> {
    const profiles = await super.list();
    const hold = this.#hold;
    this.#hold = undefined;
    if (hold) {
      hold.read();
      await hold.released;
    }
    return profiles;
  }
}

let kit: DesktopTestKit | undefined;
afterEach(async () => {
  await kit?.close();
  kit = undefined;
});

describe('active profile', () => {
  it('a profile list read while a login finishes keeps the profile that login made active', async () => {
    const profileStore = new HeldListStore();
    kit = await startDesktopTestKit({ deps: { profileStore } });
    await logIn(kit, 'work');
    const started = (await kit.call('auth:startLogin', {
      profileName: 'customer',
      endpoint: kit.sandbox.endpoint,
      applicationKey: kit.sandbox.applicationKey,
      applicationSecret: kit.sandbox.applicationSecret,
      preset: 'archive-read',
    })) as { validationUrl: string };

    // The window asks for the list while "customer" is still waiting for its validation...
    const held = profileStore.holdNextList();
    const listing = kit.call('profiles:list', {});
    await held.read;
    // ...and the validation lands before that list is answered.
    const validated = kit.events.next(
      'auth:statusChanged',
      (profile) => profile.name === 'customer' && profile.credentialStatus === 'validated',
    );
    await acceptValidation(started.validationUrl, kit.sandbox.account);
    await validated;
    held.release();
    await listing;

    const after = (await kit.call('profiles:list', {})) as ProfileList;
    expect(after.active).toBe('customer');
    expect(after.profiles.map((profile) => profile.name)).toEqual(['customer', 'work']);
  });

  it('falls back to another profile when the active one is removed', async () => {
    kit = await startDesktopTestKit();
    await logIn(kit, 'work');
    await logIn(kit, 'customer');
    const removed = (await kit.call('profiles:remove', { name: 'customer' })) as ProfileList;
    expect(removed.active).toBe('work');
  });
});
