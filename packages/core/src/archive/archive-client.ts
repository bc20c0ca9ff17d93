// The slice of OvhClient (core/src/client) the archive model uses. Declared structurally so the
// model can be driven by any client honouring the core client contract in docs/architecture.md.

export interface ArchiveRequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  signal?: AbortSignal;
  /** A POST that is safe to send again after a failure (a token request). */
  idempotent?: boolean;
}

export interface ArchiveBatchItem<T> {
  id: string | number;
  value?: T;
  error?: Error;
}

export interface ArchiveApiClient {
  request<T>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    options?: ArchiveRequestOptions,
  ): Promise<T>;
  getMany<T>(
    collectionPath: string,
    ids: readonly string[],
    options?: { signal?: AbortSignal },
  ): Promise<Array<ArchiveBatchItem<T>>>;
  listAll<T>(
    listPath: string,
    options?: { query?: ArchiveRequestOptions['query']; signal?: AbortSignal },
  ): Promise<T[]>;
  /** Seconds, server − local. */
  getTimeOffset(signal?: AbortSignal): Promise<number>;
}
