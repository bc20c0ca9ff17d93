import { describe, expect, it } from 'vitest';
import { MAX_LOGGED_PATH_CHARS, RequestLog, type RequestLogEntry } from './request-log.js';

const entry = (path: string, n = 0): RequestLogEntry => ({
  method: 'GET',
  path,
  status: 0,
  time: '2026-01-01T00:00:00+00:00',
  queryId: `q${n}`,
});

describe('RequestLog', () => {
  it('keeps short paths whole and cuts long ones with a marker', () => {
    const log = new RequestLog();
    log.add(entry('/1.0/me?x=1'));
    const long = `/1.0/cloud?q=${'a'.repeat(10_000)}`;
    log.add(entry(long));
    const [short, cut] = log.list();
    expect(short!.path).toBe('/1.0/me?x=1');
    expect(cut!.path.startsWith(long.slice(0, MAX_LOGGED_PATH_CHARS))).toBe(true);
    expect(cut!.path.endsWith(`…[truncated from ${long.length} chars]`)).toBe(true);
    expect(cut!.path.length).toBeLessThan(MAX_LOGGED_PATH_CHARS + 40);
  });

  it('evicts the oldest entries beyond the byte budget', () => {
    const log = new RequestLog({ maxBytes: 100_000 });
    for (let n = 0; n < 1000; n++) log.add(entry(`/1.0/${'p'.repeat(1500)}/${n}`, n));
    const kept = log.list();
    expect(log.heldBytes).toBeLessThanOrEqual(100_000);
    expect(kept.length).toBeGreaterThan(40);
    expect(kept.length).toBeLessThan(100);
    // The newest, in order, with nothing missing between them.
    expect(kept.map((e) => e.queryId)).toEqual(
      Array.from({ length: kept.length }, (_, i) => `q${1000 - kept.length + i}`),
    );
  });

  it('evicts beyond the entry count, and the returned entry is the live one', () => {
    const log = new RequestLog({ maxEntries: 3 });
    const entries = [1, 2, 3, 4, 5].map((n) => log.add(entry(`/${n}`, n)));
    entries[4]!.status = 204;
    expect(log.list().map((e) => [e.path, e.status])).toEqual([
      ['/3', 0],
      ['/4', 0],
      ['/5', 204],
    ]);
    // A copy: changing it does not change the log.
    log.list()[0]!.status = 500;
    expect(log.list()[0]!.status).toBe(0);
    log.clear();
    expect(log.list()).toEqual([]);
    expect(log.heldBytes).toBe(0);
  });

  it('always keeps the newest entry, even alone over the budget', () => {
    const log = new RequestLog({ maxBytes: 10 });
    log.add(entry('/a'));
    log.add(entry('/b'));
    expect(log.list().map((e) => e.path)).toEqual(['/b']);
  });

  it('stays within its budget over 60 000 adds (compaction keeps order)', () => {
    const log = new RequestLog({ maxEntries: 5000, maxBytes: 1_000_000 });
    for (let n = 0; n < 60_000; n++) log.add(entry(`/1.0/x/${n % 7 === 0 ? 'y'.repeat(3000) : n}`, n));
    const kept = log.list();
    expect(log.heldBytes).toBeLessThanOrEqual(1_000_000);
    expect(kept.at(-1)!.queryId).toBe('q59999');
    const ids = kept.map((e) => Number(e.queryId.slice(1)));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });
});
