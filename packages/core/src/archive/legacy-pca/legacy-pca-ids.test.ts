import { describe, expect, it } from 'vitest';
import { ValidationError } from '../archive-errors.js';
import { parseFileId, parseServiceId, parseSessionId, parseTaskId } from './legacy-pca-ids.js';

describe('parseSessionId', () => {
  it('accepts 24 hex characters and lower-cases them', () => {
    expect(parseSessionId('52A1B2C3D4E5F60718293A4B')).toBe('52a1b2c3d4e5f60718293a4b');
  });

  it.each([
    '',
    '52a1b2c3d4e5f60718293a4',
    '52a1b2c3d4e5f60718293a4bc',
    '52a1b2c3d4e5f60718293a4g',
    '../../../../../../me/api',
    '52a1b2c3d4e5f607%2F293a4b',
    '52a1b2c3d4e5f607/8293a4b',
    '52a1b2c3d4e5f60718293a4b\n',
    ' 52a1b2c3d4e5f60718293a4b',
  ])('rejects %j with a ValidationError on field sessionId', (bad) => {
    try {
      parseSessionId(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe('sessionId');
      expect((error as ValidationError).message).toMatch(/24 hexadecimal/);
    }
  });

  it('rejects non-strings', () => {
    expect(() => parseSessionId(42)).toThrow(ValidationError);
    expect(() => parseSessionId(undefined)).toThrow(ValidationError);
  });
});

describe('parseFileId', () => {
  it('applies the same rule with its own field', () => {
    expect(parseFileId('52a1b2c3d4e5f60700000001')).toBe('52a1b2c3d4e5f60700000001');
    expect(() => parseFileId('..%2F')).toThrow(expect.objectContaining({ field: 'fileId' }));
  });
});

describe('parseTaskId', () => {
  it('accepts digits and safe integers', () => {
    expect(parseTaskId('1234567')).toBe('1234567');
    expect(parseTaskId(42)).toBe('42');
  });

  it.each(['', '-1', '12a', '1.5', '../1', '%2F1'])('rejects %j', (bad) => {
    expect(() => parseTaskId(bad)).toThrow(expect.objectContaining({ field: 'taskId' }));
  });
});

describe('parseServiceId', () => {
  it('splits passport/pcaService', () => {
    expect(parseServiceId('0123456789abcdef0123456789abcdef/pca-ab12cd34')).toEqual({
      passport: '0123456789abcdef0123456789abcdef',
      serviceName: 'pca-ab12cd34',
    });
  });

  it.each(['pca-only', 'a/b/c', '/pca', 'passport/', '../x', 'p/..', 'p/a%2Fb', 'p/a b', 'p/..x'])(
    'rejects %j',
    (bad) => {
      expect(() => parseServiceId(bad)).toThrow(expect.objectContaining({ field: 'service' }));
    },
  );
});
