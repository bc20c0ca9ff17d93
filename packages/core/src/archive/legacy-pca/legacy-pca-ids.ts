import { quoteInput } from '../../text/quote-input.js';
import { ValidationError } from '../archive-errors.js';

// IDs are checked before any request: a malformed ID never reaches the server, and nothing like
// `../` or `%2F` can turn an ID into a different route.

const HEX_24 = /^[0-9a-f]{24}$/i;
const NUMERIC = /^[0-9]{1,20}$/;
// OVH service names: letters, digits, dots, dashes, underscores (passports are 32 hex).
const SERVICE_PART = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

function show(value: string): string {
  return quoteInput(value, 60);
}

function parseHex24(field: string, label: string, value: unknown): string {
  const text = typeof value === 'string' ? value : '';
  if (!HEX_24.test(text)) {
    throw new ValidationError(
      field,
      `Invalid ${label} ${show(String(value))}: expected exactly 24 hexadecimal characters`,
    );
  }
  return text.toLowerCase();
}

/** A session ID: exactly 24 hex characters (returned lower case). */
export function parseSessionId(value: unknown): string {
  return parseHex24('sessionId', 'session ID', value);
}

/** A file ID: exactly 24 hex characters (returned lower case). */
export function parseFileId(value: unknown): string {
  return parseHex24('fileId', 'file ID', value);
}

/** A task ID: decimal digits only. Numbers are accepted too. */
export function parseTaskId(value: unknown): string {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof text !== 'string' || !NUMERIC.test(text)) {
    throw new ValidationError('taskId', `Invalid task ID ${show(String(value))}: expected a number`);
  }
  return text;
}

export interface ParsedServiceId {
  passport: string;
  serviceName: string;
}

/** A service id `passport/pcaServiceName`; both parts are plain names (no `..`, no `%`). */
export function parseServiceId(value: unknown): ParsedServiceId {
  const text = typeof value === 'string' ? value : '';
  const parts = text.split('/');
  const [passport, serviceName] = parts;
  if (
    parts.length !== 2 ||
    passport === undefined ||
    serviceName === undefined ||
    !SERVICE_PART.test(passport) ||
    !SERVICE_PART.test(serviceName) ||
    passport.includes('..') ||
    serviceName.includes('..')
  ) {
    throw new ValidationError(
      'service',
      `Invalid archive service ${show(String(value))}: expected PASSPORT/PCA_SERVICE, e.g. 0123abcd…/pca-ab12cd34`,
    );
  }
  return { passport, serviceName };
}

export function formatServiceId(passport: string, serviceName: string): string {
  return `${passport}/${serviceName}`;
}
