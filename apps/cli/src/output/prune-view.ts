import { describeDuration, type PrunePlan, type PruneResult, type PruneSessionResult } from '@ovh-pca/core';
import { formatDateInWords, formatLocalDate } from './format-date.js';
import { formatSize } from './format-size.js';
import type { Column } from './output.js';
import { sessionJson } from './session-view.js';

/** The documented --json shape of a prune plan (docs/cli.md). */
export function prunePlanJson(plan: PrunePlan) {
  return {
    olderThanSeconds: plan.olderThanSeconds,
    keepNewest: plan.keepNewest,
    serviceIds: plan.serviceIds,
    serverTime: plan.serverTime,
    clockOffsetSeconds: plan.clockOffsetSeconds,
    cutoff: plan.cutoff,
    totalBytes: plan.totalBytes,
    recentCount: plan.recentCount,
    sessions: plan.sessions.map(sessionJson),
    skipped: plan.skipped.map((skip) => ({ reason: skip.reason, session: sessionJson(skip.session) })),
  };
}

function resultJson(result: PruneSessionResult) {
  return {
    sessionId: result.sessionId,
    serviceId: result.serviceId,
    name: result.name,
    size: result.size,
    outcome: result.outcome,
    taskId: result.task?.id ?? null,
    reason: result.reason ?? null,
    error: result.error ?? null,
  };
}

/** The documented --json shape of an executed prune. */
export function pruneResultJson(plan: PrunePlan, result: PruneResult) {
  return {
    plan: prunePlanJson(plan),
    deletedCount: result.deletedCount,
    deletedBytes: result.deletedBytes,
    goneCount: result.goneCount,
    skippedCount: result.skippedCount,
    failedCount: result.failedCount,
    results: result.results.map(resultJson),
  };
}

/** One line per planned session, for the preview shown before asking. */
export function planPreview(plan: PrunePlan): string {
  const lines = plan.sessions.map(
    (session) =>
      `  ${session.id}  ${formatLocalDate(session.endDate)}  ${formatSize(session.size).padStart(9)}  ${session.name}  (${session.serviceId})`,
  );
  const skipped = plan.skipped.length
    ? `\nLeft alone although old enough: ${plan.skipped.map((skip) => `${skip.session.id} (${skip.reason})`).join(', ')}`
    : '';
  return `Deletes sessions that ended ${cutoffInWords(plan)}:\n${lines.join('\n')}\nTotal: ${plan.sessions.length} session(s), ${formatSize(plan.totalBytes)}.${skipped}\n`;
}

/**
 * The cut-off in words, so a surprise (`1min` where a month was meant) shows before the question:
 * `Deletes sessions that ended before 2 September 2026, 14:03 UTC (90 days ago, server clock)`.
 */
export function cutoffInWords(plan: PrunePlan): string {
  return `before ${formatDateInWords(plan.cutoff)} (${describeDuration(plan.olderThanSeconds)} ago, server clock)`;
}

/** A prune item's outcome in words: the error (with its query id) or the reason it was skipped. */
export function outcomeText(row: {
  outcome: string;
  reason?: string;
  error?: { message: string; queryId?: string };
}): string {
  if (row.outcome === 'failed')
    return `failed: ${row.error?.message ?? 'unknown error'}${row.error?.queryId ? ` (query id ${row.error.queryId})` : ''}`;
  return row.outcome === 'skipped' ? `skipped (${row.reason ?? 'busy'})` : row.outcome;
}

export const PRUNE_RESULT_COLUMNS: ReadonlyArray<Column<PruneSessionResult>> = [
  { header: 'ID', text: (row) => row.sessionId },
  { header: 'Name', text: (row) => row.name },
  { header: 'Size', text: (row) => formatSize(row.size), csv: (row) => String(row.size), align: 'right' },
  { header: 'Outcome', text: outcomeText },
  { header: 'Task', text: (row) => row.task?.id ?? '' },
  { header: 'Service', text: (row) => row.serviceId },
];
