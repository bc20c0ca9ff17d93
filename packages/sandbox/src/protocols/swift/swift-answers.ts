/** Swift's answers: its short HTML error pages, dates, metadata headers and the request id. */
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { ProtocolAnswer } from '../protocol-types.js';

const ERROR_TEXT: Record<number, [string, string]> = {
  400: [
    'Bad Request',
    'The server could not comply with the request since it is either malformed or otherwise incorrect.',
  ],
  401: [
    'Unauthorized',
    'This server could not verify that you are authorized to access the document you requested.',
  ],
  403: ['Forbidden', 'Access was denied to this resource.'],
  404: ['Not Found', 'The resource could not be found.'],
  405: ['Method Not Allowed', 'The method is not allowed for this resource.'],
  409: ['Conflict', 'There was a conflict when trying to complete your request.'],
  411: ['Length Required', 'Missing Content-Length or Transfer-Encoding header.'],
  412: ['Precondition Failed', 'A precondition for this request was not met.'],
  413: ['Request Entity Too Large', 'The body of your request was too large for this server.'],
  416: ['Requested Range Not Satisfiable', 'The Range requested is not available.'],
  422: ['Unprocessable Entity', 'Unable to process the contained instructions'],
  429: ['Too Many Requests', 'The object unsealing operation is in progress.'],
  500: [
    'Internal Error',
    'The server has either erred or is incapable of performing the requested operation.',
  ],
  503: ['Service Unavailable', 'The server is currently unavailable. Please try again at a later time.'],
};

export class SwiftError extends Error {
  constructor(
    readonly status: number,
    readonly detail?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? ERROR_TEXT[status]?.[0] ?? String(status));
  }
}

export function swiftErrorAnswer(
  status: number,
  detail?: string,
  headers: Record<string, string> = {},
): ProtocolAnswer {
  const [title, text] = ERROR_TEXT[status] ?? ['Error', ''];
  return {
    status,
    headers: { 'Content-Type': 'text/html; charset=UTF-8', ...headers },
    body: `<html><h1>${title}</h1><p>${detail ?? text}</p></html>`,
  };
}

/** `tx` + 21 hex + `-` + 10 hex, as Swift's proxy names transactions. */
export function swiftTransactionId(): string {
  return `tx${randomBytes(11).toString('hex').slice(0, 21)}-${Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(10, '0')}`;
}

export function httpDate(ms: number): string {
  // Swift rounds Last-Modified up to the next whole second.
  return new Date(Math.ceil(ms / 1000) * 1000).toUTCString();
}

export function swiftTimestamp(ms: number): string {
  return (ms / 1000).toFixed(5);
}

/** Listings' `last_modified`: ISO 8601 without zone, microseconds. */
export function listingDate(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}000`;
}

export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Applies `X-<Kind>-Meta-Name: value` (set) and `X-Remove-<Kind>-Meta-Name` (remove) headers;
 * an empty value removes too.
 */
export function applyMetaHeaders(
  meta: Record<string, string>,
  headers: IncomingHttpHeaders,
  kind: 'account' | 'container' | 'object',
): void {
  const set = `x-${kind}-meta-`;
  const remove = `x-remove-${kind}-meta-`;
  for (const [name, raw] of Object.entries(headers)) {
    const value = Array.isArray(raw) ? raw.join(',') : (raw ?? '');
    if (name.startsWith(set)) {
      const key = name.slice(set.length);
      if (value === '') delete meta[key];
      else meta[key] = value;
    } else if (name.startsWith(remove)) {
      delete meta[name.slice(remove.length)];
    }
  }
}

export function metaHeaders(
  meta: Record<string, string>,
  kind: 'Account' | 'Container' | 'Object',
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(meta)) {
    out[
      `X-${kind}-Meta-${key.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase())}`
    ] = value;
  }
  return out;
}

/** Swift caps metadata as OVH's `/info` says: 90 items, names 128 bytes, values 256, 4 KiB in all. */
export function metaProblem(meta: Record<string, string>): string | undefined {
  const entries = Object.entries(meta);
  if (entries.length > 90) return 'Too many metadata items; max 90';
  let total = 0;
  for (const [name, value] of entries) {
    if (Buffer.byteLength(name) > 128) return `Metadata name too long: ${name.slice(0, 40)}; max 128`;
    if (Buffer.byteLength(value) > 256) return `Metadata value longer than 256: ${name}`;
    total += Buffer.byteLength(name) + Buffer.byteLength(value);
  }
  return total > 4096 ? 'Total metadata too large; max 4096' : undefined;
}

/** Text inside XML Swift writes (listings, bulk delete answers). */
export const xmlEscape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
