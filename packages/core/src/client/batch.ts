/**
 * Reads many objects of one collection. With `X-Ovh-Batch: ,` a GET of `collection/id1,id2,…`
 * answers `[{key, value, error}]` (chunks of 50, as OVH's control panel does); OVH does not guarantee
 * it, so on a 400/404 or a non-array answer the ids are read one GET each (bounded by the client's
 * concurrency limit). The client remembers that the server does not batch only on proof: a non-array
 * answer, or a refused comma path whose ids read fine one by one. A 404 that a missing parent
 * explains (every id fails alone too) teaches nothing, and a server seen batching stays trusted.
 */
import { isOvhApiError, NotFoundError, NotGrantedError, OvhApiError } from './errors.js';
import type { OvhRequester, ServerFeatures } from './request-types.js';
import { encodeSegment } from './url-builder.js';

export const BATCH_CHUNK_SIZE = 50;

export type ObjectId = string | number;

export interface GetManyOptions {
  signal?: AbortSignal | undefined;
  /** `off` forces one GET per id; default: the client's `batch` option. */
  batch?: 'auto' | 'off' | undefined;
}

export interface GetManyItem<T> {
  id: ObjectId;
  value?: T;
  error?: OvhApiError;
}

interface BatchEntry {
  key: unknown;
  value?: unknown;
  error?: unknown;
}

interface ChunkContext {
  requester: OvhRequester;
  features: ServerFeatures;
  collectionPath: string;
  signal: AbortSignal | undefined;
}

function itemPath(collectionPath: string, id: ObjectId): string {
  return `${collectionPath}/${encodeSegment(id)}`;
}

/** A batch item's error is a message string (or an OVH error body); map it to the matching error. */
function batchItemError(raw: unknown, path: string, queryId: string | undefined): OvhApiError {
  const body = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const message =
    typeof raw === 'string' ? raw : typeof body.message === 'string' ? body.message : 'Batch item failed';
  const errorCode = typeof body.errorCode === 'string' ? body.errorCode : undefined;
  const errorClass = typeof body.class === 'string' ? body.class : undefined;
  const init = { method: 'GET', path, reason: message, queryId, errorCode, errorClass };
  if (errorClass === 'Client::NotFound' || /does not exist|not found/i.test(message)) {
    return new NotFoundError({ ...init, status: 404 });
  }
  if (errorCode === 'NOT_GRANTED_CALL' || /not been granted/i.test(message)) {
    return new NotGrantedError({ ...init, status: 403 });
  }
  return new OvhApiError({ ...init, status: 0 });
}

async function getOne<T>(context: ChunkContext, id: ObjectId): Promise<GetManyItem<T>> {
  try {
    const { data } = await context.requester.requestWithMeta<T>('GET', itemPath(context.collectionPath, id), {
      signal: context.signal,
    });
    return { id, value: data };
  } catch (error) {
    if (isOvhApiError(error)) return { id, error };
    throw error;
  }
}

function getEach<T>(context: ChunkContext, ids: readonly ObjectId[]): Promise<Array<GetManyItem<T>>> {
  return Promise.all(ids.map((id) => getOne<T>(context, id)));
}

/** 400 Client::BadRequest or 404 on the comma path: this server does not do batch reads. */
function meansBatchUnsupported(error: unknown): boolean {
  return (
    isOvhApiError(error) && error.errorCode === undefined && (error.status === 400 || error.status === 404)
  );
}

function isBatchAnswer(data: unknown): data is BatchEntry[] {
  return (
    Array.isArray(data) &&
    data.every((entry) => typeof entry === 'object' && entry !== null && 'key' in entry)
  );
}

async function getChunk<T>(context: ChunkContext, ids: readonly ObjectId[]): Promise<Array<GetManyItem<T>>> {
  if (ids.length === 1 || context.features.batch === 'unsupported') return getEach<T>(context, ids);
  let answer: { data: unknown; queryId?: string };
  try {
    answer = await context.requester.requestWithMeta<unknown>(
      'GET',
      `${context.collectionPath}/${ids.map(encodeSegment).join(',')}`,
      { signal: context.signal, headers: { 'X-Ovh-Batch': ',' } },
    );
  } catch (error) {
    if (!meansBatchUnsupported(error)) throw error;
    const items = await getEach<T>(context, ids);
    // Refused although some ids exist alone: the server does not batch. Refused and every id
    // missing: the collection itself may be gone, which says nothing about batch support.
    if (context.features.batch === 'unknown' && items.some((item) => item.error === undefined)) {
      context.features.batch = 'unsupported';
    }
    return items;
  }
  if (!isBatchAnswer(answer.data)) {
    context.features.batch = 'unsupported';
    return getEach<T>(context, ids);
  }
  context.features.batch = 'supported';

  const byKey = new Map<string, BatchEntry>();
  for (const entry of answer.data) byKey.set(String(entry.key), entry);
  return ids.map((id) => {
    const path = itemPath(context.collectionPath, id);
    const entry = byKey.get(String(id));
    if (!entry) {
      return {
        id,
        error: new NotFoundError({
          status: 404,
          method: 'GET',
          path,
          reason: 'Missing from the batch answer',
          queryId: answer.queryId,
        }),
      };
    }
    if (entry.error !== undefined && entry.error !== null) {
      return { id, error: batchItemError(entry.error, path, answer.queryId) };
    }
    return { id, value: entry.value as T };
  });
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let index = 0; index < items.length; index += size) chunks.push(items.slice(index, index + size));
  return chunks;
}

export async function getManyObjects<T>(
  requester: OvhRequester,
  features: ServerFeatures,
  collectionPath: string,
  ids: readonly ObjectId[],
  options: GetManyOptions,
): Promise<Array<GetManyItem<T>>> {
  const context: ChunkContext = { requester, features, collectionPath, signal: options.signal };
  if (ids.length === 0) return [];
  if (options.batch === 'off') return getEach<T>(context, ids);

  const chunks = chunk(ids, BATCH_CHUNK_SIZE);
  const results: Array<Array<GetManyItem<T>>> = [];
  // Until the server has shown whether it batches, probe one chunk at a time rather than all at once.
  let next = 0;
  while (next < chunks.length && features.batch === 'unknown') {
    results.push(await getChunk<T>(context, chunks[next++]!));
  }
  results.push(...(await Promise.all(chunks.slice(next).map((ids) => getChunk<T>(context, ids)))));
  return results.flat();
}
