import {
  describeDuration,
  type ObjectPruneItemResult,
  type ObjectPrunePlan,
  type ObjectPruneResult,
} from '@ovh-pca/core';
import { formatDateInWords, formatLocalDate } from './format-date.js';
import { formatSize } from './format-size.js';
import type { Column } from './output.js';
import { outcomeText } from './prune-view.js';

/** The documented --json shape of an executed objects prune (docs/cli.md): the plan as it is. */
export function objectPruneResultJson(plan: ObjectPrunePlan, result: ObjectPruneResult) {
  return {
    plan,
    deletedCount: result.deletedCount,
    deletedBytes: result.deletedBytes,
    partsDeleted: result.partsDeleted,
    goneCount: result.goneCount,
    skippedCount: result.skippedCount,
    failedCount: result.failedCount,
    results: result.results.map((item) => ({
      key: item.key,
      bytes: item.bytes,
      outcome: item.outcome,
      partsDeleted: item.partsDeleted,
      reason: item.reason ?? null,
      error: item.error ?? null,
    })),
  };
}

/** `before 2 September 2026, 14:03 UTC (90 days ago, server clock)`. */
export function objectCutoffInWords(plan: ObjectPrunePlan): string {
  return `before ${formatDateInWords(plan.cutoff)} (${describeDuration(plan.olderThanSeconds)} ago, server clock)`;
}

/** Everything that will go, one line per object (its segments counted beside it), then the total. */
export function objectPrunePreview(plan: ObjectPrunePlan): string {
  const lines = plan.objects.map((object) => {
    const partBytes = object.parts.reduce((sum, part) => sum + part.bytes, 0);
    const containers = [...new Set(object.parts.map((part) => part.archive))].join(', ');
    const parts = object.parts.length > 0 ? `  (+ ${object.parts.length} segment(s) in ${containers})` : '';
    return `  ${formatLocalDate(object.lastModified)}  ${formatSize(object.bytes + partBytes).padStart(9)}  ${object.key}${parts}`;
  });
  const scope = plan.prefix ? ` under "${plan.prefix}"` : '';
  const keep = plan.keepNewest > 0 ? `, keeping the ${plan.keepNewest} newest` : '';
  const skipped = plan.skipped.length
    ? `\nLeft alone although old enough: ${plan.skipped.map((skip) => `${skip.key} (${skip.reason})`).join(', ')}`
    : '';
  const costs = (plan.costs ?? []).map((cost) => `\nCost: ${cost}`).join('');
  return (
    `Deletes objects of ${plan.archive}${scope} last modified ${objectCutoffInWords(plan)}${keep}:\n` +
    `${lines.join('\n')}\n` +
    `Total: ${plan.objects.length} object(s), ${plan.deleteCount} deletion(s) with segments, ${formatSize(plan.totalBytes)}.${skipped}${costs}\n`
  );
}

export const OBJECT_PRUNE_RESULT_COLUMNS: ReadonlyArray<Column<ObjectPruneItemResult>> = [
  { header: 'Key', text: (row) => row.key },
  { header: 'Size', text: (row) => formatSize(row.bytes), csv: (row) => String(row.bytes), align: 'right' },
  { header: 'Segments', text: (row) => String(row.partsDeleted), align: 'right' },
  { header: 'Outcome', text: outcomeText },
];
