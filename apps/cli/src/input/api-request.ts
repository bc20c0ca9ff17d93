import { ConfigError, checkHttpMethod, type HttpMethod } from '@ovh-pca/core';
import { hasControlCharacters, quoteInput } from '@ovh-pca/core/text';
import { UsageError } from '../cli-errors.js';

/** GET, POST, PUT, DELETE or PATCH in any ASCII letter case (`poſt` is not POST). */
export function parseApiMethod(raw: string): HttpMethod {
  try {
    return checkHttpMethod(raw);
  } catch (error) {
    throw error instanceof ConfigError ? new UsageError(error.message) : error;
  }
}

/**
 * A route path below the endpoint (`/me`, `/cloud/pp-1/pca`). It is sent as typed, so refuse what
 * would make it another route: no scheme, no dot segments, no query (use --query), no whitespace,
 * no control characters.
 */
export function parseApiPath(raw: string): string {
  if (!raw.startsWith('/')) {
    throw new UsageError(`Invalid path ${quoteInput(raw)}: it must start with "/", e.g. /me.`);
  }
  if (hasControlCharacters(raw)) {
    throw new UsageError(`Invalid path ${quoteInput(raw)}: control characters are not allowed.`);
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

/**
 * `--query k=v`, repeatable. The key is a word (no spaces: `' =x'` is refused, not sent with a
 * blank name); the value may be empty or hold spaces; neither holds control characters.
 */
export function parseQueryPair(raw: string, previous: Array<[string, string]> = []): Array<[string, string]> {
  const equals = raw.indexOf('=');
  if (equals <= 0) {
    throw new UsageError(`Invalid --query ${quoteInput(raw)}: expected key=value.`);
  }
  const key = raw.slice(0, equals);
  if (/\s/.test(key) || hasControlCharacters(key)) {
    throw new UsageError(`Invalid --query ${quoteInput(raw)}: the key must be one word, without spaces.`);
  }
  const value = raw.slice(equals + 1);
  if (hasControlCharacters(value)) {
    throw new UsageError(`Invalid --query ${quoteInput(raw)}: control characters are not allowed.`);
  }
  return [...previous, [key, value]];
}

/** OVH reads no body on GET and DELETE: refused before --data is even read (nothing sent). */
export function checkBodyAllowed(method: HttpMethod, data: string | undefined): void {
  if (data !== undefined && (method === 'GET' || method === 'DELETE')) {
    throw new UsageError(`${method} takes no --data: send a body with POST, PUT or PATCH.`);
  }
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
