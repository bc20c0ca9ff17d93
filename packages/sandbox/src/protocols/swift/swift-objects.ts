/**
 * Object operations: streamed PUT (MD5 ETag answered, a sent ETag checked → 422), GET with Range
 * (206/416), HEAD, DELETE, POST metadata, copies (COPY, or PUT with X-Copy-From), DLO manifests
 * (`X-Object-Manifest`) and, through swift-slo.ts, SLO ones. In a PCA container objects are sealed
 * once written: GET answers 429 with Retry-After and starts unsealing; HEAD shows the state.
 */
import { BlobTooLargeError } from '../../blobs/blob-store.js';
import { ownEntry } from '../../domain/cloud/own-entry.js';
import { deleteObject } from '../../domain/object-storage/delete-objects.js';
import { newObject } from '../../domain/object-storage/new-object.js';
import { EMPTY_MD5 } from '../../domain/object-storage/object-etag.js';
import { putObject } from '../../domain/object-storage/object-listing.js';
import { objectNameProblem } from '../../domain/object-storage/object-names.js';
import type { ObjectRecord } from '../../domain/object-storage/object-storage-state.js';
import {
  isArchive,
  type Retrieval,
  requestUnsealing,
  retrievalOf,
} from '../../domain/object-storage/retrieval-state.js';
import type { RouteContext } from '../../http/route-types.js';
import type { ProtocolAnswer, ProtocolRequest } from '../protocol-types.js';
import {
  applyMetaHeaders,
  header,
  httpDate,
  metaHeaders,
  metaProblem,
  SwiftError,
  swiftTimestamp,
} from './swift-answers.js';
import {
  answerEtag,
  type DataPart,
  type ObjectTarget,
  partsLength,
  readParts,
  resolveParts,
} from './swift-parts.js';
import { deleteSloManifest, putSloManifest, sloManifestAnswer } from './swift-slo.js';

/** OVH's max_file_size (reference §8.3). */
export const MAX_FILE_SIZE = 5_368_709_122;
const KEPT_HEADERS = [
  'content-disposition',
  'content-encoding',
  'content-language',
  'cache-control',
  'expires',
];

function keptHeaders(request: ProtocolRequest): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = header(request.headers, name);
    if (value !== undefined) kept[name] = value;
  }
  return kept;
}

function objectMeta(request: ProtocolRequest, base: Record<string, string> = {}): Record<string, string> {
  const meta = { ...base };
  applyMetaHeaders(meta, request.headers, 'object');
  const problem = metaProblem(meta);
  if (problem) throw new SwiftError(400, problem);
  return meta;
}

function sentEtag(request: ProtocolRequest): string | undefined {
  return header(request.headers, 'etag')?.replace(/^"|"$/g, '').toLowerCase();
}

function store(ctx: RouteContext, target: ObjectTarget, object: ObjectRecord): Promise<void> | void {
  const previous = ownEntry(target.container.objects, target.key);
  putObject(target.container, object);
  ctx.markDirty();
  if (previous) return ctx.blobs.remove(previous.blob);
}

function created(object: ObjectRecord, etag: string, extra: Record<string, string> = {}): ProtocolAnswer {
  return {
    status: 201,
    headers: {
      Etag: etag,
      'Last-Modified': httpDate(object.lastModifiedMs),
      'Content-Type': 'text/html; charset=UTF-8',
      ...extra,
    },
    body: '',
  };
}

/** The retrieval state of everything an object's bytes depend on (itself and its segments, in PCA). */
function holders(target: ObjectTarget, object: ObjectRecord, parts: readonly DataPart[]): ObjectRecord[] {
  const list = isArchive(target.container) ? [object] : [];
  for (const part of parts) if (isArchive(part.container) && part.object !== object) list.push(part.object);
  return list;
}

function worst(retrievals: readonly Retrieval[]): Retrieval | undefined {
  const rank = { sealed: 2, unsealing: 1, unsealed: 0 } as const;
  return retrievals.reduce<Retrieval | undefined>((current, next) => {
    if (!current || rank[next.state] > rank[current.state]) return next;
    if (rank[next.state] === rank[current.state] && (next.delaySeconds ?? 0) > (current.delaySeconds ?? 0))
      return next;
    return current;
  }, undefined);
}

function retrievalHeaders(retrieval: Retrieval | undefined): Record<string, string> {
  if (!retrieval) return {};
  return {
    'X-Ovh-Retrieval-State': retrieval.state,
    ...(retrieval.delaySeconds !== null && { 'X-Ovh-Retrieval-Delay': String(retrieval.delaySeconds) }),
  };
}

/** GET of something sealed: start unsealing it all, answer 429 with the longest remaining delay. */
function demandRetrieval(ctx: RouteContext, objects: readonly ObjectRecord[]): void {
  const nowMs = ctx.clock.nowMs();
  const states = objects.map((object) => requestUnsealing(object, nowMs, ctx.options));
  if (objects.length > 0) ctx.markDirty();
  const pending = worst(states);
  if (pending && pending.state !== 'unsealed') {
    throw new SwiftError(429, undefined, { 'Retry-After': String(Math.max(1, pending.delaySeconds ?? 1)) });
  }
}

type ByteRange = { start: number; end: number } | 'unsatisfiable' | undefined;

function parseRange(text: string | undefined, total: number): ByteRange {
  const match = text && /^bytes=(\d*)-(\d*)$/.exec(text.trim());
  if (!match || total === 0 || (match[1] === '' && match[2] === '')) return undefined;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, total - suffix), end: total - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? total - 1 : Math.min(Number(match[2]), total - 1);
  if (start >= total) return 'unsatisfiable';
  if (end < start) return undefined;
  return { start, end };
}

/** Entity tags of an If-Match list, unquoted (`*` kept). */
function entityTags(value: string): string[] {
  return value.split(',').map((tag) => tag.trim().replace(/^W\//, '').replace(/^"|"$/g, ''));
}

/**
 * If-Match as Swift answers it: naming another ETag → 412, so a client resuming a range learns the
 * object changed under it. A manifest's ETag is the one compared (its quotes aside).
 */
function checkIfMatch(request: ProtocolRequest, etag: string): void {
  const ifMatch = header(request.headers, 'if-match');
  if (ifMatch === undefined) return;
  const tags = entityTags(ifMatch);
  if (!tags.includes('*') && !tags.includes(etag.replace(/^"|"$/g, ''))) throw new SwiftError(412);
}

function disposition(request: ProtocolRequest, object: ObjectRecord): Record<string, string> {
  const filename = request.query.get('filename');
  if (request.query.get('temp_url_sig') !== null && (filename !== null || request.query.has('inline'))) {
    const kind = request.query.has('inline') ? 'inline' : 'attachment';
    const name = filename ?? object.key.split('/').at(-1) ?? object.key;
    return {
      'Content-Disposition': `${kind}; filename="${name.replace(/"/g, '\\"')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    };
  }
  return object.headers['content-disposition']
    ? { 'Content-Disposition': object.headers['content-disposition'] }
    : {};
}

async function readObject(
  request: ProtocolRequest,
  ctx: RouteContext,
  target: ObjectTarget,
): Promise<ProtocolAnswer> {
  const object = ownEntry(target.container.objects, target.key);
  if (!object) throw new SwiftError(404);
  if (object.manifest?.kind === 'slo' && request.query.get('multipart-manifest') === 'get') {
    return sloManifestAnswer(request, object);
  }
  const parts = resolveParts(target.account, target.container, object);
  const depends = holders(target, object, parts);
  if (request.method === 'GET') demandRetrieval(ctx, depends);
  const nowMs = ctx.clock.nowMs();
  const total = partsLength(parts);
  const headers: Record<string, string | number> = {
    'Content-Type': object.contentType,
    Etag: await answerEtag(object, parts, ctx.markDirty),
    'Last-Modified': httpDate(object.lastModifiedMs),
    'X-Timestamp': swiftTimestamp(object.lastModifiedMs),
    'Accept-Ranges': 'bytes',
    ...metaHeaders(object.meta, 'Object'),
    ...Object.fromEntries(Object.entries(object.headers).filter(([name]) => name !== 'content-disposition')),
    ...disposition(request, object),
    ...(object.manifest?.kind === 'slo' && { 'X-Static-Large-Object': 'True' }),
    ...(object.manifest?.kind === 'dlo' && {
      'X-Object-Manifest': `${object.manifest.container}/${object.manifest.prefix}`,
    }),
    ...retrievalHeaders(worst(depends.map((holder) => retrievalOf(holder, nowMs)))),
  };
  checkIfMatch(request, String(headers.Etag));
  const range = parseRange(header(request.headers, 'range'), total);
  if (range === 'unsatisfiable') {
    throw new SwiftError(416, undefined, { 'Content-Range': `bytes */${total}` });
  }
  if (range) {
    return {
      status: 206,
      headers: {
        ...headers,
        'Content-Length': range.end - range.start + 1,
        'Content-Range': `bytes ${range.start}-${range.end}/${total}`,
      },
      body: request.method === 'GET' ? readParts(ctx.blobs, parts, range.start, range.end) : undefined,
    };
  }
  return {
    status: 200,
    headers: { ...headers, 'Content-Length': total },
    body: request.method === 'GET' ? readParts(ctx.blobs, parts, 0, total - 1) : undefined,
  };
}

function uploadLength(request: ProtocolRequest): number | undefined {
  const text = header(request.headers, 'content-length');
  if (text === undefined) {
    if (request.headers['transfer-encoding'] === undefined) throw new SwiftError(411);
    return undefined;
  }
  const length = Number(text);
  if (length > MAX_FILE_SIZE) throw new SwiftError(413, 'Your request is too large.');
  return length;
}

async function writeUpload(
  request: ProtocolRequest,
  ctx: RouteContext,
  target: ObjectTarget,
): Promise<ProtocolAnswer> {
  uploadLength(request);
  const expected = sentEtag(request);
  let written: Awaited<ReturnType<typeof ctx.blobs.write>>;
  try {
    written = await ctx.blobs.write(request.body, MAX_FILE_SIZE, (md5) => {
      if (expected !== undefined && expected !== md5) throw new SwiftError(422);
    });
  } catch (error) {
    if (error instanceof BlobTooLargeError) throw new SwiftError(413, 'Your request is too large.');
    if (error instanceof SwiftError) throw error;
    // The client went away mid-body: nothing is stored, nobody to answer.
    throw new SwiftError(499);
  }
  const object = newObject({
    key: target.key,
    bytes: written.bytes,
    etag: written.md5,
    blob: written.ref,
    nowMs: ctx.clock.nowMs(),
    contentType: header(request.headers, 'content-type'),
    meta: objectMeta(request),
    headers: keptHeaders(request),
  });
  await store(ctx, target, object);
  return created(object, written.md5);
}

async function writeDloManifest(
  request: ProtocolRequest,
  ctx: RouteContext,
  target: ObjectTarget,
  manifest: string,
) {
  const cut = manifest.replace(/^\//, '').indexOf('/');
  const path = manifest.replace(/^\//, '');
  if (cut <= 0) throw new SwiftError(400, 'X-Object-Manifest must be in the format container/prefix');
  request.body.resume();
  const object = newObject({
    key: target.key,
    bytes: 0,
    etag: EMPTY_MD5,
    blob: { kind: 'empty' },
    nowMs: ctx.clock.nowMs(),
    contentType: header(request.headers, 'content-type'),
    meta: objectMeta(request),
    headers: keptHeaders(request),
    manifest: {
      kind: 'dlo',
      container: decodeURIComponent(path.slice(0, cut)),
      prefix: decodeURIComponent(path.slice(cut + 1)),
    },
  });
  await store(ctx, target, object);
  return created(object, object.etag!);
}

/** `container/object` (optionally with a leading `/`), percent-decoded. */
function parseObjectRef(text: string): { container: string; key: string } {
  const path = text.replace(/^\//, '');
  const cut = path.indexOf('/');
  if (cut <= 0 || cut === path.length - 1)
    throw new SwiftError(412, 'Bad URL or destination: must be container/object');
  try {
    return {
      container: decodeURIComponent(path.slice(0, cut)),
      key: decodeURIComponent(path.slice(cut + 1)),
    };
  } catch {
    throw new SwiftError(412, 'Bad URL or destination: must be container/object');
  }
}

async function copyObject(
  request: ProtocolRequest,
  ctx: RouteContext,
  source: { container: string; key: string },
  destination: ObjectTarget,
): Promise<ProtocolAnswer> {
  const sourceContainer = ownEntry(destination.account.containers, source.container);
  const sourceObject = sourceContainer ? ownEntry(sourceContainer.objects, source.key) : undefined;
  if (!sourceContainer || !sourceObject) throw new SwiftError(404);
  const sourceTarget = { ...destination, container: sourceContainer, key: source.key };
  const parts = resolveParts(destination.account, sourceContainer, sourceObject);
  // Copying reads the bytes: a sealed source must be unsealed first, as for a GET.
  demandRetrieval(ctx, holders(sourceTarget, sourceObject, parts));
  request.body.resume();
  const total = partsLength(parts);
  const written = await ctx.blobs.write(readParts(ctx.blobs, parts, 0, total - 1), MAX_FILE_SIZE);
  const fresh = request.headers['x-fresh-metadata'] === 'true';
  const object = newObject({
    key: destination.key,
    bytes: written.bytes,
    etag: written.md5,
    blob: written.ref,
    nowMs: ctx.clock.nowMs(),
    contentType: header(request.headers, 'content-type') ?? sourceObject.contentType,
    meta: objectMeta(request, fresh ? {} : sourceObject.meta),
    headers: { ...(fresh ? {} : sourceObject.headers), ...keptHeaders(request) },
  });
  await store(ctx, destination, object);
  return created(object, written.md5, {
    'X-Copied-From': `${encodeURIComponent(source.container)}/${source.key.split('/').map(encodeURIComponent).join('/')}`,
    'X-Copied-From-Last-Modified': httpDate(sourceObject.lastModifiedMs),
  });
}

export async function objectOperation(
  request: ProtocolRequest,
  ctx: RouteContext,
  target: ObjectTarget,
): Promise<ProtocolAnswer> {
  const problem = objectNameProblem(target.key);
  if (problem) throw new SwiftError(400, problem);
  switch (request.method) {
    case 'GET':
    case 'HEAD':
      return readObject(request, ctx, target);
    case 'PUT': {
      const copyFrom = header(request.headers, 'x-copy-from');
      if (copyFrom !== undefined) return copyObject(request, ctx, parseObjectRef(copyFrom), target);
      if (request.query.get('multipart-manifest') === 'put') {
        const object = await putSloManifest(request, ctx, target, objectMeta(request), keptHeaders(request));
        await store(ctx, target, object);
        return created(object, `"${object.etag}"`);
      }
      const manifest = header(request.headers, 'x-object-manifest');
      if (manifest !== undefined) return writeDloManifest(request, ctx, target, manifest);
      return writeUpload(request, ctx, target);
    }
    case 'COPY': {
      const destination = header(request.headers, 'destination');
      if (!destination) throw new SwiftError(412, 'You must provide a Destination header');
      const ref = parseObjectRef(destination);
      const container = ownEntry(target.account.containers, ref.container);
      if (!container) throw new SwiftError(404);
      return copyObject(
        request,
        ctx,
        { container: target.container.name, key: target.key },
        { ...target, container, key: ref.key },
      );
    }
    case 'POST': {
      const object = ownEntry(target.container.objects, target.key);
      if (!object) throw new SwiftError(404);
      // POST replaces the object's metadata as a whole.
      object.meta = objectMeta(request);
      const type = header(request.headers, 'content-type');
      if (type) object.contentType = type;
      ctx.markDirty();
      return { status: 202, headers: { 'Content-Type': 'text/html; charset=UTF-8' }, body: '' };
    }
    case 'DELETE': {
      const object = ownEntry(target.container.objects, target.key);
      if (!object) throw new SwiftError(404);
      if (request.query.get('multipart-manifest') === 'delete' && object.manifest?.kind === 'slo') {
        return deleteSloManifest(request, ctx, target, object);
      }
      await deleteObject(ctx.blobs, target.container, target.key);
      ctx.markDirty();
      return { status: 204 };
    }
    default:
      throw new SwiftError(405);
  }
}
