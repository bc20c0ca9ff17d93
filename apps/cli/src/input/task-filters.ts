import { type ListTasksOptions, quoteInput, TASK_FUNCTIONS, TASK_STATUSES } from '@ovh-pca/core';
import { UsageError } from '../cli-errors.js';

export interface TaskFilterFlags {
  function?: string;
  status?: string;
  from?: string;
  to?: string;
}

/** `tasks list` filters, checked before any request. Dates: anything Date.parse reads, sent as ISO. */
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

function parseDate(flag: string, value: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    throw new UsageError(
      `Invalid ${flag} ${quoteInput(value)}: expected a date such as 2026-03-14 or an ISO 8601 time.`,
    );
  }
  return new Date(time).toISOString();
}
