import { toIsoDate } from '../iso-date.js';
import { pcaSessionPhase, pcaTaskPhase } from './legacy-pca-phases.js';
import type {
  ArchiveFile,
  ArchiveSession,
  ArchiveSessionState,
  ArchiveTask,
  ArchiveTaskFunction,
  ArchiveTaskStatus,
} from './legacy-pca-types.js';
import type { PcaFileWire, PcaSessionWire, PcaTaskWire } from './legacy-pca-wire-types.js';

function bytes(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : 0;
}

export function toArchiveSession(wire: PcaSessionWire, serviceId: string): ArchiveSession {
  const endDate = wire.endDate ? toIsoDate(wire.endDate) : null;
  return {
    id: String(wire.id).toLowerCase(),
    serviceId,
    name: wire.name,
    startDate: toIsoDate(wire.startDate),
    endDate,
    size: bytes(wire.size),
    state: wire.state as ArchiveSessionState,
    phase: pcaSessionPhase(wire.state, endDate),
    login: wire.login,
    srcIp: wire.srcIp ?? null,
  };
}

export function toArchiveFile(wire: PcaFileWire, sessionId: string, serviceId: string): ArchiveFile {
  return {
    id: String(wire.id).toLowerCase(),
    sessionId,
    serviceId,
    name: wire.name,
    size: bytes(wire.size),
    type: wire.type,
    state: wire.state,
    md5: wire.MD5,
    sha1: wire.SHA1,
    sha256: wire.SHA256,
  };
}

export function toArchiveTask(wire: PcaTaskWire, serviceId: string): ArchiveTask {
  return {
    id: String(wire.id),
    serviceId,
    function: wire.function as ArchiveTaskFunction,
    status: wire.status as ArchiveTaskStatus,
    phase: pcaTaskPhase(wire.status),
    todoDate: toIsoDate(wire.todoDate),
    login: wire.login,
    ipAddress: wire.ipAddress ?? null,
    comment: wire.comment ?? null,
  };
}
