/**
 * Iceberg pages (`X-Pagination-Mode: CachedObjectList-Pages`): a list route answers full objects,
 * filtered, sorted and cut into pages as the request headers ask.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { badRequest } from './route-types.js';
import { compileWildcards, type WildcardToken } from './wildcard-pattern.js';

export const ICEBERG_MODE = 'CachedObjectList-Pages';
export const DEFAULT_PAGE_SIZE = 5000;
export const MAX_PAGE_SIZE = 5000;

type FilterOperator = 'eq' | 'ne' | 'lt' | 'gt' | 'like' | 'in';

interface FieldFilter {
  field: string;
  operator: FilterOperator;
  value: string;
}

export interface IcebergOptions {
  size: number;
  number: number;
  filters: FieldFilter[];
  sort?: { field: string; descending: boolean };
}

export interface IcebergPage {
  items: unknown[];
  /** Elements after filtering, all pages together (X-Pagination-Elements). */
  total: number;
}

function headerText(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function positiveInteger(text: string | undefined, fallback: number, name: string): number {
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw badRequest(`Invalid value for ${name}: ${text}`);
  return Number(text);
}

function decodeValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function parseFilters(text: string | undefined): FieldFilter[] {
  if (!text) return [];
  return text.split('&').map((part) => {
    const match = /^([^:=&]+):(eq|ne|lt|gt|like|in)=(.*)$/s.exec(part);
    if (!match) throw badRequest(`Invalid X-Pagination-Filter: ${part}`);
    return { field: match[1]!, operator: match[2] as FilterOperator, value: decodeValue(match[3]!) };
  });
}

export function isIcebergRequest(headers: IncomingHttpHeaders): boolean {
  return headerText(headers, 'x-pagination-mode') === ICEBERG_MODE;
}

export function parseIcebergOptions(headers: IncomingHttpHeaders): IcebergOptions {
  const size = Math.min(
    positiveInteger(headerText(headers, 'x-pagination-size'), DEFAULT_PAGE_SIZE, 'X-Pagination-Size'),
    MAX_PAGE_SIZE,
  );
  const number = positiveInteger(headerText(headers, 'x-pagination-number'), 1, 'X-Pagination-Number');
  const sortField = headerText(headers, 'x-pagination-sort');
  const order = (headerText(headers, 'x-pagination-sort-order') ?? 'ASC').toUpperCase();
  if (order !== 'ASC' && order !== 'DESC') throw badRequest(`Invalid X-Pagination-Sort-Order: ${order}`);
  return {
    size,
    number,
    filters: parseFilters(headerText(headers, 'x-pagination-filter')),
    sort: sortField ? { field: sortField, descending: order === 'DESC' } : undefined,
  };
}

function fieldValue(item: unknown, field: string): unknown {
  let value: unknown = item;
  for (const key of field.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Numbers compare as numbers, two dates as instants, anything else as text. */
function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  const numberA = typeof a === 'number' ? a : Number(a);
  const numberB = typeof b === 'number' ? b : Number(b);
  if (
    String(a).trim() !== '' &&
    String(b).trim() !== '' &&
    Number.isFinite(numberA) &&
    Number.isFinite(numberB)
  ) {
    return numberA - numberB;
  }
  const dateA = Date.parse(String(a));
  const dateB = Date.parse(String(b));
  if (/^\d{4}-\d\d-\d\d/.test(String(a)) && !Number.isNaN(dateA) && !Number.isNaN(dateB))
    return dateA - dateB;
  return String(a) < String(b) ? -1 : 1;
}

/** Iceberg's `like`: `%` is any run, everything else literal, case ignored. */
function likeMatcher(pattern: string) {
  const tokens = [...pattern].map(
    (character): WildcardToken => (character === '%' ? 'run' : { literal: character }),
  );
  return compileWildcards(tokens, { ignoreCase: true });
}

/** One filter as a predicate, built once per page request. */
function filterPredicate(filter: FieldFilter): (item: unknown) => boolean {
  const like = filter.operator === 'like' ? likeMatcher(filter.value) : undefined;
  return (item) => {
    const value = fieldValue(item, filter.field);
    const text = value === null || value === undefined ? 'null' : String(value);
    switch (filter.operator) {
      case 'eq':
        return text === filter.value;
      case 'ne':
        return text !== filter.value;
      case 'lt':
        return value !== null && value !== undefined && compareValues(value, filter.value) < 0;
      case 'gt':
        return value !== null && value !== undefined && compareValues(value, filter.value) > 0;
      case 'like':
        return like!(text);
      case 'in':
        return filter.value.split(',').includes(text);
    }
  };
}

export function icebergPage(items: readonly unknown[], options: IcebergOptions): IcebergPage {
  const predicates = options.filters.map(filterPredicate);
  const filtered = items.filter((item) => predicates.every((matches) => matches(item)));
  if (options.sort) {
    const { field, descending } = options.sort;
    filtered.sort(
      (a, b) => compareValues(fieldValue(a, field), fieldValue(b, field)) * (descending ? -1 : 1),
    );
  }
  const start = (options.number - 1) * options.size;
  return { items: filtered.slice(start, start + options.size), total: filtered.length };
}
