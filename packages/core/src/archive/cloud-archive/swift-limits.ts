import type { FetchLike } from './swift-container-client.js';
import { SwiftError } from './swift-error.js';
import { retryingSwiftCall } from './swift-retry.js';

/** What a Swift cluster accepts, as its `/info` says (reference §8.3). */
export interface SwiftLimits {
  /** Largest object one PUT may write (a segment included). */
  maxFileSize: number;
  /** Segments one SLO manifest may list. */
  maxManifestSegments: number;
  /** Smallest segment but the last. */
  minSegmentSize: number;
  /** Longest object name, in UTF-8 bytes (segment names included). */
  maxObjectNameBytes: number;
}

/** OVH's published values, used when `/info` cannot be read. */
export const OVH_SWIFT_LIMITS: SwiftLimits = {
  maxFileSize: 5_368_709_122,
  maxManifestSegments: 1000,
  minSegmentSize: 1,
  maxObjectNameBytes: 1024,
};

interface SwiftInfoWire {
  swift?: { max_file_size?: unknown; max_object_name_length?: unknown };
  slo?: { max_manifest_segments?: unknown; min_segment_size?: unknown };
}

function positive(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

/** `https://storage.gra…/v1/AUTH_x` → `https://storage.gra…/info` (the cluster's, not the account's). */
export function swiftInfoUrl(accountUrl: string): string {
  return `${accountUrl.replace(/\/v1\/[^/]+\/?$/, '')}/info`;
}

/**
 * `GET /info` (no token needed), retried like any GET. An answer without a value, or no `/info` at
 * all (a cluster that hides it), falls back to OVH's published limits value by value.
 */
export async function readSwiftLimits(
  accountUrl: string,
  fetchLike: FetchLike,
  signal?: AbortSignal,
): Promise<SwiftLimits> {
  let info: SwiftInfoWire = {};
  try {
    info = await retryingSwiftCall(signal, async () => {
      const response = await fetchLike(swiftInfoUrl(accountUrl), { method: 'GET', signal });
      if (!response.ok) {
        await response.body?.cancel();
        // A fault is asked again; a cluster without /info (404, 401) has nothing to tell.
        if (response.status === 429 || response.status >= 500) {
          throw new SwiftError({ status: response.status, method: 'GET', path: '/info', reason: 'info' });
        }
        return {};
      }
      return (await response.json()) as SwiftInfoWire;
    });
  } catch (error) {
    if (signal?.aborted) throw error;
  }
  return {
    maxFileSize: positive(info.swift?.max_file_size, OVH_SWIFT_LIMITS.maxFileSize),
    maxManifestSegments: positive(info.slo?.max_manifest_segments, OVH_SWIFT_LIMITS.maxManifestSegments),
    minSegmentSize: positive(info.slo?.min_segment_size, OVH_SWIFT_LIMITS.minSegmentSize),
    maxObjectNameBytes: positive(info.swift?.max_object_name_length, OVH_SWIFT_LIMITS.maxObjectNameBytes),
  };
}
