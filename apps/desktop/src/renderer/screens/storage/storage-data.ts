import type { ArchiveRow, SessionRow } from '../../../shared/ipc-types.js';

export interface MonthPoint {
  /** `2026-03` (UTC). */
  month: string;
  /** Bytes of the sessions started that month. */
  added: number;
  /** Bytes of every session started up to the end of that month. */
  cumulative: number;
}

/** Stored bytes over time: monthly additions and their running total, by upload start (UTC). */
export function usageByMonth(sessions: readonly SessionRow[]): MonthPoint[] {
  const added = new Map<string, number>();
  for (const session of sessions) {
    const month = session.startDate.slice(0, 7);
    if (!/^\d{4}-\d{2}$/.test(month)) continue;
    added.set(month, (added.get(month) ?? 0) + session.size);
  }
  let cumulative = 0;
  return [...added.keys()].sort().map((month) => {
    cumulative += added.get(month) ?? 0;
    return { month, added: added.get(month) ?? 0, cumulative };
  });
}

export interface GroupTotal {
  key: string;
  bytes: number;
  count: number;
}

/** Bytes and session count per value of `keyOf`, largest first. */
export function usageBy(
  sessions: readonly SessionRow[],
  keyOf: (session: SessionRow) => string,
): GroupTotal[] {
  const totals = new Map<string, GroupTotal>();
  for (const session of sessions) {
    const key = keyOf(session);
    const total = totals.get(key) ?? { key, bytes: 0, count: 0 };
    total.bytes += session.size;
    total.count += 1;
    totals.set(key, total);
  }
  return [...totals.values()].sort((a, b) => b.bytes - a.bytes || a.key.localeCompare(b.key));
}

/** Bytes and archive count per product (archives whose size is unknown count with 0 bytes). */
export function usageByProduct(archives: readonly ArchiveRow[]): GroupTotal[] {
  const totals = new Map<string, GroupTotal>();
  for (const archive of archives) {
    const total = totals.get(archive.product) ?? { key: archive.product, bytes: 0, count: 0 };
    total.bytes += archive.bytes ?? 0;
    total.count += 1;
    totals.set(archive.product, total);
  }
  return [...totals.values()].sort((a, b) => b.bytes - a.bytes || a.key.localeCompare(b.key));
}
