/**
 * Query-string filters of the list routes, validated as OVH does: an unknown enum value or an
 * unreadable date is a 400 Client::BadRequest naming the parameter.
 */
import { badRequest } from '../../http/route-types.js';
import { echo } from './request-body-checks.js';

const invalidValue = (name: string, detail: string) =>
  badRequest(`Invalid value for parameter ${name}: ${detail}`);

export function readEnumFilter<T extends string>(
  query: URLSearchParams,
  name: string,
  values: readonly T[],
  typeName: string,
): T | undefined {
  const value = query.get(name);
  if (value === null) return undefined;
  if (!(values as readonly string[]).includes(value)) {
    throw invalidValue(name, `"${echo(value)}" does not belong to the ${typeName} enumeration`);
  }
  return value as T;
}

export function readBooleanFilter(query: URLSearchParams, name: string): boolean | undefined {
  const value = query.get(name);
  if (value === null) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw invalidValue(name, `"${echo(value)}" is not a boolean (true or false)`);
}

/** `YYYY-MM-DD` or `YYYY-MM-DD[T ]HH:MM[:SS[.fff]]` with `Z` or `±HH:MM`; no offset means UTC. */
const DATE_TIME =
  /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.\d{1,9})?)?(Z|[+-]\d\d:?\d\d)?)?$/;

export function readDateTimeFilter(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name);
  if (value === null) return undefined;
  const ms = parseDateTime(value);
  if (ms === undefined) throw invalidValue(name, `"${echo(value)}" is not a date (ISO 8601 expected)`);
  return ms;
}

export function parseDateTime(text: string): number | undefined {
  const match = DATE_TIME.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day, hour = '00', minute = '00', second = '00', zone = 'Z'] = match;
  const [y, mo, d, h, mi, s] = [year, month, day, hour, minute, second].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth || h > 23 || mi > 59 || s > 59) return undefined;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  if (zone === 'Z') return utc;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return utc - sign * offsetMinutes * 60_000;
}
