import { describe, expect, it } from 'vitest';
import { formatDateTime, formatShortDateTime } from './format-date.js';

describe('dates', () => {
  it('uses a 24-hour clock in table cells, so an English date fits its column', () => {
    const afternoon = '2026-11-23T15:05:00+00:00';
    expect(formatShortDateTime(afternoon, 'en-US')).not.toMatch(/AM|PM/);
    expect(formatShortDateTime(afternoon, 'en-US')).toMatch(/\d{2}:05/);
    expect(formatDateTime(afternoon, 'en-US')).toMatch(/AM|PM/);
  });

  it('shows a dash for a missing or unreadable date', () => {
    expect(formatShortDateTime(null, 'fr')).toBe('—');
    expect(formatDateTime('not a date', 'fr')).toBe('—');
  });
});
