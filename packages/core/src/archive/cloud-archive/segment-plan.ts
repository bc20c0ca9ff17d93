// How one file goes to Swift: one PUT, or segments under a static large object manifest. Pure
// functions of the file (key, size, modification time), the options and the cluster's limits, so
// a re-run of the same upload names the same segments and finds those already sent.
import { ValidationError } from '../archive-errors.js';
import type { SwiftLimits } from './swift-limits.js';

const MIB = 1024 * 1024;
/** Large enough to keep a 1 GiB file to 8 segments, small enough to resume cheaply. */
export const DEFAULT_SEGMENT_SIZE = 128 * MIB;

export interface SegmentSpec {
  index: number;
  /** Bytes [start, end) of the file. */
  start: number;
  end: number;
  /** Its object name in the segments container. */
  name: string;
}

export type UploadPlan =
  | { segmented: false }
  | { segmented: true; segmentSize: number; container: string; prefix: string; segments: SegmentSpec[] };

/** Where a container's segments go (OVH's gateway and the swift CLI use the same name). */
export function segmentsContainerName(container: string): string {
  return `${container}_segments`;
}

/** The modification time as Swift clients keep it (`X-Object-Meta-Mtime`, seconds). */
export function mtimeText(modifiedMs: number): string {
  return (modifiedMs / 1000).toFixed(6);
}

function byteSize(field: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new ValidationError(field, `Invalid ${field}: ${value}, expected a positive number of bytes`);
  }
  return value;
}

/** The checked sizes of an upload's options, before anything is sent. */
export function uploadSizes(options: { segmentSize?: number; segmentThreshold?: number }): {
  segmentSize: number;
  segmentThreshold: number;
} {
  const segmentSize = byteSize('segmentSize', options.segmentSize, DEFAULT_SEGMENT_SIZE);
  return {
    segmentSize,
    segmentThreshold: byteSize('segmentThreshold', options.segmentThreshold, segmentSize),
  };
}

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

/**
 * One PUT up to the threshold (and the cluster's max_file_size); beyond it, segments of
 * `segmentSize` bytes (raised to fit max_manifest_segments, at least min_segment_size), named
 * `<key>/slo/<mtime>/<size>/<segmentSize>/<index:8>` as the swift CLI names them.
 */
export function planUpload(
  source: { key: string; bytes: number; modifiedMs: number },
  archiveContainer: string,
  options: { segmentSize?: number; segmentThreshold?: number },
  limits: SwiftLimits,
): UploadPlan {
  const sizes = uploadSizes(options);
  const threshold = Math.min(sizes.segmentThreshold, limits.maxFileSize);
  if (source.bytes <= threshold) return { segmented: false };
  let segmentSize = Math.min(Math.max(sizes.segmentSize, limits.minSegmentSize), limits.maxFileSize);
  if (Math.ceil(source.bytes / segmentSize) > limits.maxManifestSegments) {
    segmentSize = Math.ceil(source.bytes / limits.maxManifestSegments / MIB) * MIB;
  }
  if (segmentSize > limits.maxFileSize) {
    throw new ValidationError(
      'path',
      `${source.key}: ${source.bytes} bytes is more than ${limits.maxManifestSegments} segments of ${limits.maxFileSize} bytes`,
    );
  }
  const prefix = `${source.key}/slo/${mtimeText(source.modifiedMs)}/${source.bytes}/${segmentSize}/`;
  const count = Math.ceil(source.bytes / segmentSize);
  const longest = utf8Bytes(prefix) + 8;
  if (longest > limits.maxObjectNameBytes) {
    throw new ValidationError(
      'key',
      `${source.key}: too long for a segmented upload (its segment names need ${longest} bytes, at most ${limits.maxObjectNameBytes})`,
    );
  }
  const segments: SegmentSpec[] = [];
  for (let index = 0; index < count; index += 1) {
    const start = index * segmentSize;
    segments.push({
      index,
      start,
      end: Math.min(source.bytes, start + segmentSize),
      name: `${prefix}${String(index).padStart(8, '0')}`,
    });
  }
  return {
    segmented: true,
    segmentSize,
    container: segmentsContainerName(archiveContainer),
    prefix,
    segments,
  };
}
