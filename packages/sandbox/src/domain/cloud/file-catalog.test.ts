import { describe, expect, it } from 'vitest';
import { fileChecksums, findSessionFile, sessionFiles } from './file-catalog.js';

const session = { id: '51d542f302ee4c5466000000', fileCount: 25, size: 123_456_789_012 };

describe('file catalogue', () => {
  it('derives the same files every time, ids prefixed by the session, sizes adding up', () => {
    const files = sessionFiles(session);
    expect(files).toHaveLength(25);
    expect(sessionFiles({ ...session })).toEqual(files);
    expect(files[0]!.id).toBe('51d542f302ee4c5466000001');
    expect(files[24]!.id).toBe('51d542f302ee4c5466000019');
    expect(files.reduce((sum, file) => sum + file.size, 0)).toBe(session.size);
    expect(new Set(files.map((file) => file.name)).size).toBe(25);
    for (const file of files) expect(file.name).not.toMatch(/^\//);
  });

  it('finds a file by id and nothing for ids outside the session', () => {
    expect(findSessionFile(session, '51d542f302ee4c5466000003')?.id).toBe('51d542f302ee4c5466000003');
    for (const id of [
      '51d542f302ee4c5466000000',
      '51d542f302ee4c546600001a',
      'ffd542f302ee4c5466000001',
      'nope',
    ]) {
      expect(findSessionFile(session, id), id).toBeUndefined();
    }
  });

  it('gives checksums of the right lengths', () => {
    const sums = fileChecksums('51d542f302ee4c5466000001');
    expect(sums.MD5).toMatch(/^[0-9a-f]{32}$/);
    expect(sums.SHA1).toMatch(/^[0-9a-f]{40}$/);
    expect(sums.SHA256).toMatch(/^[0-9a-f]{64}$/);
  });
});
