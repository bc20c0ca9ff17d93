import { describe, expect, it } from 'vitest';
import { UsageError } from './cli-errors.js';
import { translateLegacyFlags } from './legacy-flags.js';

const ID = '51d542f302ee4c5466000000';

describe('translateLegacyFlags', () => {
  it.each([
    [['-l'], ['sessions', 'list']],
    [['-t'], ['tasks', 'list']],
    [['-s'], ['usage', '--product', 'legacy-pca']],
    [
      ['-f', ID],
      ['sessions', 'files', ID],
    ],
    [
      ['-b', ID],
      ['sessions', 'restore', ID],
    ],
    [
      ['-d', ID],
      ['sessions', 'delete', ID],
    ],
    [
      ['-d', '86400'],
      ['sessions', 'prune', '--older-than', '86400'],
    ],
    [['-d86400'], ['sessions', 'prune', '--older-than', '86400']],
    [
      ['-r', 'new name'],
      ['sessions', 'rename', '--last', 'new name'],
    ],
    [
      ['-r', `${ID} new name`],
      ['sessions', 'rename', ID, 'new name'],
    ],
    [
      ['-r', 'not-an-id new name'],
      ['sessions', 'rename', '--last', 'not-an-id new name'],
    ],
  ])('%j becomes %j', (argv, expected) => {
    expect(translateLegacyFlags(argv)).toEqual(expected);
  });

  it('keeps global options around the rewritten action, values included', () => {
    expect(translateLegacyFlags(['--profile', '-l', '-d', '7776000', '--yes'])).toEqual([
      '--profile',
      '-l',
      'sessions',
      'prune',
      '--older-than',
      '7776000',
      '--yes',
    ]);
  });

  it('leaves modern syntax and help alone', () => {
    expect(translateLegacyFlags(['sessions', 'list', '-l'])).toEqual(['sessions', 'list', '-l']);
    expect(translateLegacyFlags(['-h'])).toEqual(['-h']);
    expect(translateLegacyFlags(['--json', 'usage'])).toEqual(['--json', 'usage']);
  });

  it('refuses two actions at once and a flag without its value', () => {
    expect(() => translateLegacyFlags(['-l', '-t'])).toThrow(UsageError);
    expect(() => translateLegacyFlags(['-lt'])).toThrow(/-l and -t were both given/);
    expect(() => translateLegacyFlags(['-r', ID])).toThrow(/has no new name/);
    expect(() => translateLegacyFlags(['--yes', '-sd86400'])).toThrow(/-s and -d were both given/);
    expect(() => translateLegacyFlags(['-d'])).toThrow(/-d needs a value/);
    expect(() => translateLegacyFlags(['-f', ''])).toThrow(UsageError);
  });
});
