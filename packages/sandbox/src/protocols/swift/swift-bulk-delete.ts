/**
 * Swift's bulk delete (the `bulk` middleware of Swift's default proxy pipeline, advertised as
 * `bulk_delete` in `/info`; the reference quotes only some of OVH's `/info`, but rclone relies on it):
 * `POST` (or `DELETE`) on the account with `?bulk-delete`, a text/plain body of URL-encoded
 * `/container/object` or `/container` lines. Every item is a plain DELETE (a manifest goes alone,
 * its segments stay); the answer is always 200, the outcome in its body (text, JSON or XML by
 * Accept). rclone deletes a large object's segments this way.
 */
import { ownEntry } from '../../domain/cloud/own-entry.js';
import { deleteObject } from '../../domain/object-storage/delete-objects.js';
import type { ObjectStorageAccount } from '../../domain/object-storage/object-storage-state.js';
import { readBody } from '../../http/read-body.js';
import type { RouteContext } from '../../http/route-types.js';
import type { ProtocolAnswer, ProtocolRequest } from '../protocol-types.js';
import { header, xmlEscape } from './swift-answers.js';
import { deleteEmptyContainer } from './swift-containers.js';

export const MAX_BULK_DELETES = 10_000;
export const MAX_BULK_FAILURES = 1_000;
/** Ten thousand of the longest paths, URL-encoded. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

const STATUS_TEXT: Record<number, string> = {
  200: '200 OK',
  400: '400 Bad Request',
  406: '406 Not Acceptable',
  409: '409 Conflict',
  411: '411 Length Required',
  412: '412 Precondition Failed',
  413: '413 Request Entity Too Large',
};

type Format = 'text/plain' | 'application/json' | 'application/xml' | 'text/xml';
const FORMATS: readonly Format[] = ['text/plain', 'application/json', 'application/xml', 'text/xml'];

interface Outcome {
  status: number;
  body: string;
  deleted: number;
  notFound: number;
  /** `[quoted name, status line]` of each item that could not be deleted. */
  errors: [string, string][];
}

export function isBulkDelete(request: ProtocolRequest): boolean {
  return (request.method === 'POST' || request.method === 'DELETE') && request.query.has('bulk-delete');
}

/** The first format the Accept header names that the middleware can write; text without one. */
function answerFormat(request: ProtocolRequest): Format | undefined {
  const accept = header(request.headers, 'accept');
  if (!accept) return 'text/plain';
  const wanted = accept.split(',').map((part) => part.split(';')[0]!.trim().toLowerCase());
  if (wanted.includes('*/*')) return 'text/plain';
  return FORMATS.find((format) => wanted.includes(format));
}

type Items = { lines: string[] } | { refused: number; body?: string };

/** The body's lines, or the status Swift refuses the whole request with (still inside a 200). */
async function readItems(request: ProtocolRequest): Promise<Items> {
  const type = header(request.headers, 'content-type');
  if (type && !type.toLowerCase().startsWith('text/plain')) return { refused: 406 };
  const chunked = header(request.headers, 'transfer-encoding')?.toLowerCase() === 'chunked';
  if (request.headers['content-length'] === undefined && !chunked) return { refused: 411 };
  const read = await readBody(request.body, { maxBytes: MAX_BODY_BYTES });
  if (!read.ok) return { refused: read.reason === 'too-large' ? 413 : 400 };
  const lines = read.body
    .toString('utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length > MAX_BULK_DELETES) {
    return { refused: 413, body: `Maximum Bulk Deletes: ${MAX_BULK_DELETES} per request` };
  }
  return { lines };
}

export async function bulkDelete(
  request: ProtocolRequest,
  ctx: RouteContext,
  account: ObjectStorageAccount,
): Promise<ProtocolAnswer> {
  const accepted = answerFormat(request);
  const items: Items = accepted ? await readItems(request) : { refused: 406 };
  const outcome: Outcome = { status: 200, body: '', deleted: 0, notFound: 0, errors: [] };
  if ('refused' in items) {
    request.body.resume();
    Object.assign(outcome, { status: items.refused, body: items.body ?? '' });
  } else {
    await deleteEach(items.lines, ctx, account, outcome);
  }
  const format = accepted ?? 'text/plain';
  return {
    status: 200,
    headers: { 'Content-Type': `${format}; charset=utf-8` },
    body: formatOutcome(format, outcome),
  };
}

async function deleteEach(
  lines: readonly string[],
  ctx: RouteContext,
  account: ObjectStorageAccount,
  outcome: Outcome,
): Promise<void> {
  for (const line of lines) {
    if (outcome.errors.length >= MAX_BULK_FAILURES) {
      Object.assign(outcome, { status: 400, body: 'Max delete failures exceeded' });
      return;
    }
    let name: string;
    try {
      name = decodeURIComponent(line).replace(/^\/+/, '');
    } catch {
      outcome.errors.push([line, STATUS_TEXT[412]!]);
      continue;
    }
    const cut = name.indexOf('/');
    const containerName = cut < 0 ? name : name.slice(0, cut);
    const key = cut < 0 ? '' : name.slice(cut + 1);
    const container = ownEntry(account.containers, containerName);
    if (!container || (key !== '' && !ownEntry(container.objects, key))) {
      outcome.notFound += 1;
    } else if (key === '' && !deleteEmptyContainer(account, containerName)) {
      outcome.errors.push([encodeURI(name), STATUS_TEXT[409]!]);
    } else {
      if (key !== '') await deleteObject(ctx.blobs, container, key);
      outcome.deleted += 1;
    }
  }
  if (outcome.deleted + outcome.notFound > 0) ctx.markDirty();
  if (outcome.errors.length > 0) outcome.status = 400;
  else if (outcome.deleted + outcome.notFound === 0) {
    Object.assign(outcome, { status: 400, body: 'Invalid bulk delete.' });
  }
}

function formatOutcome(format: Format, outcome: Outcome): string {
  const fields: Record<string, string | number> = {
    'Number Deleted': outcome.deleted,
    'Number Not Found': outcome.notFound,
    'Response Body': outcome.body,
    'Response Status': STATUS_TEXT[outcome.status] ?? String(outcome.status),
  };
  if (format === 'application/json') return JSON.stringify({ ...fields, Errors: outcome.errors });
  if (format.endsWith('/xml')) {
    const items = Object.entries(fields).map(([name, value]) => {
      const tag = name.replace(/ /g, '_').toLowerCase();
      return `<${tag}>${xmlEscape(String(value))}</${tag}>`;
    });
    const errors = outcome.errors.map(
      ([name, status]) => `<object><name>${xmlEscape(name)}</name><status>${status}</status></object>`,
    );
    return `<?xml version="1.0" encoding="UTF-8"?>\n<delete>\n${items.join('\n')}\n<errors>\n${errors.join('\n')}\n</errors>\n</delete>\n`;
  }
  const text = Object.entries(fields).map(([name, value]) => `${name}: ${value}\n`);
  return `${text.join('')}Errors:\n${outcome.errors.map(([name, status]) => `${name}, ${status}`).join('\n')}`;
}
