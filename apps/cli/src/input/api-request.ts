import { quoteInput } from '@ovh-pca/core/text';
import { UsageError } from '../cli-errors.js';

export const API_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;
export type ApiMethod = (typeof API_METHODS)[number];

export function parseApiMethod(raw: string): ApiMethod {
  const method = raw.toUpperCase();
  if (!(API_METHODS as readonly string[]).includes(method)) {
    throw new UsageError(`Invalid method ${quoteInput(raw)}: expected one of ${API_METHODS.join(', ')}.`);
  }
  return method as ApiMethod;
}

/**
 * A route path below the endpoint (`/me`, `/cloud/pp-1/pca`). It is sent as typed, so refuse what
 * would make it another route: no scheme, no dot segments, no query (use --query), no whitespace.
 */
export function parseApiPath(raw: string): string {
  if (!raw.startsWith('/')) {
    throw new UsageError(`Invalid path ${quoteInput(raw)}: it must start with "/", e.g. /me.`);
  }
  if (/[\s?#]/.test(raw)) {
    throw new UsageError(`Invalid path ${quoteInput(raw)}: no spaces, "?" or "#" (use --query k=v).`);
  }
  const segments = raw.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) {
    throw new UsageError(`Invalid path ${quoteInput(raw)}: "." and ".." segments are not allowed.`);
  }
  return raw;
}

/** `--query k=v`, repeatable; the value may be empty, the key may not. */
export function parseQueryPair(raw: string, previous: Array<[string, string]> = []): Array<[string, string]> {
  const equals = raw.indexOf('=');
  if (equals <= 0) {
    throw new UsageError(`Invalid --query ${quoteInput(raw)}: expected key=value.`);
  }
  return [...previous, [raw.slice(0, equals), raw.slice(equals + 1)]];
}

/** Parses the text given to --data (inline, from a file or from stdin) as JSON. */
export function parseJsonBody(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`Malformed JSON in ${source}: ${reason}`);
  }
}
