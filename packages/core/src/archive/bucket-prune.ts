// `objects prune` over a bucket whose objects API v1 lists and deletes one by one (Cold Archive
// v1 and v2): the product-neutral planner on the listing's key, size and date, the server's clock,
// and each planned key deleted once (a 404 after a lost answer counts as deleted, once).
import type { ArchiveApiClient } from './archive-client.js';
import type { Archive, ArchiveObject } from './archive-entities.js';
import { formatArchiveAddress } from './archive-entities.js';
import { ValidationError } from './archive-errors.js';
import { buildObjectPrunePlan, executeObjectPrune } from './object-prune.js';
import type {
  ExecuteObjectPruneOptions,
  ObjectPruneOptions,
  ObjectPrunePlan,
  ObjectPruneResult,
} from './object-prune-types.js';
import { removeOnce } from './region-containers.js';

export interface BucketPruneDeps {
  client: ArchiveApiClient;
  now(): number;
  listObjects(archive: Archive, options: { prefix?: string; signal?: AbortSignal }): Promise<ArchiveObject[]>;
  /** The API v1 route deleting one object of the bucket. */
  objectPath(archive: Archive, key: string): string;
  /** What deleting these objects costs (lines of the preview), at the server's time. */
  costsOf?(objects: readonly ArchiveObject[], serverNowMs: number): string[];
}

/** One listing and the server clock; nothing deleted. */
export async function planBucketPrune(
  deps: BucketPruneDeps,
  archive: Archive,
  options: ObjectPruneOptions,
): Promise<ObjectPrunePlan> {
  const [offsetSeconds, objects] = await Promise.all([
    deps.client.getTimeOffset(options.signal),
    deps.listObjects(archive, { prefix: options.prefix, signal: options.signal }),
  ]);
  const serverNowMs = deps.now() + offsetSeconds * 1000;
  const plan = buildObjectPrunePlan({
    product: archive.product,
    archive: formatArchiveAddress(archive),
    candidates: objects.map((object) => ({
      key: object.key,
      bytes: object.bytes,
      lastModified: object.lastModified,
    })),
    serverNowMs,
    clockOffsetSeconds: offsetSeconds,
    olderThanSeconds: options.olderThanSeconds,
    keepNewest: options.keepNewest ?? 0,
    prefix: options.prefix ?? null,
  });
  const planned = new Set(plan.objects.map((object) => object.key));
  const costs = deps.costsOf?.(
    objects.filter((object) => planned.has(object.key)),
    serverNowMs,
  );
  return costs && costs.length > 0 ? { ...plan, costs } : plan;
}

/** Refuses a plan made for another archive (a plan may come back over IPC). */
export function checkPlanFor(archive: Archive, plan: ObjectPrunePlan): void {
  if (plan.product !== archive.product || plan.archive !== formatArchiveAddress(archive)) {
    throw new ValidationError(
      'plan',
      `This plan is for ${plan.archive}, not ${formatArchiveAddress(archive)}`,
    );
  }
}

/** One listing to recheck (another date: skipped; absent: gone), then one DELETE per planned key. */
export function executeBucketPrune(
  deps: BucketPruneDeps,
  archive: Archive,
  plan: ObjectPrunePlan,
  options: ExecuteObjectPruneOptions = {},
): Promise<ObjectPruneResult> {
  return executeObjectPrune(
    plan,
    {
      async recheck(_plan, signal) {
        const now = await deps.listObjects(archive, { prefix: plan.prefix ?? undefined, signal });
        const dates = new Map(now.map((object) => [object.key, object.lastModified]));
        return new Map(
          plan.objects.map((object) => {
            const date = dates.get(object.key);
            return [
              object.key,
              date === undefined ? 'gone' : date === object.lastModified ? 'same' : 'changed',
            ];
          }),
        );
      },
      remove: (_archive, key, signal) => removeOnce(deps.client, deps.objectPath(archive, key), signal),
    },
    options,
  );
}
