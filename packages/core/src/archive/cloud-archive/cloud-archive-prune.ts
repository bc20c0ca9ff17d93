// `objects prune` for Cloud Archive: the product-neutral planner over a Swift container, with
// Swift's large objects taken into account. A manifest (SLO or DLO) goes with its segments (in
// `<container>_segments` or wherever it points); a segment a manifest that stays still needs is
// never deleted, also when the segments container itself is pruned.
import type { Archive } from '../archive-entities.js';
import { formatArchiveAddress } from '../archive-entities.js';
import { errorStatus } from '../archive-error-info.js';
import { mapBounded } from '../bounded-map.js';
import { buildObjectPrunePlan, executeObjectPrune, type PruneCandidate } from '../object-prune.js';
import type {
  ExecuteObjectPruneOptions,
  ObjectPruneOptions,
  ObjectPrunePart,
  ObjectPrunePlan,
  ObjectPruneResult,
  ObjectPruneSkipReason,
} from '../object-prune-types.js';
import type { SwiftContainerApi, SwiftListedObject, SwiftSegmentRef } from './cloud-archive-ports.js';
import { listSwiftEntries, swiftListingDate } from './swift-listing.js';
import { parseSegmentPath } from './swift-segment-path.js';

/** The suffix of the container Swift clients put segments in (swift CLI, rclone, OVH's gateway). */
export const SEGMENTS_SUFFIX = '_segments';
const EMPTY_MD5 = 'd41d8cd98f00b204e9800998ecf8427e';
/** Manifests read at once. */
const MANIFEST_CONCURRENCY = 8;

export interface CloudArchivePruneDeps {
  swift: SwiftContainerApi;
  /** Seconds, server − local (API v1's /auth/time). */
  timeOffset(signal?: AbortSignal): Promise<number>;
  now(): number;
}

interface Manifest {
  container: string;
  key: string;
  segments: SwiftSegmentRef[];
}

const refId = (container: string, key: string) => `${container}\u0000${key}`;

/** A 404 container (a segments container that was never made) lists as empty. */
async function listOrEmpty(
  swift: SwiftContainerApi,
  container: string,
  signal?: AbortSignal,
): Promise<SwiftListedObject[]> {
  try {
    return await listSwiftEntries(swift, container, undefined, signal);
  } catch (error) {
    if (errorStatus(error) === 404) return [];
    throw error;
  }
}

/**
 * The manifests among listed entries and the segments each needs: an SLO (listed with `slo_etag`)
 * by its segment list, a DLO (listed as 0 bytes with the empty MD5) by its `X-Object-Manifest`
 * and a listing of that prefix. One request per manifest (plus its DLO prefix listing).
 */
async function readManifests(
  swift: SwiftContainerApi,
  container: string,
  entries: readonly SwiftListedObject[],
  listed: ReadonlyMap<string, readonly SwiftListedObject[]>,
  signal?: AbortSignal,
): Promise<Manifest[]> {
  const candidates = entries.filter(
    (entry) => entry.slo_etag !== undefined || (entry.bytes === 0 && entry.hash === EMPTY_MD5),
  );
  const found = await mapBounded(
    candidates,
    MANIFEST_CONCURRENCY,
    async (entry): Promise<Manifest | null> => {
      if (entry.slo_etag !== undefined) {
        const list = await swift.readSloManifest(container, entry.name, signal);
        const segments = list.map((segment) => ({ ...parseSegmentPath(segment.name), bytes: segment.bytes }));
        return { container, key: entry.name, segments };
      }
      const dlo = (await swift.statObject(container, entry.name, signal)).manifest;
      if (dlo?.kind !== 'dlo') return null;
      const known = listed.get(dlo.container);
      const under = known
        ? known.filter((segment) => segment.name.startsWith(dlo.prefix))
        : await listSwiftEntries(swift, dlo.container, dlo.prefix, signal).catch((error) => {
            if (errorStatus(error) === 404) return [];
            throw error;
          });
      const segments = under
        .filter((segment) => !(dlo.container === container && segment.name === entry.name))
        .map((segment) => ({ container: dlo.container, key: segment.name, bytes: segment.bytes }));
      return { container, key: entry.name, segments };
    },
    { signal },
  );
  return found.filter((manifest): manifest is Manifest => manifest !== null);
}

/**
 * Lists the container (and, for a `X_segments` container, the manifests of `X` that point into
 * it), reads every manifest, and plans on the server's clock.
 */
export async function planCloudArchivePrune(
  deps: CloudArchivePruneDeps,
  archive: Archive,
  options: ObjectPruneOptions,
): Promise<ObjectPrunePlan> {
  const { swift } = deps;
  const container = archive.name;
  const base = container.endsWith(SEGMENTS_SUFFIX) ? container.slice(0, -SEGMENTS_SUFFIX.length) : undefined;
  const [offsetSeconds, entries, baseEntries] = await Promise.all([
    deps.timeOffset(options.signal),
    // The whole container: a manifest outside the prefix may still need a segment inside it.
    listSwiftEntries(swift, container, undefined, options.signal),
    base === undefined || base === '' ? Promise.resolve([]) : listOrEmpty(swift, base, options.signal),
  ]);
  const listed = new Map<string, readonly SwiftListedObject[]>([[container, entries]]);
  if (base) listed.set(base, baseEntries);
  const manifests = [
    ...(await readManifests(swift, container, entries, listed, options.signal)),
    ...(base ? await readManifests(swift, base, baseEntries, listed, options.signal) : []),
  ];
  const ownManifests = new Map(
    manifests.filter((manifest) => manifest.container === container).map((m) => [m.key, m]),
  );

  const prefix = options.prefix ?? '';
  const candidates: PruneCandidate[] = entries
    .filter((entry) => entry.name.startsWith(prefix))
    .map((entry) => ({
      key: entry.name,
      // A manifest stores no data of its own: its segments are counted as its parts.
      bytes: ownManifests.has(entry.name) ? 0 : entry.bytes,
      lastModified: swiftListingDate(entry.last_modified),
    }));

  /** Manifests that stay: those of other containers, and ours not selected. */
  const staying = (selected: ReadonlySet<string>) =>
    manifests.filter((manifest) => manifest.container !== container || !selected.has(manifest.key));

  return buildObjectPrunePlan({
    product: archive.product,
    archive: formatArchiveAddress(archive),
    candidates,
    serverNowMs: deps.now() + offsetSeconds * 1000,
    clockOffsetSeconds: offsetSeconds,
    olderThanSeconds: options.olderThanSeconds,
    keepNewest: options.keepNewest ?? 0,
    prefix: options.prefix ?? null,
    mustStay(selected) {
      const stays = new Map<string, ObjectPruneSkipReason>();
      for (const manifest of staying(selected)) {
        for (const segment of manifest.segments) {
          if (segment.container === container) stays.set(segment.key, 'referenced');
        }
      }
      return stays;
    },
    partsOf(selected) {
      const needed = new Set<string>();
      for (const manifest of staying(selected)) {
        for (const segment of manifest.segments) needed.add(refId(segment.container, segment.key));
      }
      const taken = new Set<string>();
      const parts = new Map<string, ObjectPrunePart[]>();
      for (const key of selected) {
        const manifest = ownManifests.get(key);
        if (!manifest) continue;
        const list: ObjectPrunePart[] = [];
        for (const segment of manifest.segments) {
          const id = refId(segment.container, segment.key);
          // Objects of this container are planned on their own (age, keep); shared ones stay.
          if (segment.container === container || needed.has(id) || taken.has(id)) continue;
          taken.add(id);
          list.push({ archive: segment.container, key: segment.key, bytes: segment.bytes });
        }
        parts.set(key, list);
      }
      return parts;
    },
  });
}

/**
 * Deletes what the plan lists. The container is listed again first: an object replaced since the
 * plan (another `last_modified`) is skipped, a vanished one is `gone`.
 */
export function executeCloudArchivePrune(
  deps: CloudArchivePruneDeps,
  archive: Archive,
  plan: ObjectPrunePlan,
  options: ExecuteObjectPruneOptions = {},
): Promise<ObjectPruneResult> {
  const { swift } = deps;
  return executeObjectPrune(
    plan,
    {
      async recheck(_plan, signal) {
        const now = await listSwiftEntries(swift, archive.name, plan.prefix ?? undefined, signal);
        const dates = new Map(now.map((entry) => [entry.name, swiftListingDate(entry.last_modified)]));
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
      remove: (container, key, signal) => swift.deleteObject(container ?? archive.name, key, signal),
    },
    options,
  );
}
