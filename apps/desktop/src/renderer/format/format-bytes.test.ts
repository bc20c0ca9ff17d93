import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes.js';

describe('byte sizes', () => {
  it('uses decimal units and the locale’s digits', () => {
    expect(formatBytes(0, 'en')).toBe('0\u00a0B');
    expect(formatBytes(1_500_000_000, 'en')).toBe('1.5\u00a0GB');
    expect(formatBytes(1_500_000_000, 'fr')).toBe('1,5\u00a0Go');
    expect(formatBytes(123_456_789_000_000, 'en')).toBe('123\u00a0TB');
    expect(formatBytes(-1, 'en')).toBe('—');
  });

  it('names the units in octets in French', () => {
    expect(formatBytes(999, 'fr')).toBe('999\u00a0o');
    expect(formatBytes(2_000, 'fr-FR')).toBe('2\u00a0Ko');
    expect(formatBytes(45_000_000, 'fr')).toBe('45\u00a0Mo');
    expect(formatBytes(123_456_789_000_000, 'fr')).toBe('123\u00a0To');
    expect(formatBytes(45_000_000, 'en')).toBe('45\u00a0MB');
  });
});
