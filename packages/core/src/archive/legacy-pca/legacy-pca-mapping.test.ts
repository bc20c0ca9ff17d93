import { describe, expect, it } from 'vitest';
import { toArchiveFile, toArchiveSession, toArchiveTask } from './legacy-pca-mapping.js';

describe('PCA wire → archive model', () => {
  it('maps a session: UTC ISO dates, exact bytes, its service, a phase', () => {
    const session = toArchiveSession(
      {
        id: '52A1B2C3D4E5F60718293A4B',
        name: 'www-weekly',
        startDate: '2013-10-26T22:53:53+02:00',
        endDate: null,
        size: 2 ** 50 + 1,
        state: 'doing',
        login: 'pca-user',
      },
      'p/pca-1',
    );
    expect(session).toEqual({
      id: '52a1b2c3d4e5f60718293a4b',
      serviceId: 'p/pca-1',
      name: 'www-weekly',
      startDate: '2013-10-26T20:53:53.000Z',
      endDate: null,
      size: 2 ** 50 + 1,
      state: 'doing',
      phase: 'uploading',
      login: 'pca-user',
      srcIp: null,
    });
    expect(JSON.parse(JSON.stringify(session))).toEqual(session);
  });

  it('maps files with lower-case hash names', () => {
    const file = toArchiveFile(
      {
        id: 'ab',
        name: 'etc/hosts',
        size: 12,
        type: 'file',
        state: 'done',
        MD5: 'm',
        SHA1: 's1',
        SHA256: 's2',
      },
      'sess',
      'p/pca-1',
    );
    expect(file).toMatchObject({
      sessionId: 'sess',
      serviceId: 'p/pca-1',
      md5: 'm',
      sha1: 's1',
      sha256: 's2',
    });
  });

  it('maps tasks, numeric ids as strings, with phases', () => {
    const wire = { id: 42, function: 'delete', todoDate: '2026-01-01T01:00:00+01:00', login: 'x' };
    expect(toArchiveTask({ ...wire, status: 'todo' }, 'p/s')).toMatchObject({
      id: '42',
      phase: 'pending',
      todoDate: '2026-01-01T00:00:00.000Z',
      ipAddress: null,
      comment: null,
    });
    expect(toArchiveTask({ ...wire, status: 'doingDelete' }, 'p/s').phase).toBe('running');
    expect(toArchiveTask({ ...wire, status: 'done' }, 'p/s').phase).toBe('done');
    expect(toArchiveTask({ ...wire, status: 'failedRestore' }, 'p/s').phase).toBe('failed');
    expect(toArchiveTask({ ...wire, status: 'cancelled' }, 'p/s').phase).toBe('cancelled');
    expect(toArchiveTask({ ...wire, status: 'somethingNew' }, 'p/s').phase).toBe('running');
  });
});
