/**
 * Checks of PUT and POST bodies that answer as OVH does: 400 Client::BadRequest naming the
 * parameter, never an exception of another kind.
 */
import { badRequest } from '../../http/route-types.js';

export type JsonObject = Record<string, unknown>;

/** The longest client text echoed back in an error message. */
const ECHO_LIMIT = 80;

export function echo(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > ECHO_LIMIT ? `${text.slice(0, ECHO_LIMIT)}…` : text;
}

export function expectObjectBody(body: unknown): JsonObject {
  if (body === null || body === undefined || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('Invalid body: a JSON object is expected');
  }
  return body as JsonObject;
}

/** Body-less calls (POST …/restore) accept nothing, an empty object or null. */
export function expectNoBody(body: unknown): void {
  if (body === undefined || body === null) return;
  if (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0) return;
  throw badRequest('This call takes no body parameter');
}

export function rejectUnknownProperties(body: JsonObject, known: readonly string[]): void {
  for (const key of Object.keys(body)) {
    if (!known.includes(key)) throw badRequest(`Unknown body parameter ${echo(key)}`);
  }
}

export function rejectMissingProperties(body: JsonObject, required: readonly string[]): void {
  const missing = required.filter((key) => body[key] === undefined || body[key] === null);
  if (missing.length > 0) throw badRequest(`Missing parameter(s): ${missing.join(', ')}`);
}

/**
 * Read-only properties may come back unchanged (clients GET, edit, PUT the whole object), but
 * not with another value.
 */
export function rejectChangedReadOnly(
  body: JsonObject,
  current: JsonObject,
  readOnly: readonly string[],
): void {
  for (const key of readOnly) {
    if (!Object.hasOwn(body, key)) continue;
    if (JSON.stringify(body[key]) !== JSON.stringify(current[key] ?? null)) {
      throw badRequest(`Body parameter ${key} is read-only`);
    }
  }
}

export const malformed = (name: string) => badRequest(`Body parameter ${name} isn't formated correctly`);

export interface TextRules {
  minLength?: number;
  maxLength: number;
  /** Refuse a value made only of spaces. */
  notBlank?: boolean;
}

/** A string of bounded length (counted in code points), without control characters. */
export function readText(body: JsonObject, name: string, rules: TextRules): string {
  const value = body[name];
  if (typeof value !== 'string') throw malformed(name);
  const length = [...value].length;
  if (length < (rules.minLength ?? 0) || length > rules.maxLength) {
    throw badRequest(
      `Body parameter ${name} must be ${rules.minLength ?? 0} to ${rules.maxLength} characters long`,
    );
  }
  if (rules.notBlank && value.trim() === '') throw badRequest(`Body parameter ${name} must not be blank`);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    throw badRequest(`Body parameter ${name} must not contain control characters`);
  }
  return value;
}

export function readBoolean(body: JsonObject, name: string): boolean {
  const value = body[name];
  if (typeof value !== 'boolean') throw malformed(name);
  return value;
}

export function readInteger(body: JsonObject, name: string): number {
  const value = body[name];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw malformed(name);
  return value;
}
