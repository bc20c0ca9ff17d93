import {
  InvalidProfileNameError,
  isValidProfileName,
  type Profile,
  type ProfileInput,
  ProfileNotFoundError,
} from '../ports/index.js';

/** The persisted shape of every profile store: one document, rewritten whole. */
export interface ProfilesDocument {
  version: 1;
  defaultProfile?: string;
  /** Sorted by name. */
  profiles: Profile[];
}

export const emptyProfilesDocument = (): ProfilesDocument => ({ version: 1, profiles: [] });

export function findProfile(doc: ProfilesDocument, name: string): Profile | undefined {
  return doc.profiles.find((profile) => profile.name === name);
}

/** Returns the new document and the stored profile; `createdAt` survives replacement. */
export function upsertProfile(
  doc: ProfilesDocument,
  input: ProfileInput,
  nowMs: number,
): { doc: ProfilesDocument; profile: Profile } {
  if (!isValidProfileName(input.name)) throw new InvalidProfileNameError(input.name);
  const now = new Date(nowMs).toISOString();
  const previous = findProfile(doc, input.name);
  const profile: Profile = { ...input, createdAt: previous?.createdAt ?? now, updatedAt: now };
  const profiles = [...doc.profiles.filter((p) => p.name !== input.name), profile].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  return { doc: { ...doc, profiles }, profile };
}

export function removeProfile(
  doc: ProfilesDocument,
  name: string,
): { doc: ProfilesDocument; removed: boolean } {
  if (!findProfile(doc, name)) return { doc, removed: false };
  const profiles = doc.profiles.filter((p) => p.name !== name);
  const { defaultProfile, ...rest } = doc;
  return {
    doc: defaultProfile === name ? { ...rest, profiles } : { ...doc, profiles },
    removed: true,
  };
}

export function setDefaultProfile(doc: ProfilesDocument, name: string | undefined): ProfilesDocument {
  const { defaultProfile: _previous, ...rest } = doc;
  if (name === undefined) return rest;
  if (!findProfile(doc, name)) throw new ProfileNotFoundError(name);
  return { ...rest, defaultProfile: name };
}
