import { describe, expect, it } from 'vitest';
import { formatCountdown } from './format-countdown.js';

describe('formatCountdown', () => {
  const now = Date.parse('2026-03-01T10:00:00Z');
  it('counts down seconds, minutes and hours, rounding up', () => {
    expect(formatCountdown('2026-03-01T10:00:09Z', now)).toBe('0:09');
    expect(formatCountdown('2026-03-01T10:04:06.200Z', now)).toBe('4:07');
    expect(formatCountdown('2026-03-01T11:05:09Z', now)).toBe('1:05:09');
  });
  it('is null once the time has come, or without a date', () => {
    expect(formatCountdown('2026-03-01T10:00:00Z', now)).toBeNull();
    expect(formatCountdown(null, now)).toBeNull();
    expect(formatCountdown('soon', now)).toBeNull();
  });
});
