import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type Clock,
  emptyProfilesDocument,
  findProfile,
  type Profile,
  type ProfileInput,
  type ProfileStore,
  ProfileStoreCorruptError,
  type ProfilesDocument,
  removeProfile,
  setDefaultProfile,
  systemClock,
  upsertProfile,
} from '@ovh-pca/core';
import writeFileAtomic from 'write-file-atomic';
import { parseProfilesDocument } from './profiles-file-schema.js';

export const PROFILES_FILE_NAME = 'profiles.json';

export interface FileProfileStoreOptions {
  /** Directory of `profiles.json`, created 0700 when missing. */
  directory: string;
  clock?: Clock;
}

/**
 * Profiles in one JSON file, read by the CLI and the desktop app alike. Every change rereads the
 * file, then replaces it atomically (temp file + rename) with mode 0600, so a reader never sees
 * half a file. Changes from one process are serialised; across processes the last writer wins.
 */
export class FileProfileStore implements ProfileStore {
  readonly filePath: string;
  private readonly directory: string;
  private readonly clock: Clock;
  private pending: Promise<unknown> = Promise.resolve();

  constructor(options: FileProfileStoreOptions) {
    this.directory = options.directory;
    this.filePath = join(options.directory, PROFILES_FILE_NAME);
    this.clock = options.clock ?? systemClock;
  }

  async list(): Promise<Profile[]> {
    return (await this.read()).profiles;
  }

  async get(name: string): Promise<Profile | undefined> {
    return findProfile(await this.read(), name);
  }

  upsert(input: ProfileInput): Promise<Profile> {
    return this.change((doc) => {
      const { doc: next, profile } = upsertProfile(doc, input, this.clock.now());
      return { doc: next, result: profile };
    });
  }

  remove(name: string): Promise<boolean> {
    return this.change((doc) => {
      const { doc: next, removed } = removeProfile(doc, name);
      return { doc: removed ? next : undefined, result: removed };
    });
  }

  async getDefault(): Promise<string | undefined> {
    return (await this.read()).defaultProfile;
  }

  setDefault(name: string | undefined): Promise<void> {
    return this.change((doc) => ({ doc: setDefaultProfile(doc, name), result: undefined }));
  }

  private async read(): Promise<ProfilesDocument> {
    let text: string;
    try {
      text = await readFile(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyProfilesDocument();
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new ProfileStoreCorruptError(this.filePath, `not JSON: ${(error as Error).message}`);
    }
    const parsed = parseProfilesDocument(json);
    if (!parsed.ok) throw new ProfileStoreCorruptError(this.filePath, parsed.reason);
    return parsed.doc;
  }

  /** Read, change, write, one change at a time; `doc: undefined` means nothing to write. */
  private change<T>(
    apply: (doc: ProfilesDocument) => { doc: ProfilesDocument | undefined; result: T },
  ): Promise<T> {
    const run = this.pending.then(async () => {
      const { doc, result } = apply(await this.read());
      if (doc) await this.write(doc);
      return result;
    });
    this.pending = run.catch(() => {});
    return run;
  }

  private async write(doc: ProfilesDocument): Promise<void> {
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.filePath, `${JSON.stringify(doc, null, 2)}\n`, { mode: 0o600 });
  }
}
