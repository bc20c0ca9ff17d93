import { quoteInput } from '../../text/quote-input.js';
import { ValidationError } from '../archive-errors.js';
import type { ListTasksOptions } from './legacy-pca-query-types.js';
import { TASK_FUNCTIONS, TASK_STATUSES } from './legacy-pca-types.js';

function checkDate(field: string, value: string | Date | undefined): string | undefined {
  if (value === undefined) return undefined;
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new ValidationError(
      field,
      `Invalid ${field} ${quoteInput(String(value))}: expected an ISO 8601 date`,
    );
  }
  return new Date(ms).toISOString();
}

/** Checks task filters before any request; dates come out as ISO strings in UTC. */
export function validateTaskFilter(options: ListTasksOptions): Omit<ListTasksOptions, 'service'> {
  if (options.function !== undefined && !TASK_FUNCTIONS.includes(options.function)) {
    throw new ValidationError(
      'function',
      `Invalid task function ${quoteInput(options.function)}: one of ${TASK_FUNCTIONS.join(', ')}`,
    );
  }
  if (options.status !== undefined && !TASK_STATUSES.includes(options.status)) {
    throw new ValidationError(
      'status',
      `Invalid task status ${quoteInput(options.status)}: one of ${TASK_STATUSES.join(', ')}`,
    );
  }
  return {
    function: options.function,
    status: options.status,
    todoDateFrom: checkDate('todoDateFrom', options.todoDateFrom),
    todoDateTo: checkDate('todoDateTo', options.todoDateTo),
    signal: options.signal,
  };
}
