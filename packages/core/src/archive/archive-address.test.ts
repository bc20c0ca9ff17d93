import { describe, expect, it } from 'vitest';
import {
  ArchiveAddressError,
  parseArchiveAddress,
  parseArchiveRegion,
  resolveArchiveAddress,
} from './archive-address.js';
import type { Archive } from './archive-entities.js';
import { ValidationError } from './archive-errors.js';

function archive(product: Archive['product'], project: string, region: string | null, name: string): Archive {
  return { product, project, region, name, id: name, state: 'active', phase: 'open', objects: 0, bytes: 0 };
}

const archives = [
  archive('cloud-archive', 'p1', 'GRA', 'backups'),
  archive('cloud-archive', 'p1', 'BHS', 'backups'),
  archive('cloud-archive', 'p2', 'GRA', 'backups'),
  archive('cloud-archive', 'p1', 'GRA', 'photos'),
  archive('legacy-pca', 'passport1', null, 'pca-ab12'),
];

describe('archive addresses', () => {
  it('parses NAME, REGION/NAME and PROJECT/REGION/NAME; regions upper case', () => {
    expect(parseArchiveAddress('backups')).toEqual({ name: 'backups' });
    expect(parseArchiveAddress('gra/backups')).toEqual({ region: 'GRA', name: 'backups' });
    expect(parseArchiveAddress('p1/RBX-ARCHIVE/b')).toEqual({
      project: 'p1',
      region: 'RBX-ARCHIVE',
      name: 'b',
    });
    expect(parseArchiveAddress('p/GRA/données 2026')).toMatchObject({ name: 'données 2026' });
  });

  it.each([
    ['', 'must not be empty'],
    ['GRA/', 'must not be empty'],
    ['a/b/c/d', 'expected NAME'],
    ['x'.repeat(257), '257 bytes'],
    ['é'.repeat(129), '258 bytes'],
    ['bad\nname', 'control characters'],
    ['G RA/name', 'Invalid region'],
    ['../GRA/name', 'Invalid project'],
  ])('refuses %j (%s)', (text, message) => {
    expect(() => parseArchiveAddress(text)).toThrow(ValidationError);
    expect(() => parseArchiveAddress(text)).toThrow(message);
  });

  it('reads a region filter upper case and refuses anything else', () => {
    expect(parseArchiveRegion('rbx-archive')).toBe('RBX-ARCHIVE');
    for (const bad of ['', 'GRA/1', 'g ra', '-GRA', undefined]) {
      expect(() => parseArchiveRegion(bad)).toThrow(/Invalid region/);
    }
  });

  it('accepts a name of exactly 256 bytes', () => {
    expect(parseArchiveAddress('é'.repeat(128)).name).toHaveLength(128);
  });

  it('resolves the one archive an address names', () => {
    expect(resolveArchiveAddress('photos', archives)).toBe(archives[3]);
    expect(resolveArchiveAddress('bhs/backups', archives)).toBe(archives[1]);
    expect(resolveArchiveAddress('p2/GRA/backups', archives)).toBe(archives[2]);
    // Legacy PCA has no region: the old PASSPORT/SERVICE form names it, as does its name.
    expect(resolveArchiveAddress('pca-ab12', archives)).toBe(archives[4]);
    expect(resolveArchiveAddress('passport1/pca-ab12', archives)).toBe(archives[4]);
  });

  it('lists the candidates of an ambiguous address', () => {
    const error = (() => {
      try {
        resolveArchiveAddress('GRA/backups', archives);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ArchiveAddressError);
    expect((error as ArchiveAddressError).candidates).toEqual([
      'p1/GRA/backups (cloud-archive)',
      'p2/GRA/backups (cloud-archive)',
    ]);
    expect((error as Error).message).toContain('ambiguous');
    expect(() => resolveArchiveAddress('backups', archives)).toThrow('3 archives match');
  });

  it('says what exists when nothing matches', () => {
    expect(() => resolveArchiveAddress('SBG/backups', archives)).toThrow(
      'No archive "SBG/backups". Archives: p1/GRA/backups (cloud-archive), p1/BHS/backups',
    );
    expect(() => resolveArchiveAddress('nothing', archives)).toThrow('p1/GRA/photos (cloud-archive)');
  });
});
