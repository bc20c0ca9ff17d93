/**
 * Account and container listings in Swift's three formats (plain text, JSON, XML), chosen by
 * `format` or the Accept header; `limit` (default and maximum 10,000), `marker`, `end_marker`,
 * `prefix`, `delimiter`; `policy_extra=true` adds Cloud Archive's retrieval state to each object.
 */
import { EMPTY_MD5, ensureEtag } from '../../domain/object-storage/object-etag.js';
import {
  compareKeys,
  containerUsage,
  type ListEntry,
  listObjects,
} from '../../domain/object-storage/object-listing.js';
import type {
  ContainerRecord,
  ObjectStorageAccount,
} from '../../domain/object-storage/object-storage-state.js';
import { isArchive, retrievalOf } from '../../domain/object-storage/retrieval-state.js';
import type { RouteContext } from '../../http/route-types.js';
import type { ProtocolRequest } from '../protocol-types.js';
import { header, listingDate, SwiftError, xmlEscape } from './swift-answers.js';

export const LISTING_LIMIT = 10_000;

type Format = 'plain' | 'json' | 'xml';

export function listingFormat(request: ProtocolRequest): Format {
  const format = request.query.get('format');
  if (format === 'json' || format === 'xml' || format === 'plain') return format;
  const accept = header(request.headers, 'accept') ?? '';
  if (accept.includes('application/json')) return 'json';
  if (accept.includes('application/xml') || accept.includes('text/xml')) return 'xml';
  return 'plain';
}

export function listingLimit(request: ProtocolRequest): number {
  const text = request.query.get('limit');
  if (text === null || text === '') return LISTING_LIMIT;
  const limit = Number(text);
  if (!/^\d+$/.test(text)) throw new SwiftError(412, 'Value of limit must be a positive integer');
  if (limit > LISTING_LIMIT) throw new SwiftError(412, `Maximum limit is ${LISTING_LIMIT}`);
  return limit;
}

const CONTENT_TYPES: Record<Format, string> = {
  plain: 'text/plain; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
};

function render(
  format: Format,
  rows: Record<string, unknown>[],
  root: string,
  item: string,
  name: string,
  names: string[],
) {
  if (format === 'json') return JSON.stringify(rows);
  if (format === 'plain') return names.map((entry) => `${entry}\n`).join('');
  const body = rows
    .map((row) => {
      if ('subdir' in row)
        return `<subdir name="${xmlEscape(String(row.subdir))}"><name>${xmlEscape(String(row.subdir))}</name></subdir>`;
      const fields = Object.entries(row)
        .map(([key, value]) => `<${key}>${xmlEscape(value === null ? '' : String(value))}</${key}>`)
        .join('');
      return `<${item}>${fields}</${item}>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} name="${xmlEscape(name)}">${body}</${root}>`;
}

/** Answer body and type; plain text with nothing in it is Swift's 204. */
function answer(format: Format, text: string, empty: boolean, headers: Record<string, string | number>) {
  if (format === 'plain' && empty) return { status: 204, headers };
  return { status: 200, headers: { ...headers, 'Content-Type': CONTENT_TYPES[format] }, body: text };
}

export async function containerListing(
  request: ProtocolRequest,
  ctx: RouteContext,
  container: ContainerRecord,
  headers: Record<string, string | number>,
) {
  const format = listingFormat(request);
  const entries: ListEntry[] = listObjects(container, {
    prefix: request.query.get('prefix') ?? undefined,
    marker: request.query.get('marker') ?? undefined,
    endMarker: request.query.get('end_marker') ?? undefined,
    delimiter: request.query.get('delimiter') || undefined,
    limit: listingLimit(request),
  });
  const policyExtra = request.query.get('policy_extra') === 'true' && isArchive(container);
  const nowMs = ctx.clock.nowMs();
  const rows: Record<string, unknown>[] = [];
  for (const entry of entries) {
    if ('subdir' in entry) {
      rows.push({ subdir: entry.subdir });
      continue;
    }
    const object = entry.object;
    const row: Record<string, unknown> = {
      hash: object.manifest?.kind === 'dlo' ? EMPTY_MD5 : await ensureEtag(object, ctx.markDirty),
      last_modified: listingDate(object.lastModifiedMs),
      bytes: object.manifest?.kind === 'dlo' ? 0 : object.bytes,
      name: object.key,
      content_type: object.contentType,
    };
    if (object.manifest?.kind === 'slo') row.slo_etag = `"${object.etag}"`;
    if (policyExtra) {
      const retrieval = retrievalOf(object, nowMs);
      row.policy_retrieval_state = retrieval.state;
      row.policy_retrieval_delay = retrieval.delaySeconds;
    }
    rows.push(row);
  }
  const names = entries.map((entry) => ('subdir' in entry ? entry.subdir : entry.object.key));
  return answer(
    format,
    render(format, rows, 'container', 'object', container.name, names),
    entries.length === 0,
    headers,
  );
}

export function accountListing(
  request: ProtocolRequest,
  account: ObjectStorageAccount,
  accountName: string,
  headers: Record<string, string | number>,
) {
  const format = listingFormat(request);
  const limit = listingLimit(request);
  const prefix = request.query.get('prefix') ?? '';
  const marker = request.query.get('marker') ?? '';
  const endMarker = request.query.get('end_marker') ?? '';
  const containers = Object.values(account.containers)
    .filter(
      (container) =>
        container.name.startsWith(prefix) &&
        (!marker || compareKeys(container.name, marker) > 0) &&
        (!endMarker || compareKeys(container.name, endMarker) < 0),
    )
    .sort((a, b) => compareKeys(a.name, b.name))
    .slice(0, limit);
  const rows = containers.map((container) => {
    const usage = containerUsage(container);
    return {
      name: container.name,
      count: usage.objects,
      bytes: usage.bytes,
      last_modified: listingDate(container.createdMs),
    };
  });
  const names = containers.map((container) => container.name);
  return answer(
    format,
    render(format, rows, 'account', 'container', accountName, names),
    containers.length === 0,
    headers,
  );
}
