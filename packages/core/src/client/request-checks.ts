/**
 * What the client refuses to send, whoever calls it (CLI, desktop, a script): checked in
 * `prepare`, before the clock is read or anything leaves the machine. A method must be one of
 * five ASCII words (`'poſt'.toUpperCase()` is `POST`: no Unicode folding), and no control
 * character may travel in a path or a query, where a server would read it as something else.
 */
import { hasControlCharacters, quoteInput } from '../text/quote-input.js';
import { ConfigError } from './errors.js';
import type { HttpMethod } from './request-types.js';
import type { QueryInput, QueryValue } from './url-builder.js';

export const HTTP_METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];

/** The method in upper case; any letter case is accepted, but only over ASCII letters. */
export function checkHttpMethod(method: string): HttpMethod {
  const upper = /^[A-Za-z]{1,16}$/.test(method) ? method.toUpperCase() : '';
  if (!(HTTP_METHODS as readonly string[]).includes(upper)) {
    throw new ConfigError(
      `Invalid HTTP method ${quoteInput(method)}: expected one of ${HTTP_METHODS.join(', ')}.`,
    );
  }
  return upper as HttpMethod;
}

/** No control character, bidirectional mark or lone surrogate in a request path. */
export function checkRequestPath(path: string): void {
  if (hasControlCharacters(path)) {
    throw new ConfigError(`Request path ${quoteInput(path)} contains control characters.`);
  }
}

/** Query names are non-blank words; neither names nor values hold control characters. */
export function checkQuery(query: QueryInput | undefined): void {
  if (!query) return;
  const entries: Iterable<readonly [string, QueryValue]> =
    Symbol.iterator in query
      ? (query as Iterable<readonly [string, QueryValue]>)
      : Object.entries(query as Record<string, QueryValue>);
  for (const [name, value] of entries) {
    if (name === '' || /\s/.test(name) || hasControlCharacters(name)) {
      throw new ConfigError(`Invalid query parameter name ${quoteInput(name)}: it must be a non-empty word.`);
    }
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === 'string' && hasControlCharacters(item)) {
        throw new ConfigError(
          `Query parameter ${quoteInput(name)} has a value with control characters: ${quoteInput(item)}.`,
        );
      }
    }
  }
}

/** GET and DELETE carry no body on OVH's API (fetch refuses one on GET). */
export function checkBodyAllowed(method: HttpMethod, body: unknown): void {
  if (body !== undefined && (method === 'GET' || method === 'DELETE')) {
    throw new ConfigError(`A ${method} request has no body: send the data with POST, PUT or PATCH.`);
  }
}
