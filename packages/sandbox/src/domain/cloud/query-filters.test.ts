import { describe, expect, it } from 'vitest';
import { SandboxHttpError } from '../../http/route-types.js';
import { parseDateTime, readBooleanFilter, readDateTimeFilter, readEnumFilter } from './query-filters.js';

const query = (text: string) => new URLSearchParams(text);

function caught(run: () => unknown): SandboxHttpError {
  try {
    run();
  } catch (error) {
    if (error instanceof SandboxHttpError) return error;
    throw error;
  }
  throw new Error('expected a SandboxHttpError');
}

describe('parseDateTime', () => {
  it('reads dates, date-times, offsets and Z', () => {
    expect(parseDateTime('2026-03-14')).toBe(Date.UTC(2026, 2, 14));
    expect(parseDateTime('2026-03-14T10:20:30Z')).toBe(Date.UTC(2026, 2, 14, 10, 20, 30));
    expect(parseDateTime('2026-03-14T10:20:30+02:00')).toBe(Date.UTC(2026, 2, 14, 8, 20, 30));
    expect(parseDateTime('2026-03-14 10:20')).toBe(Date.UTC(2026, 2, 14, 10, 20));
    expect(parseDateTime('2013-10-26T22:53:53-0130')).toBe(Date.UTC(2013, 9, 27, 0, 23, 53));
  });

  it('refuses impossible or unreadable dates', () => {
    for (const text of ['2026-02-30', '2026-13-01', '2026-03-14T24:00', 'yesterday', '', '14/03/2026']) {
      expect(parseDateTime(text), text).toBeUndefined();
    }
  });
});

describe('query filters', () => {
  it('answers OVH 400s naming the parameter', () => {
    const error = caught(() =>
      readEnumFilter(query('status=finished'), 'status', ['todo', 'done'], 'cloud.pca.TaskStateEnum'),
    );
    expect(error.status).toBe(400);
    expect(error.errorClass).toBe('Client::BadRequest');
    expect(error.message).toContain('Invalid value for parameter status');
    expect(caught(() => readDateTimeFilter(query('todoDate.from=soon'), 'todoDate.from')).message).toContain(
      'todoDate.from',
    );
    expect(caught(() => readBooleanFilter(query('billed=1'), 'billed')).status).toBe(400);
  });

  it('reads valid values and leaves absent ones undefined', () => {
    expect(readEnumFilter(query('status=done'), 'status', ['todo', 'done'], 'x')).toBe('done');
    expect(readEnumFilter(query(''), 'status', ['todo', 'done'], 'x')).toBeUndefined();
    expect(readBooleanFilter(query('billed=false'), 'billed')).toBe(false);
    expect(readDateTimeFilter(query('date.to=2026-01-01T00%3A00%3A00%2B01%3A00'), 'date.to')).toBe(
      Date.UTC(2025, 11, 31, 23),
    );
  });
});
