import { path } from '../../client/index.js';
import type { ArchiveApiClient } from '../archive-client.js';
import type { ArchiveTaskRead, LegacyPcaBackendPort } from './legacy-pca-backend-port.js';
import { formatServiceId } from './legacy-pca-ids.js';
import { toArchiveFile, toArchiveSession, toArchiveTask } from './legacy-pca-mapping.js';
import type { ListTasksOptions } from './legacy-pca-query-types.js';
import type { ArchiveFile, ArchiveSession, ArchiveTask, PcaArchiveService } from './legacy-pca-types.js';
import type { PcaFileWire, PcaSessionWire, PcaTaskWire } from './legacy-pca-wire-types.js';

function servicePath(service: PcaArchiveService): string {
  return path`/cloud/${service.passport}/pca/${service.serviceName}`;
}

function sessionPath(service: PcaArchiveService, sessionId: string): string {
  return `${servicePath(service)}${path`/sessions/${sessionId}`}`;
}

function dateParam(value: string | Date | undefined): string | undefined {
  if (value === undefined) return undefined;
  return value instanceof Date ? value.toISOString() : value;
}

/** The legacy Public Cloud Archive routes (`/cloud/{passport}/pca/{pcaService}/…`). */
export class LegacyPcaBackend implements LegacyPcaBackendPort<PcaArchiveService> {
  readonly kind = 'pca' as const;
  readonly #client: ArchiveApiClient;

  constructor(client: ArchiveApiClient) {
    this.#client = client;
  }

  listPassports(signal?: AbortSignal): Promise<string[]> {
    return this.#client.request<string[]>('GET', '/cloud', { signal });
  }

  async listServicesOfPassport(passport: string, signal?: AbortSignal): Promise<PcaArchiveService[]> {
    const names = await this.#client.request<string[]>('GET', path`/cloud/${passport}/pca`, { signal });
    return names.map((serviceName) => ({
      kind: 'pca' as const,
      id: formatServiceId(passport, serviceName),
      passport,
      serviceName,
    }));
  }

  listSessionIds(service: PcaArchiveService, signal?: AbortSignal): Promise<string[]> {
    return this.#client.request<string[]>('GET', `${servicePath(service)}/sessions`, { signal });
  }

  async listSessions(
    service: PcaArchiveService,
    options: { name?: string; signal?: AbortSignal },
  ): Promise<ArchiveSession[]> {
    const wires = await this.#client.listAll<PcaSessionWire>(`${servicePath(service)}/sessions`, {
      query: { name: options.name },
      signal: options.signal,
    });
    return wires.map((wire) => toArchiveSession(wire, service.id));
  }

  async getSession(
    service: PcaArchiveService,
    sessionId: string,
    signal?: AbortSignal,
  ): Promise<ArchiveSession> {
    const wire = await this.#client.request<PcaSessionWire>('GET', sessionPath(service, sessionId), {
      signal,
    });
    return toArchiveSession(wire, service.id);
  }

  async renameSession(
    service: PcaArchiveService,
    sessionId: string,
    name: string,
    signal?: AbortSignal,
  ): Promise<void> {
    // The client serialises the body as JSON: quotes and any Unicode travel intact.
    await this.#client.request<unknown>('PUT', sessionPath(service, sessionId), { body: { name }, signal });
  }

  async deleteSession(
    service: PcaArchiveService,
    sessionId: string,
    signal?: AbortSignal,
  ): Promise<ArchiveTask> {
    const wire = await this.#client.request<PcaTaskWire>('DELETE', sessionPath(service, sessionId), {
      signal,
    });
    return toArchiveTask(wire, service.id);
  }

  async restoreSession(
    service: PcaArchiveService,
    sessionId: string,
    signal?: AbortSignal,
  ): Promise<ArchiveTask> {
    const wire = await this.#client.request<PcaTaskWire>(
      'POST',
      `${sessionPath(service, sessionId)}/restore`,
      {
        signal,
      },
    );
    return toArchiveTask(wire, service.id);
  }

  async listFiles(
    service: PcaArchiveService,
    sessionId: string,
    options: { name?: string; signal?: AbortSignal },
  ): Promise<ArchiveFile[]> {
    const wires = await this.#client.listAll<PcaFileWire>(`${sessionPath(service, sessionId)}/files`, {
      query: { name: options.name },
      signal: options.signal,
    });
    return wires.map((wire) => toArchiveFile(wire, sessionId, service.id));
  }

  async getFile(
    service: PcaArchiveService,
    sessionId: string,
    fileId: string,
    signal?: AbortSignal,
  ): Promise<ArchiveFile> {
    const wire = await this.#client.request<PcaFileWire>(
      'GET',
      `${sessionPath(service, sessionId)}${path`/files/${fileId}`}`,
      { signal },
    );
    return toArchiveFile(wire, sessionId, service.id);
  }

  async listTasks(
    service: PcaArchiveService,
    filter: Omit<ListTasksOptions, 'service'>,
  ): Promise<ArchiveTask[]> {
    const wires = await this.#client.listAll<PcaTaskWire>(`${servicePath(service)}/tasks`, {
      query: {
        function: filter.function,
        status: filter.status,
        'todoDate.from': dateParam(filter.todoDateFrom),
        'todoDate.to': dateParam(filter.todoDateTo),
      },
      signal: filter.signal,
    });
    return wires.map((wire) => toArchiveTask(wire, service.id));
  }

  async getTask(service: PcaArchiveService, taskId: string, signal?: AbortSignal): Promise<ArchiveTask> {
    const wire = await this.#client.request<PcaTaskWire>(
      'GET',
      `${servicePath(service)}${path`/tasks/${taskId}`}`,
      {
        signal,
      },
    );
    return toArchiveTask(wire, service.id);
  }

  async getTasks(
    service: PcaArchiveService,
    taskIds: readonly string[],
    signal?: AbortSignal,
  ): Promise<ArchiveTaskRead[]> {
    const items = await this.#client.getMany<PcaTaskWire>(`${servicePath(service)}/tasks`, taskIds, {
      signal,
    });
    return items.map((item) =>
      item.value !== undefined && item.error === undefined
        ? { id: String(item.id), task: toArchiveTask(item.value, service.id) }
        : { id: String(item.id), error: item.error ?? new Error(`Task ${item.id}: empty answer`) },
    );
  }

  async getUsage(service: PcaArchiveService, signal?: AbortSignal): Promise<number> {
    // The route answers a bare JSON number of bytes.
    const usage = await this.#client.request<number | string>('GET', `${servicePath(service)}/usage`, {
      signal,
    });
    const bytes = typeof usage === 'number' ? usage : Number(usage);
    if (!Number.isFinite(bytes)) throw new TypeError(`Unexpected usage answer for ${service.id}`);
    return bytes;
  }

  getTimeOffset(signal?: AbortSignal): Promise<number> {
    return this.#client.getTimeOffset(signal);
  }
}
