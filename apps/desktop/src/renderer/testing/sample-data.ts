import type { FileRow, SessionRow } from '../../shared/ipc-types.js';

/** `count` sessions with distinct names, ids, sizes and dates, in one service unless told otherwise. */
export function sampleSessions(count: number, serviceId = 'passport-1/pca-1'): SessionRow[] {
  return Array.from({ length: count }, (_, index) => {
    const start = Date.UTC(2024, 0, 1) + index * 3_600_000;
    return {
      id: index.toString(16).padStart(24, '0'),
      serviceId,
      name: `backup-${String(index).padStart(5, '0')}`,
      startDate: new Date(start).toISOString(),
      endDate: new Date(start + 600_000).toISOString(),
      size: (index + 1) * 1_000_000,
      state: 'done',
      phase: 'ready',
      login: 'pca-user',
      srcIp: '203.0.113.7',
    };
  });
}

export function sampleFiles(session: SessionRow, count: number): FileRow[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `${session.id.slice(0, 16)}${index.toString(16).padStart(8, '0')}`,
    sessionId: session.id,
    serviceId: session.serviceId,
    name: `dir/file-${index}.tar`,
    size: 1000 * (index + 1),
    type: 'application/x-tar',
    state: 'done',
    md5: 'd41d8cd98f00b204e9800998ecf8427e',
    sha1: 'da39a3ee5e6b4b0d3255bfef95601890afd80709',
    sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  }));
}
