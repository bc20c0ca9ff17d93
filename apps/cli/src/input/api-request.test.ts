import { describe, expect, it } from 'vitest';
import { UsageError } from '../cli-errors.js';
import { parseApiMethod, parseApiPath, parseJsonBody, parseQueryPair } from './api-request.js';

describe('api command input', () => {
  it('accepts methods in any case and refuses others', () => {
    expect(parseApiMethod('get')).toBe('GET');
    expect(() => parseApiMethod('FETCH')).toThrow(UsageError);
  });

  it('refuses paths that would name another route', () => {
    expect(parseApiPath('/cloud/pp-1/pca')).toBe('/cloud/pp-1/pca');
    for (const bad of ['me', '/me?x=1', '/cloud/../me', '/a b', 'https://evil.example/me']) {
      expect(() => parseApiPath(bad), bad).toThrow(UsageError);
    }
  });

  it('collects key=value pairs and refuses a missing key', () => {
    expect(parseQueryPair('todoDate.from=2026-01-01', [['a', '']])).toEqual([
      ['a', ''],
      ['todoDate.from', '2026-01-01'],
    ]);
    expect(() => parseQueryPair('=x')).toThrow(UsageError);
    expect(() => parseQueryPair('novalue')).toThrow(UsageError);
  });

  it('names the source of malformed JSON', () => {
    expect(parseJsonBody('{"name":"été"}', '--data')).toEqual({ name: 'été' });
    expect(() => parseJsonBody('{name:', '--data @body.json')).toThrow(/Malformed JSON in --data @body.json/);
  });
});
