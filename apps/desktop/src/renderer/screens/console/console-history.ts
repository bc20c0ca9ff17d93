import type { ConsoleAnswer } from '../../../shared/ipc-types.js';

export interface HistoryEntry {
  at: string;
  method: string;
  path: string;
  query: Array<[string, string]>;
  body: string;
  status: number;
  queryId: string | null;
}

const MAX_ENTRIES = 50;
const keyFor = (profile: string) => `ovh-pca.console-history.${profile}`;

/** Calls of one profile, newest first, kept in the renderer's storage (requests only, no answers). */
export function loadHistory(profile: string): HistoryEntry[] {
  try {
    const parsed: unknown = JSON.parse(globalThis.localStorage?.getItem(keyFor(profile)) ?? '[]');
    return Array.isArray(parsed) ? (parsed as HistoryEntry[]).slice(0, MAX_ENTRIES) : [];
  } catch {
    return [];
  }
}

export function recordCall(
  profile: string,
  entries: readonly HistoryEntry[],
  request: Omit<HistoryEntry, 'at' | 'status' | 'queryId'>,
  answer: ConsoleAnswer,
): HistoryEntry[] {
  const entry: HistoryEntry = {
    ...request,
    at: new Date().toISOString(),
    status: answer.status,
    queryId: answer.queryId,
  };
  const next = [entry, ...entries].slice(0, MAX_ENTRIES);
  saveHistory(profile, next);
  return next;
}

export function saveHistory(profile: string, entries: readonly HistoryEntry[]): void {
  try {
    globalThis.localStorage?.setItem(keyFor(profile), JSON.stringify(entries));
  } catch {
    // Storage full or disabled: the history only lives for this session.
  }
}
