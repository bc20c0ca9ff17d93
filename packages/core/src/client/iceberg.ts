/**
 * Lists every object of a list route. "Iceberg" (`X-Pagination-Mode: CachedObjectList-Pages`) answers
 * full objects page by page with the total in `X-Pagination-Elements`. A route that ignores it
 * answers the plain id list instead, and the objects are then read with getMany. That is not
 * remembered: Iceberg is served per route (and not in every region), and asking costs nothing since
 * the ignored request already brings the id list.
 */
import { type GetManyItem, getManyObjects, type ObjectId } from './batch.js';
import { InvalidResponseError, NotFoundError } from './errors.js';
import type { OvhRequester, OvhResponse, ServerFeatures } from './request-types.js';
import type { QueryInput } from './url-builder.js';

export const DEFAULT_PAGE_SIZE = 1000;

export interface ListAllOptions {
  /** Filters of the list route, passed through (e.g. `{ name: 'backup' }`). */
  query?: QueryInput | undefined;
  /** Objects per Iceberg page; default 1000. */
  pageSize?: number | undefined;
  signal?: AbortSignal | undefined;
  /** `off` skips Iceberg and batch reads; default: the client's `batch` option. */
  batch?: 'auto' | 'off' | undefined;
}

function isIdList(data: unknown): data is ObjectId[] {
  return Array.isArray(data) && data.every((item) => typeof item === 'string' || typeof item === 'number');
}

function pageHeaders(pageSize: number, pageNumber: number): Record<string, string> {
  return {
    'X-Pagination-Mode': 'CachedObjectList-Pages',
    'X-Pagination-Size': String(pageSize),
    'X-Pagination-Number': String(pageNumber),
  };
}

function positiveInteger(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value);
}

/** Reads the objects of `ids`; an id that vanished since the list was read is skipped. */
async function objectsOf<T>(
  requester: OvhRequester,
  features: ServerFeatures,
  listPath: string,
  ids: readonly ObjectId[],
  options: ListAllOptions,
): Promise<T[]> {
  const items: Array<GetManyItem<T>> = await getManyObjects<T>(requester, features, listPath, ids, options);
  const values: T[] = [];
  for (const item of items) {
    if (item.error instanceof NotFoundError) continue;
    if (item.error) throw item.error;
    values.push(item.value as T);
  }
  return values;
}

async function listIds(
  requester: OvhRequester,
  listPath: string,
  options: ListAllOptions,
): Promise<ObjectId[]> {
  const answer = await requester.requestWithMeta<unknown>('GET', listPath, {
    query: options.query,
    signal: options.signal,
  });
  if (!isIdList(answer.data)) throw notAList(listPath, answer, 'a list of ids');
  return answer.data;
}

function notAList(listPath: string, answer: OvhResponse<unknown>, expected: string): InvalidResponseError {
  return new InvalidResponseError({
    status: answer.status,
    method: 'GET',
    path: listPath,
    reason: `The API answered something other than ${expected}`,
    queryId: answer.queryId,
  });
}

export async function listAllObjects<T>(
  requester: OvhRequester,
  features: ServerFeatures,
  listPath: string,
  options: ListAllOptions,
): Promise<T[]> {
  if (options.batch === 'off') {
    return objectsOf<T>(requester, features, listPath, await listIds(requester, listPath, options), options);
  }

  const requestedSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const first = await requester.requestWithMeta<unknown>('GET', listPath, {
    query: options.query,
    signal: options.signal,
    headers: pageHeaders(requestedSize, 1),
  });
  const total = positiveInteger(first.headers.get('x-pagination-elements'));
  if (total === undefined || !Array.isArray(first.data) || (first.data.length > 0 && isIdList(first.data))) {
    // The route ignored the pagination headers: its answer is the id list itself.
    const ids = isIdList(first.data) ? first.data : await listIds(requester, listPath, options);
    return objectsOf<T>(requester, features, listPath, ids, options);
  }

  // The server may cap the page size; count pages with the size it used.
  const pageSize = positiveInteger(first.headers.get('x-pagination-size')) || requestedSize;
  const pageCount = Math.ceil(total / pageSize);
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, pageCount - 1) }, async (_, index) => {
      const page = await requester.requestWithMeta<unknown>('GET', listPath, {
        query: options.query,
        signal: options.signal,
        headers: pageHeaders(pageSize, index + 2),
      });
      if (!Array.isArray(page.data)) throw notAList(listPath, page, `a list for Iceberg page ${index + 2}`);
      return page.data as T[];
    }),
  );
  return [...(first.data as T[]), ...rest.flat()];
}
