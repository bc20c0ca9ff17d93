// The product-neutral retention planner and executor behind `objects prune`. Pure planning: the
// backend lists, the planner decides by `lastModified` on the server's clock; execution deletes
// exactly what the plan lists, each thing once.
import { toArchiveErrorInfo } from './archive-error-info.js';
import { ValidationError } from './archive-errors.js';
import type { ArchiveProduct } from './archive-product.js';
import { mapBounded } from './bounded-map.js';
import { dateMs } from './iso-date.js';
import type {
  ExecuteObjectPruneOptions,
  ObjectPruneItemResult,
  ObjectPrunePart,
  ObjectPrunePlan,
  ObjectPruneResult,
  ObjectPruneSkipped,
  ObjectPruneSkipReason,
  PlannedObjectDeletion,
} from './object-prune-types.js';

export const DEFAULT_OBJECT_PRUNE_CONCURRENCY = 8;
/** Longest `--keep` accepted: beyond it a typo is likelier than a wish. */
export const MAX_KEEP_NEWEST = 1_000_000;

/** One object in scope of a prune, as its backend listed it. */
export interface PruneCandidate {
  key: string;
  bytes: number;
  lastModified: string | null;
  /** A state the product does not let go of (a legacy session uploading…). */
  busy?: boolean;
}

export interface ObjectPrunePlanInput {
  product: ArchiveProduct;
  archive: string;
  candidates: readonly PruneCandidate[];
  serverNowMs: number;
  clockOffsetSeconds: number;
  olderThanSeconds: number;
  keepNewest: number;
  prefix: string | null;
  /**
   * Keys that must stay given what is selected so far (a segment a manifest that stays still needs).
   * Asked again after each removal until nothing selected must stay.
   */
  mustStay?(selected: ReadonlySet<string>): ReadonlyMap<string, ObjectPruneSkipReason>;
  /** What goes with each selected object (a manifest's segments not needed by anything that stays). */
  partsOf?(selected: ReadonlySet<string>): ReadonlyMap<string, ObjectPrunePart[]>;
}

/** A keep count as typed or sent: a whole number 0…1,000,000 (ValidationError otherwise). */
export function parseKeepCount(value: unknown): number {
  if (value === undefined) return 0;
  const number =
    typeof value === 'string' && /^\d{1,7}$/.test(value)
      ? Number(value)
      : typeof value === 'number'
        ? value
        : NaN;
  if (!Number.isSafeInteger(number) || number < 0 || number > MAX_KEEP_NEWEST) {
    const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : String(value);
    throw new ValidationError(
      'keep',
      `Invalid keep count ${shown}: expected a whole number from 0 to 1000000`,
    );
  }
  return number;
}

/** Most recent first; an object without a date counts as the oldest. Ties by key, for stable plans. */
function newestFirst(a: PruneCandidate, b: PruneCandidate): number {
  const [x, y] = [dateMs(a.lastModified), dateMs(b.lastModified)];
  const [dx, dy] = [Number.isNaN(x) ? -Infinity : x, Number.isNaN(y) ? -Infinity : y];
  return dy - dx || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * Decides what a retention run deletes. An object is old when its `lastModified` is strictly
 * before `serverNow − olderThan` (no date: never old); the `keepNewest` most recent objects in
 * scope stay whatever their age; `mustStay` protects what something staying depends on.
 */
export function buildObjectPrunePlan(input: ObjectPrunePlanInput): ObjectPrunePlan {
  const cutoffMs = input.serverNowMs - input.olderThanSeconds * 1000;
  const kept = new Set(
    [...input.candidates]
      .filter((candidate) => !candidate.busy)
      .sort(newestFirst)
      .slice(0, input.keepNewest)
      .map((candidate) => candidate.key),
  );
  const skipped = new Map<string, ObjectPruneSkipReason>();
  const selected = new Set<string>();
  let recentCount = 0;
  for (const candidate of input.candidates) {
    if (!(dateMs(candidate.lastModified) < cutoffMs)) recentCount += 1;
    else if (candidate.busy) skipped.set(candidate.key, 'busy');
    else if (kept.has(candidate.key)) skipped.set(candidate.key, 'kept-newest');
    else selected.add(candidate.key);
  }
  // Protection can spread (a manifest kept keeps its segments, which may be manifests too).
  for (;;) {
    const stays = input.mustStay?.(selected) ?? new Map<string, ObjectPruneSkipReason>();
    const caught = [...selected].filter((key) => stays.has(key));
    if (caught.length === 0) break;
    for (const key of caught) {
      selected.delete(key);
      skipped.set(key, stays.get(key)!);
    }
  }
  const parts = input.partsOf?.(selected) ?? new Map<string, ObjectPrunePart[]>();
  const byKey = new Map(input.candidates.map((candidate) => [candidate.key, candidate]));
  const objects: PlannedObjectDeletion[] = [...selected]
    .map((key) => byKey.get(key)!)
    .sort((a, b) => -newestFirst(a, b))
    .map((candidate) => ({
      key: candidate.key,
      bytes: candidate.bytes,
      lastModified: candidate.lastModified,
      parts: parts.get(candidate.key) ?? [],
    }));
  const skippedList: ObjectPruneSkipped[] = input.candidates
    .filter((candidate) => skipped.has(candidate.key))
    .map((candidate) => ({
      key: candidate.key,
      bytes: candidate.bytes,
      lastModified: candidate.lastModified,
      reason: skipped.get(candidate.key)!,
    }));
  return {
    product: input.product,
    archive: input.archive,
    olderThanSeconds: input.olderThanSeconds,
    keepNewest: input.keepNewest,
    prefix: input.prefix,
    serverTime: new Date(input.serverNowMs).toISOString(),
    clockOffsetSeconds: input.clockOffsetSeconds,
    cutoff: new Date(cutoffMs).toISOString(),
    objects,
    deleteCount: objects.reduce((sum, object) => sum + 1 + object.parts.length, 0),
    totalBytes: objects.reduce(
      (sum, object) => sum + object.bytes + object.parts.reduce((part, next) => part + next.bytes, 0),
      0,
    ),
    skipped: skippedList,
    recentCount,
  };
}

/** What a backend gives the executor. */
export interface ObjectPruneOperations {
  /**
   * The planned objects as they stand now, read just before deleting (one listing, not a read
   * each): `changed` when no longer the object the plan showed, `gone` when absent.
   */
  recheck(
    plan: ObjectPrunePlan,
    signal?: AbortSignal,
  ): Promise<ReadonlyMap<string, 'same' | 'changed' | 'gone'>>;
  /**
   * Deletes one object of the plan's archive (archive undefined) or one part; `gone` when it was
   * absent before this call touched it. A repeat after a lost answer that finds it absent is
   * `deleted`: counted once, never sent again.
   */
  remove(archive: string | undefined, key: string, signal?: AbortSignal): Promise<'deleted' | 'gone'>;
}

/**
 * Deletes exactly what the plan lists: each object's parts first, then the object (so a run cut
 * short leaves a manifest a re-run still finds, never segments nobody lists), each thing once.
 */
export async function executeObjectPrune(
  plan: ObjectPrunePlan,
  operations: ObjectPruneOperations,
  options: ExecuteObjectPruneOptions = {},
): Promise<ObjectPruneResult> {
  const total = plan.objects.length;
  let completed = 0;
  const current =
    total > 0
      ? await operations.recheck(plan, options.signal)
      : new Map<string, 'same' | 'changed' | 'gone'>();

  const pruneOne = async (planned: PlannedObjectDeletion): Promise<ObjectPruneItemResult> => {
    const base = { key: planned.key, bytes: planned.bytes, partsDeleted: 0 };
    const now = current.get(planned.key) ?? 'gone';
    if (now === 'gone') return { ...base, outcome: 'gone' };
    if (now === 'changed') return { ...base, outcome: 'skipped', reason: 'changed' };
    let partsDeleted = 0;
    try {
      for (const part of planned.parts) {
        await operations.remove(part.archive, part.key, options.signal);
        partsDeleted += 1;
      }
      const outcome = await operations.remove(undefined, planned.key, options.signal);
      return { ...base, partsDeleted, outcome };
    } catch (error) {
      return { ...base, partsDeleted, outcome: 'failed', error: toArchiveErrorInfo(error) };
    }
  };

  const results = await mapBounded(
    plan.objects,
    options.concurrency ?? DEFAULT_OBJECT_PRUNE_CONCURRENCY,
    async (planned) => {
      const result = await pruneOne(planned);
      completed += 1;
      options.onProgress?.({ result, completed, total });
      return result;
    },
    {
      signal: options.signal,
      onSkip: (planned) => ({
        key: planned.key,
        bytes: planned.bytes,
        partsDeleted: 0,
        outcome: 'skipped' as const,
        reason: 'cancelled' as const,
      }),
    },
  );
  const planned = new Map(plan.objects.map((object) => [object.key, object]));
  const deleted = results.filter((result) => result.outcome === 'deleted');
  return {
    results,
    deletedCount: deleted.length,
    deletedBytes: deleted.reduce((sum, result) => {
      const object = planned.get(result.key)!;
      return sum + object.bytes + object.parts.reduce((part, next) => part + next.bytes, 0);
    }, 0),
    partsDeleted: results.reduce((sum, result) => sum + result.partsDeleted, 0),
    goneCount: results.filter((result) => result.outcome === 'gone').length,
    skippedCount: results.filter((result) => result.outcome === 'skipped').length,
    failedCount: results.filter((result) => result.outcome === 'failed').length,
  };
}
