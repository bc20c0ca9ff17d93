import { type ListTasksOptions, quoteInput, TASK_FUNCTIONS, TASK_STATUSES } from '@ovh-pca/core';
import { UsageError } from '../cli-errors.js';

export interface TaskFilterFlags {
  function?: string;
  status?: string;
  from?: string;
  to?: string;
}

/** `tasks list` filters, checked before any request. Dates: ISO 8601 only, sent as ISO UTC. */
export function parseTaskFilters(flags: TaskFilterFlags): Omit<ListTasksOptions, 'service' | 'signal'> {
  const filters: Omit<ListTasksOptions, 'service' | 'signal'> = {};
  if (flags.function !== undefined) filters.function = oneOf('--function', flags.function, TASK_FUNCTIONS);
  if (flags.status !== undefined) filters.status = oneOf('--status', flags.status, TASK_STATUSES);
  if (flags.from !== undefined) filters.todoDateFrom = parseDate('--from', flags.from);
  if (flags.to !== undefined) filters.todoDateTo = parseDate('--to', flags.to);
  return filters;
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`Invalid ${flag} ${quoteInput(value)}: expected one of ${allowed.join(', ')}.`);
  }
  return value as T;
}

// ISO 8601 only: Date.parse also reads `1` (2001), `03/04/2026` (4 March) and `2026-02-30` (2 March).
const ISO_DATE =
  /^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.[0-9]{1,3})?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$/;

/** A date (UTC midnight) or an ISO 8601 date-time (local time unless it has Z or an offset), as ISO UTC. */
function parseDate(flag: string, value: string): string {
  const match = ISO_DATE.exec(value);
  const time = match ? Date.parse(value) : Number.NaN;
  const [, year, month, day, hour = '0', minute = '0', second = '0'] = match ?? [];
  // Reject days and times that do not exist instead of letting them roll over.
  const exists =
    match !== null &&
    !Number.isNaN(time) &&
    new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).getUTCDate() === Number(day) &&
    Number(month) >= 1 &&
    Number(month) <= 12 &&
    Number(hour) <= 23 &&
    Number(minute) <= 59 &&
    Number(second) <= 59;
  if (!exists) {
    throw new UsageError(
      `Invalid ${flag} ${quoteInput(value)}: expected a date such as 2026-03-14 or an ISO 8601 time such as 2026-03-14T02:00Z.`,
    );
  }
  return new Date(time).toISOString();
}
