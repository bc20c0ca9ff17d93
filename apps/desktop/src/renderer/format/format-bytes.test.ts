import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes.js';

describe('byte sizes', () => {
  it('uses decimal units and the locale’s digits', () => {
    expect(formatBytes(0, 'en')).toBe('0\u00a0B');
    expect(formatBytes(1_500_000_000, 'en')).toBe('1.5\u00a0GB');
    expect(formatBytes(1_500_000_000, 'fr')).toBe('1,5\u00a0GB');
    expect(formatBytes(123_456_789_000_000, 'en')).toBe('123\u00a0TB');
    expect(formatBytes(-1, 'en')).toBe('—');
  });
});
