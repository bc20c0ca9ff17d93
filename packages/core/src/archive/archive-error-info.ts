// Errors reduced to plain JSON for per-item results (prune, batch reads) that cross IPC.

export interface ArchiveErrorInfo {
  name: string;
  message: string;
  status?: number;
  errorCode?: string;
  queryId?: string;
}

export function toArchiveErrorInfo(error: unknown): ArchiveErrorInfo {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const fields = error as Error & { status?: unknown; errorCode?: unknown; queryId?: unknown };
  const info: ArchiveErrorInfo = { name: error.name, message: error.message };
  if (typeof fields.status === 'number') info.status = fields.status;
  if (typeof fields.errorCode === 'string') info.errorCode = fields.errorCode;
  if (typeof fields.queryId === 'string') info.queryId = fields.queryId;
  return info;
}

/** The HTTP status an error carries, if any (client errors and ArchiveNotFoundError have one). */
export function errorStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}
