import { ValidationError } from './archive-errors.js';

/**
 * A whole number of days from 1 to `max`, as typed (`30`, ` 30 `) or given (30); anything else
 * (0, 1.5, 1e3, -3, words) is a ValidationError on `field`.
 */
export function parseWholeDays(field: string, label: string, value: unknown, max: number): number {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const days = /^\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
  if (!(days >= 1 && days <= max)) {
    throw new ValidationError(
      field,
      `${label} must be a whole number from 1 to ${max.toLocaleString('en')}, not ${JSON.stringify(String(value ?? '').slice(0, 40))}`,
    );
  }
  return days;
}
