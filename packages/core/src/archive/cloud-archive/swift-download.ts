// A Swift object described for a download: HEAD for size, ETag and state; for a manifest, the
// segment MD5s Swift lists (an SLO's `?multipart-manifest=get`, a DLO's segment listing), since a
// manifest's ETag is not the MD5 of its body; ranges read under If-Match.
import { md5 } from '@noble/hashes/legacy.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { sleep } from '../../client/abortable-wait.js';
import type { ByteRangeChecksum, DownloadSource, DownloadVerification } from '../object-download.js';
import { ObjectChangedError, ObjectNotReadyError } from '../object-download.js';
import type { SwiftContainerApi, SwiftObjectStat } from './cloud-archive-ports.js';
import { SWIFT_LISTING_LIMIT } from './swift-container-client.js';
import { SwiftError } from './swift-error.js';

/** Up to this, a not-ready answer is waited for here (Swift's client waits Retry-Afters as long). */
const SHORT_WAIT_MS = 30_000;
const SHORT_WAIT_ROUNDS = 3;

interface SegmentSum {
  hash: string;
  bytes: number;
}

const unquote = (etag: string) => etag.replace(/^W\//, '').replace(/^"|"$/g, '').toLowerCase();

/** Cumulative ranges of segments, or none when they do not add up to the object. */
function segmentRanges(segments: readonly SegmentSum[], total: number): ByteRangeChecksum[] {
  const ranges: ByteRangeChecksum[] = [];
  let offset = 0;
  for (const segment of segments) {
    ranges.push({ start: offset, end: offset + segment.bytes, md5: segment.hash.toLowerCase() });
    offset += segment.bytes;
  }
  return offset === total ? ranges.filter((range) => range.end > range.start) : [];
}

/**
 * Swift's manifest ETag is the MD5 of its segments' ETags, in order: when the segments read match
 * it, their MD5s are the ones the body's bytes were served from.
 */
function matchesManifestEtag(segments: readonly SegmentSum[], etag: string): boolean {
  // Runtime-neutral MD5 (core has no Node modules), as cloud-archive-upload.ts computes it.
  const hash = md5.create();
  for (const segment of segments) hash.update(utf8ToBytes(segment.hash.toLowerCase()));
  return bytesToHex(hash.digest()) === unquote(etag);
}

async function dloSegments(
  swift: SwiftContainerApi,
  manifest: { container: string; prefix: string },
  signal?: AbortSignal,
): Promise<SegmentSum[]> {
  const segments: SegmentSum[] = [];
  let marker: string | undefined;
  for (;;) {
    const page = await swift.listObjects(manifest.container, {
      prefix: manifest.prefix,
      marker,
      limit: SWIFT_LISTING_LIMIT,
      signal,
    });
    segments.push(...page.map((entry) => ({ hash: entry.hash, bytes: entry.bytes })));
    if (page.length < SWIFT_LISTING_LIMIT) return segments;
    marker = page[page.length - 1]!.name;
  }
}

async function checksumsOf(
  swift: SwiftContainerApi,
  container: string,
  key: string,
  stat: SwiftObjectStat,
  signal?: AbortSignal,
): Promise<{ verification: DownloadVerification; checksums: ByteRangeChecksum[] }> {
  if (stat.manifest === null) {
    return { verification: 'md5', checksums: [{ start: 0, end: stat.bytes, md5: unquote(stat.etag) }] };
  }
  let segments: SegmentSum[];
  if (stat.manifest.kind === 'slo') {
    const listed = await swift.readSloManifest(container, key, signal);
    // A nested SLO's hash is its own manifest ETag: those bytes are checked by size only.
    if (listed.some((segment) => segment.sub_slo)) return { verification: 'size', checksums: [] };
    segments = listed;
  } else {
    segments = await dloSegments(swift, stat.manifest, signal);
  }
  const ranges = matchesManifestEtag(segments, stat.etag) ? segmentRanges(segments, stat.bytes) : [];
  return ranges.length > 0 || stat.bytes === 0
    ? { verification: 'segments', checksums: ranges }
    : { verification: 'size', checksums: [] };
}

/** Starts unsealing a sealed object (as its GET does) to learn when it will be ready. */
async function notReady(
  swift: SwiftContainerApi,
  container: string,
  key: string,
  stat: SwiftObjectStat,
  nowMs: () => number,
  signal?: AbortSignal,
): Promise<ObjectNotReadyError> {
  const delay = stat.delaySeconds ?? (await swift.requestRetrieval(container, key, signal));
  const state = stat.state === 'sealed' && delay > 0 ? 'unsealing' : stat.state;
  return new ObjectNotReadyError(key, state, new Date(nowMs() + delay * 1000).toISOString());
}

/** A drop before the first byte is retried by the client; here only what a range answer means. */
async function rangeError(error: unknown, key: string, nowMs: () => number): Promise<Error> {
  if (error instanceof SwiftError) {
    if (error.status === 412) return new ObjectChangedError(key, 'its ETag no longer matches');
    if (error.status === 416) return new ObjectChangedError(key, 'it is shorter now');
    if (error.status === 429) {
      const after = error.retryAfterSeconds;
      return new ObjectNotReadyError(
        key,
        'unsealing',
        after === undefined ? null : new Date(nowMs() + after * 1000).toISOString(),
      );
    }
  }
  return error as Error;
}

/**
 * Describes `key` of `container` for a download. Sealed or unsealing → ObjectNotReadyError with its
 * ready time (a sealed object's GET starts unsealing it, as any Swift client's would).
 */
export async function openSwiftDownload(
  swift: SwiftContainerApi,
  container: string,
  key: string,
  options: { now: () => number; signal?: AbortSignal },
): Promise<DownloadSource> {
  const { now, signal } = options;
  let stat = await swift.statObject(container, key, signal);
  for (let round = 0; stat.state !== 'unsealed'; round += 1) {
    const error = await notReady(swift, container, key, stat, now, signal);
    // A short wait (no delay at all, or a rate limit's Retry-After) is waited here, as on every
    // Swift call; a real unsealing delay is the caller's to wait for (or not).
    const waitMs = Date.parse(error.readyAt ?? '') - now();
    if (!(waitMs <= SHORT_WAIT_MS) || round >= SHORT_WAIT_ROUNDS) throw error;
    if (waitMs > 0) await sleep(waitMs, signal);
    stat = await swift.statObject(container, key, signal);
  }
  const { verification, checksums } = await checksumsOf(swift, container, key, stat, signal);
  const ifMatch = stat.etag;
  return {
    key,
    bytes: stat.bytes,
    etag: stat.etag,
    lastModified: stat.lastModified === null ? null : new Date(stat.lastModified).toISOString(),
    verification,
    checksums,
    async openRange(start, end, rangeSignal) {
      if (start < 0 || end > stat.bytes || start > end) {
        throw new RangeError(`range ${start}-${end} outside 0-${stat.bytes}`);
      }
      if (start === end) return new ReadableStream<Uint8Array>({ start: (c) => c.close() });
      let response: Response;
      try {
        response = await swift.openObjectRange(container, key, { start, end: end - 1, ifMatch }, rangeSignal);
      } catch (error) {
        throw await rangeError(error, key, now);
      }
      const total = /\/(\d+)$/.exec(response.headers.get('content-range') ?? '')?.[1];
      const sameSize = response.status === 206 ? Number(total) === stat.bytes : start === 0;
      if (!sameSize || response.body === null) {
        await response.body?.cancel();
        throw new ObjectChangedError(key, `answered ${response.status} for bytes ${start}-${end - 1}`);
      }
      return response.body;
    },
  };
}
