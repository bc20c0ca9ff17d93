import { describe, expect, it } from 'vitest';
import { checkJsonBody } from './json-body.js';

describe('console JSON body check', () => {
  it('tells empty, valid and invalid bodies apart', () => {
    expect(checkJsonBody('  ')).toEqual({ state: 'empty' });
    expect(checkJsonBody('{"name": "x"}')).toEqual({ state: 'valid' });
    const invalid = checkJsonBody("{name: 'x'}");
    expect(invalid.state).toBe('invalid');
    expect(invalid.state === 'invalid' && invalid.reason).toMatch(/JSON/);
  });
});
