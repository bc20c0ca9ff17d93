import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProfileNotFoundError, ProfileStoreCorruptError } from '@ovh-pca/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileProfileStore } from './file-profile-store.js';

let root: string;
let directory: string;
const now = { ms: Date.parse('2026-03-01T12:00:00Z') };
const store = () => new FileProfileStore({ directory, clock: { now: () => now.ms } });
const input = (name: string) => ({
  name,
  endpoint: 'ovh-eu',
  applicationKey: `AK-${name}`,
  rules: [{ method: 'GET' as const, path: '/cloud/*' }],
});

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'ovh-pca-profiles-'));
  directory = join(root, 'config', 'ovh-pca');
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('FileProfileStore', () => {
  it('starts empty without creating anything', async () => {
    expect(await store().list()).toEqual([]);
    expect(await store().getDefault()).toBeUndefined();
    expect(await readdir(root)).toEqual([]);
  });

  it('creates the directory 0700 and the file 0600, as versioned JSON', async () => {
    await store().upsert(input('acme'));
    expect((await stat(directory)).mode & 0o777).toBe(0o700);
    const file = join(directory, 'profiles.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      version: 1,
      profiles: [
        { ...input('acme'), createdAt: '2026-03-01T12:00:00.000Z', updatedAt: '2026-03-01T12:00:00.000Z' },
      ],
    });
  });

  it('replaces the file by rename (new inode, no temp file left) and keeps 0600', async () => {
    const file = join(directory, 'profiles.json');
    await store().upsert(input('acme'));
    const before = await stat(file);
    await store().upsert(input('beta'));
    const after = await stat(file);
    expect(after.ino).not.toBe(before.ino);
    expect(after.mode & 0o777).toBe(0o600);
    expect(await readdir(directory)).toEqual(['profiles.json']);
  });

  it('never shows a reader half a file while writes go on', async () => {
    const writer = store();
    await writer.upsert(input('p0'));
    const writes = Array.from({ length: 40 }, (_, i) => writer.upsert(input(`p${i + 1}`)));
    const reader = store();
    const reads: number[] = [];
    let done = false;
    const allWritten = Promise.all(writes).then(() => {
      done = true;
    });
    while (!done) reads.push((await reader.list()).length);
    await allWritten;
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((count) => count >= 1 && count <= 41)).toBe(true);
    expect((await reader.list()).map((p) => p.name)).toHaveLength(41);
  });

  it('serialises concurrent changes of one process: none is lost', async () => {
    const shared = store();
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((name) => shared.upsert(input(name))));
    await Promise.all([shared.setDefault('c'), shared.remove('a')]);
    expect((await shared.list()).map((p) => p.name)).toEqual(['b', 'c', 'd', 'e']);
    expect(await shared.getDefault()).toBe('c');
  });

  it('is shared by two instances (CLI and desktop) through the file', async () => {
    const cli = store();
    const desktop = store();
    await cli.upsert(input('acme'));
    await desktop.setDefault('acme');
    now.ms += 1000;
    await desktop.upsert({ ...input('acme'), archiveService: 'pp-1/pca-1' });
    expect(await cli.get('acme')).toMatchObject({
      archiveService: 'pp-1/pca-1',
      createdAt: '2026-03-01T12:00:00.000Z',
      updatedAt: '2026-03-01T12:00:01.000Z',
    });
    expect(await cli.getDefault()).toBe('acme');
    expect(await cli.remove('acme')).toBe(true);
    expect(await desktop.getDefault()).toBeUndefined();
    expect(await desktop.remove('acme')).toBe(false);
    await expect(desktop.setDefault('acme')).rejects.toBeInstanceOf(ProfileNotFoundError);
  });

  it('keeps fields written by a newer version', async () => {
    await store().upsert(input('acme'));
    const file = join(directory, 'profiles.json');
    const doc = JSON.parse(await readFile(file, 'utf8'));
    doc.profiles[0].colour = 'blue';
    doc.theme = 'dark';
    await writeFile(file, JSON.stringify(doc));
    await store().upsert(input('beta'));
    const rewritten = JSON.parse(await readFile(file, 'utf8'));
    expect(rewritten.theme).toBe('dark');
    expect(rewritten.profiles[0].colour).toBe('blue');
  });

  describe('a corrupt file', () => {
    const corrupt = async (text: string) => {
      await store().upsert(input('acme'));
      await writeFile(join(directory, 'profiles.json'), text);
    };

    it('is reported clearly, with the path and the reason', async () => {
      await corrupt('{"version":1,"profiles":[');
      const error = await store()
        .list()
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ProfileStoreCorruptError);
      expect((error as Error).message).toContain(join(directory, 'profiles.json'));
      expect((error as Error).message).toMatch(/not JSON/);
      expect((error as Error).message).toMatch(/secrets are kept in the OS keychain/);
    });

    it.each([
      ['{"version":2,"profiles":[]}', /version: unsupported version/],
      ['{"version":1,"profiles":[{"name":"a b"}]}', /profiles\.0\.name: invalid profile name/],
      ['{"version":1,"defaultProfile":"x","profiles":[]}', /defaultProfile names no profile/],
      ['[]', /not valid/],
    ])('%s is refused', async (text, reason) => {
      await corrupt(text);
      await expect(store().get('acme')).rejects.toThrow(reason);
    });

    it('is not overwritten by a change', async () => {
      await corrupt('garbage');
      await expect(store().upsert(input('beta'))).rejects.toBeInstanceOf(ProfileStoreCorruptError);
      expect(await readFile(join(directory, 'profiles.json'), 'utf8')).toBe('garbage');
    });
  });
});
