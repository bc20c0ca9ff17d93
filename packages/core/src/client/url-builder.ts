/**
 * Builds the exact URL string that is signed and sent. Everything here is encoded so that the WHATWG
 * URL parser inside fetch leaves it byte for byte unchanged (otherwise the signature would not match).
 */

import { quoteInput } from '../text/quote-input.js';
import { joinEndpointPath } from './endpoints.js';
import { ConfigError } from './errors.js';

/**
 * RFC 3986 strict percent-encoding: everything but unreserved characters. Also encodes `'` (which the
 * URL parser re-encodes in queries), `!`, `(`, `)` and `*`, and `/` inside IDs (`%2F`).
 */
export function encodeSegment(value: string | number | bigint): string {
  return encodeURIComponent(String(value)).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Tagged template for API paths: every interpolation is percent-encoded as one segment.
 * path`/cloud/${service}/pca/${pca}` → `/cloud/pp-1/pca/a%2Fb`.
 */
export function path(
  strings: TemplateStringsArray,
  ...values: ReadonlyArray<string | number | bigint>
): string {
  let result = strings[0] ?? '';
  values.forEach((value, index) => {
    const text = String(value);
    if (text === '' || text === '.' || text === '..') {
      throw new ConfigError(`Invalid path segment ${quoteInput(text)} in ${strings.join('…')}.`);
    }
    result += encodeSegment(text) + (strings[index + 1] ?? '');
  });
  return result;
}

export type QueryScalar = string | number | bigint | boolean | Date;
export type QueryValue = QueryScalar | ReadonlyArray<QueryScalar> | null | undefined;
/** An object (insertion order kept) or a list of pairs such as a URLSearchParams. */
export type QueryInput = Readonly<Record<string, QueryValue>> | Iterable<readonly [string, QueryValue]>;

function formatScalar(value: QueryScalar): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

function entriesOf(query: QueryInput): Iterable<readonly [string, QueryValue]> {
  return Symbol.iterator in query
    ? (query as Iterable<readonly [string, QueryValue]>)
    : Object.entries(query as Record<string, QueryValue>);
}

/**
 * `{ 'todoDate.from': d, billed: true, id: [1, 2] }` → `todoDate.from=…&billed=true&id=1&id=2`.
 * Dotted names stay literal (`.` is unreserved), booleans are `true`/`false`, arrays repeat the name,
 * null and undefined are left out.
 */
export function encodeQuery(query: QueryInput | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [name, value] of entriesOf(query)) {
    if (value === null || value === undefined) continue;
    const values = Array.isArray(value) ? value : [value as QueryScalar];
    for (const item of values) parts.push(`${encodeSegment(name)}=${encodeSegment(formatScalar(item))}`);
  }
  return parts.join('&');
}

// Characters a raw path may keep as typed; anything else is percent-encoded.
const RAW_PATH_KEEP = /[A-Za-z0-9\-._~!$&'()*+,;=:@/]/;

function encodeCodePoint(char: string): string {
  try {
    return encodeURIComponent(char);
  } catch {
    // A lone surrogate: the URL parser would send U+FFFD, so sign that.
    return encodeURIComponent('\uFFFD');
  }
}

/** Encodes what the URL parser would otherwise encode for us; keeps existing `%XX` escapes. */
function normaliseRawPath(rawPath: string): string {
  let result = '';
  for (let index = 0; index < rawPath.length; index++) {
    const char = rawPath[index]!;
    if (char === '%' && /^[0-9A-Fa-f]{2}$/.test(rawPath.slice(index + 1, index + 3))) {
      result += char;
    } else if (RAW_PATH_KEEP.test(char)) {
      result += char;
    } else {
      const whole = String.fromCodePoint(rawPath.codePointAt(index)!);
      result += encodeCodePoint(whole);
      index += whole.length - 1;
    }
  }
  return result;
}

export interface RequestUrlParts {
  /** Base URL from `resolveEndpoint`, e.g. `https://eu.api.ovh.com/1.0`. */
  endpointUrl: string;
  /** Path below the endpoint, typically built with the `path` tag (`/v1/…` and `/v2/…` allowed). */
  path: string;
  query?: QueryInput | undefined;
}

/** The absolute URL string to sign and send. Throws ConfigError when fetch would alter it. */
export function buildRequestUrl({ endpointUrl, path: rawPath, query }: RequestUrlParts): string {
  if (!rawPath.startsWith('/')) {
    throw new ConfigError(`Request path ${quoteInput(rawPath)} must start with "/".`);
  }
  if (rawPath.includes('?') || rawPath.includes('#')) {
    throw new ConfigError(
      `Request path ${quoteInput(rawPath)} must not contain "?" or "#": pass parameters as query.`,
    );
  }
  const queryString = encodeQuery(query);
  const url =
    joinEndpointPath(endpointUrl, normaliseRawPath(rawPath)) + (queryString ? `?${queryString}` : '');
  // The HTTP layer must send exactly what is signed: refuse anything the URL parser would rewrite
  // (dot segments, for instance).
  if (new URL(url).href !== url) {
    throw new ConfigError(`Request path ${quoteInput(rawPath)} would be rewritten before sending.`);
  }
  return url;
}
