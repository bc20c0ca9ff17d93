import { quoteInput } from '../text/quote-input.js';
import type { Profile, ProfileInput } from './profile.js';

/** Non-secret profile data, persisted where both the CLI and the desktop app read it. */
export interface ProfileStore {
  /** Every profile, sorted by name. */
  list(): Promise<Profile[]>;
  get(name: string): Promise<Profile | undefined>;
  /** Creates or replaces a profile; keeps `createdAt` of an existing one, stamps `updatedAt`. */
  upsert(profile: ProfileInput): Promise<Profile>;
  /** Resolves `false` when there was no such profile. Clears the default if it pointed there. */
  remove(name: string): Promise<boolean>;
  getDefault(): Promise<string | undefined>;
  /** Throws `ProfileNotFoundError` for an unknown name; `undefined` clears the default. */
  setDefault(name: string | undefined): Promise<void>;
}

export class ProfileNotFoundError extends Error {
  constructor(readonly profile: string) {
    super(`No profile named ${quoteInput(profile)}.`);
    this.name = 'ProfileNotFoundError';
  }
}

export class InvalidProfileNameError extends Error {
  constructor(readonly profile: string) {
    super(
      `Invalid profile name ${quoteInput(profile)}: use letters, digits, dot, dash or underscore (at most 64).`,
    );
    this.name = 'InvalidProfileNameError';
  }
}

/** The persisted profile data cannot be read as profiles; nothing is overwritten until fixed. */
export class ProfileStoreCorruptError extends Error {
  constructor(
    readonly location: string,
    readonly reason: string,
  ) {
    super(
      `The profile file ${location} is not valid (${reason}). Fix it or move it away; ` +
        'secrets are kept in the OS keychain, not in this file.',
    );
    this.name = 'ProfileStoreCorruptError';
  }
}
