import { describe, expect, it } from 'vitest';
import {
  ACCESS_RULE_PRESETS,
  buildAccessRules,
  InvalidAccessRuleError,
  parseAccessRule,
  presetAccessRules,
  recursiveRules,
  rulesAllow,
  validateAccessRules,
} from './access-rules.js';

describe('recursiveRules (python-ovh add_recursive_rules)', () => {
  it('grants the path and everything below it, method by method', () => {
    expect(recursiveRules('/cloud', ['GET', 'POST'])).toEqual([
      { method: 'GET', path: '/cloud' },
      { method: 'POST', path: '/cloud' },
      { method: 'GET', path: '/cloud/*' },
      { method: 'POST', path: '/cloud/*' },
    ]);
  });

  it('strips trailing slashes, stars and spaces first', () => {
    expect(recursiveRules('/cloud/* ', ['GET'])).toEqual(recursiveRules('/cloud', ['GET']));
    expect(recursiveRules('/cloud/', ['GET'])).toEqual(recursiveRules('/cloud', ['GET']));
  });

  it('gives only /* for the root', () => {
    expect(recursiveRules('/', ['GET'])).toEqual([{ method: 'GET', path: '/*' }]);
    expect(recursiveRules('/*', ['DELETE'])).toEqual([{ method: 'DELETE', path: '/*' }]);
  });
});

describe('presets', () => {
  it('archive-read reads /cloud, /cloud/* and /me only', () => {
    expect(presetAccessRules('archive-read')).toEqual([
      { method: 'GET', path: '/cloud' },
      { method: 'GET', path: '/cloud/*' },
      { method: 'GET', path: '/me' },
    ]);
  });

  it('archive-full adds write methods on /cloud but stays read-only elsewhere', () => {
    const rules = presetAccessRules('archive-full');
    for (const method of ['GET', 'POST', 'PUT', 'DELETE'] as const) {
      expect(rulesAllow(rules, method, '/cloud/pp-1/pca/pca-1/sessions/abc')).toBe(true);
      expect(rulesAllow(rules, method, '/cloud')).toBe(true);
    }
    expect(rulesAllow(rules, 'GET', '/me')).toBe(true);
    expect(rulesAllow(rules, 'DELETE', '/me/api/credential/1')).toBe(false);
    expect(rulesAllow(rules, 'PATCH', '/cloud/x')).toBe(false);
  });

  it('account presets cover every route, so /me is not repeated', () => {
    expect(presetAccessRules('account-read')).toEqual([{ method: 'GET', path: '/*' }]);
    expect(presetAccessRules('account-full').map((rule) => rule.method)).toEqual([
      'GET',
      'POST',
      'PUT',
      'DELETE',
    ]);
  });

  it('every preset passes its own validation and grants GET /me', () => {
    for (const preset of Object.values(ACCESS_RULE_PRESETS)) {
      expect(validateAccessRules(preset.rules)).toEqual(preset.rules);
      expect(rulesAllow(preset.rules, 'GET', '/me')).toBe(true);
    }
  });

  it('hands out copies, so callers cannot change a preset', () => {
    presetAccessRules('archive-read')[0]!.path = '/changed';
    expect(presetAccessRules('archive-read')[0]!.path).toBe('/cloud');
  });

  it('refuses an unknown preset by listing the known ones', () => {
    expect(() => presetAccessRules('archive')).toThrow(
      /unknown preset "archive"; expected one of archive-read/,
    );
  });
});

describe('validateAccessRules', () => {
  it('lists every problem at once', () => {
    const error = (() => {
      try {
        validateAccessRules([
          { method: 'GET', path: 'cloud' },
          { method: 'FETCH', path: '/cloud' },
          { method: 'GET', path: '/cloud/*/pca' },
          { method: 'GET', path: '/cloud?x=1' },
        ]);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InvalidAccessRuleError);
    expect((error as InvalidAccessRuleError).problems).toEqual([
      'GET cloud: path must start with /',
      'FETCH /cloud: method must be one of GET POST PUT DELETE PATCH',
      'GET /cloud/*/pca: * is only allowed at the end of a path',
      'GET /cloud?x=1: path must not contain spaces, ? or #',
    ]);
  });

  it('refuses an empty list and drops duplicates', () => {
    expect(() => validateAccessRules([])).toThrow(/at least one rule/);
    expect(
      validateAccessRules([
        { method: 'GET', path: '/me' },
        { method: 'GET', path: '/me' },
      ]),
    ).toEqual([{ method: 'GET', path: '/me' }]);
  });
});

describe('parseAccessRule and buildAccessRules', () => {
  it('parses one or several methods and a path', () => {
    expect(parseAccessRule('get /me')).toEqual([{ method: 'GET', path: '/me' }]);
    expect(parseAccessRule('GET,PUT /cloud/*')).toEqual([
      { method: 'GET', path: '/cloud/*' },
      { method: 'PUT', path: '/cloud/*' },
    ]);
    expect(() => parseAccessRule('/me')).toThrow(InvalidAccessRuleError);
  });

  it('merges a preset with custom rules', () => {
    expect(
      buildAccessRules({ preset: 'archive-read', rules: [{ method: 'GET', path: '/me/api/credential' }] }),
    ).toEqual([...presetAccessRules('archive-read'), { method: 'GET', path: '/me/api/credential' }]);
    expect(() => buildAccessRules({})).toThrow(/at least one rule/);
  });
});

describe('rulesAllow', () => {
  it('matches literal paths exactly and * as any characters', () => {
    const rules = [
      { method: 'GET', path: '/cloud' },
      { method: 'GET', path: '/me/*/credential' },
    ] as const;
    expect(rulesAllow(rules, 'GET', '/cloud')).toBe(true);
    expect(rulesAllow(rules, 'GET', '/cloud/pp-1')).toBe(false);
    expect(rulesAllow(rules, 'GET', '/me/api/credential')).toBe(true);
    expect(rulesAllow(rules, 'POST', '/cloud')).toBe(false);
  });
});
