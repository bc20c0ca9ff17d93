import {
  type Clock,
  type Profile,
  type ProfileInput,
  type ProfileStore,
  systemClock,
} from '../ports/index.js';
import {
  emptyProfilesDocument,
  findProfile,
  type ProfilesDocument,
  removeProfile,
  setDefaultProfile,
  upsertProfile,
} from './profiles-document.js';

/** A profile store that forgets everything on exit: for tests and throwaway sessions. */
export class InMemoryProfileStore implements ProfileStore {
  private doc: ProfilesDocument = emptyProfilesDocument();

  constructor(private readonly clock: Clock = systemClock) {}

  async list(): Promise<Profile[]> {
    return structuredClone(this.doc.profiles);
  }

  async get(name: string): Promise<Profile | undefined> {
    const profile = findProfile(this.doc, name);
    return profile && structuredClone(profile);
  }

  async upsert(input: ProfileInput): Promise<Profile> {
    const { doc, profile } = upsertProfile(this.doc, structuredClone(input), this.clock.now());
    this.doc = doc;
    return structuredClone(profile);
  }

  async remove(name: string): Promise<boolean> {
    const { doc, removed } = removeProfile(this.doc, name);
    this.doc = doc;
    return removed;
  }

  async getDefault(): Promise<string | undefined> {
    return this.doc.defaultProfile;
  }

  async setDefault(name: string | undefined): Promise<void> {
    this.doc = setDefaultProfile(this.doc, name);
  }
}
