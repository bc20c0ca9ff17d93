/**
 * Static large objects: `PUT ?multipart-manifest=put` with the JSON segment list (each segment must
 * exist, with the given ETag and size), `GET ?multipart-manifest=get` (the list back) and
 * `DELETE ?multipart-manifest=delete` (segments, then the manifest). The manifest's ETag is the MD5
 * of its segments' ETags.
 */
import { createHash } from 'node:crypto';
import { ownEntry } from '../../domain/cloud/own-entry.js';
import { deleteObject } from '../../domain/object-storage/delete-objects.js';
import { newObject } from '../../domain/object-storage/new-object.js';
import { ensureEtag } from '../../domain/object-storage/object-etag.js';
import type { ObjectRecord, SloSegment } from '../../domain/object-storage/object-storage-state.js';
import { readBody } from '../../http/read-body.js';
import type { RouteContext } from '../../http/route-types.js';
import type { ProtocolAnswer, ProtocolRequest } from '../protocol-types.js';
import { header, listingDate, SwiftError } from './swift-answers.js';
import type { ObjectTarget } from './swift-parts.js';

export const MAX_MANIFEST_SEGMENTS = 1000;
export const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;

function splitPath(path: string): { container: string; key: string } | undefined {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // Not percent-encoded: taken as is.
  }
  const trimmed = decoded.replace(/^\//, '');
  const cut = trimmed.indexOf('/');
  return cut > 0 && cut < trimmed.length - 1
    ? { container: trimmed.slice(0, cut), key: trimmed.slice(cut + 1) }
    : undefined;
}

export async function putSloManifest(
  request: ProtocolRequest,
  ctx: RouteContext,
  target: ObjectTarget,
  meta: Record<string, string>,
  headers: Record<string, string>,
): Promise<ObjectRecord> {
  const read = await readBody(request.body, { maxBytes: MAX_MANIFEST_BYTES });
  if (!read.ok) throw new SwiftError(413, 'Manifest too large');
  let list: unknown;
  try {
    list = JSON.parse(read.body.toString('utf8'));
  } catch {
    throw new SwiftError(400, 'Manifest must be valid JSON.');
  }
  if (!Array.isArray(list) || list.length === 0)
    throw new SwiftError(400, 'Manifest must be a list of segments.');
  if (list.length > MAX_MANIFEST_SEGMENTS)
    throw new SwiftError(400, `Too many segments; max ${MAX_MANIFEST_SEGMENTS}`);
  const problems: string[] = [];
  const segments: SloSegment[] = [];
  for (const item of list as Array<Record<string, unknown>>) {
    const path = typeof item?.path === 'string' ? splitPath(item.path) : undefined;
    if (!path) {
      problems.push(`${String(item?.path)}, Invalid path`);
      continue;
    }
    const container = ownEntry(target.account.containers, path.container);
    const object = container ? ownEntry(container.objects, path.key) : undefined;
    if (!object) {
      problems.push(`/${path.container}/${path.key}, 404 Not Found`);
      continue;
    }
    const etag =
      object.manifest?.kind === 'slo' ? (object.etag ?? '') : await ensureEtag(object, ctx.markDirty);
    const wantedEtag = typeof item.etag === 'string' ? item.etag.replace(/^"|"$/g, '') : null;
    if (wantedEtag !== null && wantedEtag !== etag)
      problems.push(`/${path.container}/${path.key}, Etag Mismatch`);
    if (item.size_bytes !== undefined && item.size_bytes !== null && item.size_bytes !== object.bytes) {
      problems.push(`/${path.container}/${path.key}, Size Mismatch`);
    }
    segments.push({ container: path.container, key: path.key, etag, bytes: object.bytes });
  }
  if (problems.length > 0) throw new SwiftError(400, `Errors:<br>${problems.join('<br>')}`);
  const sloEtag = createHash('md5')
    .update(segments.map((segment) => segment.etag).join(''))
    .digest('hex');
  return newObject({
    key: target.key,
    bytes: segments.reduce((sum, segment) => sum + segment.bytes, 0),
    etag: sloEtag,
    blob: { kind: 'empty' },
    nowMs: ctx.clock.nowMs(),
    contentType: header(request.headers, 'content-type'),
    meta,
    headers,
    manifest: { kind: 'slo', segments },
  });
}

export function sloManifestAnswer(request: ProtocolRequest, object: ObjectRecord): ProtocolAnswer {
  const segments = object.manifest?.kind === 'slo' ? object.manifest.segments : [];
  const raw = request.query.get('format') === 'raw';
  const list = segments.map((segment) =>
    raw
      ? { path: `/${segment.container}/${segment.key}`, etag: segment.etag, size_bytes: segment.bytes }
      : {
          name: `/${segment.container}/${segment.key}`,
          hash: segment.etag,
          bytes: segment.bytes,
          content_type: 'application/octet-stream',
          last_modified: listingDate(object.lastModifiedMs),
        },
  );
  return {
    status: 200,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'X-Static-Large-Object': 'True',
      Etag: object.etag ?? '',
    },
    body: JSON.stringify(list),
  };
}

export async function deleteSloManifest(
  request: ProtocolRequest,
  ctx: RouteContext,
  target: ObjectTarget,
  object: ObjectRecord,
): Promise<ProtocolAnswer> {
  const segments = object.manifest?.kind === 'slo' ? object.manifest.segments : [];
  let deleted = 0;
  let notFound = 0;
  for (const segment of segments) {
    const container = ownEntry(target.account.containers, segment.container);
    if (container && (await deleteObject(ctx.blobs, container, segment.key))) deleted++;
    else notFound++;
  }
  await deleteObject(ctx.blobs, target.container, target.key);
  deleted++;
  ctx.markDirty();
  const summary = {
    'Number Deleted': deleted,
    'Number Not Found': notFound,
    'Response Status': '200 OK',
    'Response Body': '',
    Errors: [],
  };
  const json = (header(request.headers, 'accept') ?? '').includes('application/json');
  return {
    status: 200,
    headers: { 'Content-Type': json ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8' },
    body: json
      ? JSON.stringify(summary)
      : `Number Deleted: ${deleted}\nNumber Not Found: ${notFound}\nResponse Body: \nResponse Status: 200 OK\nErrors:\n`,
  };
}
