import { describe, expect, it } from 'vitest';
import { MAX_SESSION_NAME_LENGTH, validateSessionName } from './session-name.js';

describe('validateSessionName', () => {
  it.each(['weekly "db" backup', 'Sauvegarde été 2026 — ÉLÈVES', "备份 🚀 l'archive", 'a\\b/c{d}'])(
    'keeps %j unchanged',
    (name) => {
      expect(validateSessionName(name)).toBe(name);
    },
  );

  it('does not normalise Unicode (the name reads back byte for byte)', () => {
    const decomposed = 'e\u0301te\u0301';
    expect(validateSessionName(decomposed)).toBe(decomposed);
  });

  it.each([
    '',
    '   ',
    'line\nbreak',
    'tab\there',
    'nul\u0000',
    'c1\u0085',
    'sep\u2028',
    'lone\ud800',
    '\udc00x',
  ])('rejects %j', (name) => {
    expect(() => validateSessionName(name)).toThrow(expect.objectContaining({ field: 'name' }));
  });

  it('counts code points, not UTF-16 units', () => {
    expect(validateSessionName('🚀'.repeat(MAX_SESSION_NAME_LENGTH))).toHaveLength(
      MAX_SESSION_NAME_LENGTH * 2,
    );
    expect(() => validateSessionName('a'.repeat(MAX_SESSION_NAME_LENGTH + 1))).toThrow(/256 characters/);
  });

  it('rejects non-strings', () => {
    expect(() => validateSessionName(12 as unknown as string)).toThrow(/empty/);
  });
});
