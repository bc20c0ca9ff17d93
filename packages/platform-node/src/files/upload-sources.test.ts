import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValidationError } from '@ovh-pca/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectUploadSources } from './upload-sources.js';

// Paths as a user names them, walked into upload sources (real folders, links included).
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ovh-pca-sources-'));
  await mkdir(join(dir, 'photos', '2024', 'été'), { recursive: true });
  await writeFile(join(dir, 'photos', '2024', 'été', 'plage.jpg'), randomBytes(300));
  await writeFile(join(dir, 'photos', '2024', 'a.jpg'), randomBytes(10));
  await writeFile(join(dir, 'photos', 'z.txt'), 'z');
  await mkdir(join(dir, 'photos', 'empty'));
  // A link back up must not loop; a dangling one holds nothing.
  await symlink(join(dir, 'photos'), join(dir, 'photos', '2024', 'loop'));
  await symlink(join(dir, 'nowhere'), join(dir, 'photos', 'dangling'));
  await writeFile(join(dir, 'notes.txt'), 'hello');
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('upload sources', () => {
  it('a folder keeps its name, its files keyed with / and sorted; a file is keyed by its name', async () => {
    const sources = await collectUploadSources([join(dir, 'photos'), join(dir, 'notes.txt')]);
    expect(sources.map((source) => [source.key, source.bytes])).toEqual([
      ['photos/2024/a.jpg', 10],
      ['photos/2024/été/plage.jpg', 300],
      ['photos/z.txt', 1],
      ['notes.txt', 5],
    ]);
    expect(sources[3]!.path).toBe(join(dir, 'notes.txt'));
    expect(sources[3]!.modifiedMs).toBeGreaterThan(0);
  });

  it('--prefix becomes a folder (a / added unless given)', async () => {
    const plain = await collectUploadSources([join(dir, 'notes.txt')], { prefix: 'backups' });
    const slashed = await collectUploadSources([join(dir, 'notes.txt')], { prefix: 'backups/2026/' });
    expect(plain.map((source) => source.key)).toEqual(['backups/notes.txt']);
    expect(slashed.map((source) => source.key)).toEqual(['backups/2026/notes.txt']);
  });

  it('refuses, before anything, a missing path, two paths on one key and an over-long key', async () => {
    await expect(collectUploadSources([join(dir, 'missing.txt')])).rejects.toThrow(
      /Cannot upload ".*missing\.txt": no such file or folder/,
    );
    await expect(collectUploadSources([join(dir, 'notes.txt'), join(dir, 'notes.txt')])).rejects.toThrow(
      /would both be uploaded as "notes\.txt"/,
    );
    const refused = collectUploadSources([join(dir, 'notes.txt')], { prefix: 'p'.repeat(1020) });
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toThrow(/1030 bytes, at most 1024 allowed \(from ".*notes\.txt"\)/);
    await expect(collectUploadSources([''])).rejects.toThrow(/must not be empty/);
  });

  it.skipIf(process.getuid?.() === 0)('refuses a file it cannot read', async () => {
    const locked = join(dir, 'locked.txt');
    await writeFile(locked, 'secret');
    await chmod(locked, 0o000);
    await expect(collectUploadSources([locked])).rejects.toThrow(/permission denied/);
  });
});
