// Uploads into one Cloud Archive container (reference §8.3): a plain PUT up to the threshold,
// beyond it segments in `<container>_segments` (policy PCA, created so, refused otherwise) under a
// static large object manifest. Everything the server already holds is found first (HEAD, a
// listing of the segments) and not sent again; a PUT whose answer was lost is checked before it is
// sent again, so no object or segment is written twice. A large object replaced by a new version
// takes its old segments with it once the new one stands.
import { md5 } from '@noble/hashes/legacy.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { sleep } from '../../client/abortable-wait.js';
import type { Archive } from '../archive-entities.js';
import { toArchiveErrorInfo } from '../archive-error-info.js';
import { ValidationError } from '../archive-errors.js';
import type { UploadedObject, UploadOptions, UploadPart, UploadSource } from '../archive-upload.js';
import { mapBounded } from '../bounded-map.js';
import { createLimiter, type Limiter } from '../concurrency-limit.js';
import {
  mtimeText,
  planUpload,
  type SegmentSpec,
  segmentsContainerName,
  type UploadPlan,
} from './segment-plan.js';
import { SwiftError } from './swift-error.js';
import type { SwiftLimits } from './swift-limits.js';
import type { StoredObject, SwiftObjectWriter } from './swift-object-writer.js';
import { swiftRetryDelayMs } from './swift-retry.js';
import type { SwiftSegmentPath } from './swift-segment-path.js';

/** The storage policy of Cloud Archive, for its segments too. */
const ARCHIVE_POLICY = 'PCA';
const DEFAULT_CONCURRENCY = 4;
/** Sends of one object or segment before giving up (each after checking it is not there yet). */
const MAX_PUT_ATTEMPTS = 6;
const MAX_CONTAINER_NAME_BYTES = 256;

export interface CloudArchiveUploadTarget {
  archive: Archive;
  writer: SwiftObjectWriter;
  limits(signal?: AbortSignal): Promise<SwiftLimits>;
}

/** What the server holds for one source, and how it would be sent. */
interface Planned {
  source: UploadSource;
  plan: UploadPlan;
  existing: StoredObject | undefined;
}

/** Bytes of one file on the wire, each part counted from zero again when it is sent again. */
class FileMeter {
  readonly #parts = new Map<number, number>();
  #sent = 0;

  constructor(
    readonly source: UploadSource,
    readonly onProgress: UploadOptions['onProgress'],
  ) {}

  add(part: number, bytes: number): void {
    this.#parts.set(part, (this.#parts.get(part) ?? 0) + bytes);
    this.#sent += bytes;
    this.onProgress?.({ key: this.source.key, sentBytes: this.#sent, totalBytes: this.source.bytes });
  }

  restart(part: number): void {
    this.#sent -= this.#parts.get(part) ?? 0;
    this.#parts.delete(part);
  }

  /**
   * The source's bytes, counted as they pass; a failure of the source itself (a file that
   * changed) is handed to `onSourceError`, so it is not mistaken for a network one.
   */
  counted(
    part: number,
    body: ReadableStream<Uint8Array>,
    onSourceError: (error: unknown) => void,
  ): ReadableStream<Uint8Array> {
    const reader = body.getReader();
    return new ReadableStream<Uint8Array>(
      {
        pull: async (controller) => {
          let next: Awaited<ReturnType<typeof reader.read>>;
          try {
            next = await reader.read();
          } catch (error) {
            onSourceError(error);
            controller.error(error);
            return;
          }
          if (next.done) {
            controller.close();
            return;
          }
          this.add(part, next.value.byteLength);
          controller.enqueue(next.value);
        },
        cancel: (reason) => reader.cancel(reason),
      },
      { highWaterMark: 0 },
    );
  }
}

// Pure JS (core is runtime-neutral): only the manifest's short list of segment ETags goes through it.
const md5Hex = (text: string) => bytesToHex(md5(utf8ToBytes(text)));

function sameMtime(stored: string | null, modifiedMs: number): boolean {
  if (stored === null) return false;
  const seconds = Number(stored);
  return Number.isFinite(seconds) && Math.round(seconds * 1000) === Math.round(modifiedMs);
}

/**
 * How long to wait before trying a PUT again after a failure whose effect is unknown (5xx, 429, a
 * dropped connection, a timeout); undefined when it must not be tried again.
 */
function retryDelay(error: unknown, attempt: number): number | undefined {
  const delay = swiftRetryDelayMs(error, attempt);
  if (delay !== undefined) return delay;
  const timedOut = error instanceof SwiftError && (error.status === 408 || error.status === 499);
  return timedOut ? Math.min(5000, 200 * 2 ** attempt) : undefined;
}

export class CloudArchiveUpload {
  readonly #target: CloudArchiveUploadTarget;
  readonly #options: UploadOptions;
  readonly #limit: Limiter;
  readonly #signal: AbortSignal | undefined;

  constructor(target: CloudArchiveUploadTarget, options: UploadOptions = {}) {
    this.#target = target;
    this.#options = options;
    this.#signal = options.signal;
    this.#limit = createLimiter(options.concurrency ?? DEFAULT_CONCURRENCY);
  }

  get #container(): string {
    return this.#target.archive.name;
  }

  /**
   * Plans every file (bad sizes and keys refused before anything is written), reads what the
   * archive holds (one HEAD each), makes sure the segments container is PCA when a file needs it,
   * then sends what is missing.
   */
  async run(sources: readonly UploadSource[]): Promise<UploadedObject[]> {
    const limits = await this.#target.limits(this.#signal);
    const plans = sources.map((source) => ({
      source,
      plan: planUpload(source, this.#container, this.#options, limits),
    }));
    const concurrency = this.#options.concurrency ?? DEFAULT_CONCURRENCY;
    const planned: Planned[] = await mapBounded(plans, concurrency * 2, async (item) => ({
      ...item,
      existing: await this.#target.writer.headObject(this.#container, item.source.key, this.#signal),
    }));
    const unchanged = await mapBounded(planned, concurrency, (item) =>
      // A file that cannot be read now fails on its own below, not the whole run.
      this.#limit(() => this.#isUnchanged(item)).catch((error: unknown) => {
        if (this.#signal?.aborted) throw error;
        return false;
      }),
    );
    const needsSegments = planned.some((item, index) => item.plan.segmented && !unchanged[index]);
    if (needsSegments) await this.#ensureSegmentsContainer();
    return mapBounded(planned, concurrency, async (item, index) => {
      const result = unchanged[index]
        ? this.#result(item, 'unchanged', { etag: item.existing?.etag ?? null })
        : await this.#uploadOne(item).catch((error: unknown) => {
            if (this.#signal?.aborted) throw error;
            return this.#result(item, 'failed', { error: toArchiveErrorInfo(error) });
          });
      this.#options.onObject?.(result);
      return result;
    });
  }

  /** Same size, same kind, same modification time; or, for a plain object, the same MD5. */
  async #isUnchanged({ source, plan, existing }: Planned): Promise<boolean> {
    if (!existing || existing.bytes !== source.bytes) return false;
    if (existing.staticLarge !== plan.segmented) return false;
    if (sameMtime(existing.mtime, source.modifiedMs)) return true;
    if (plan.segmented) return false;
    return existing.etag === (await source.md5(0, source.bytes, this.#signal));
  }

  /**
   * `<container>_segments` with policy PCA: created so when missing; one that exists with another
   * policy is refused before any byte is sent, since its segments would be billed at the standard
   * Object Storage price.
   */
  async #ensureSegmentsContainer(): Promise<void> {
    const segments = segmentsContainerName(this.#container);
    if (new TextEncoder().encode(segments).length > MAX_CONTAINER_NAME_BYTES) {
      throw new ValidationError(
        'archive',
        `Archive name too long for segmented uploads: "${segments}" would exceed ${MAX_CONTAINER_NAME_BYTES} bytes`,
      );
    }
    const writer = this.#target.writer;
    let policy = await writer.containerPolicy(segments, this.#signal);
    if (policy === undefined) {
      try {
        await writer.createContainer(segments, ARCHIVE_POLICY, this.#signal);
      } catch (error) {
        if (!(error instanceof SwiftError && error.status === 409)) throw error;
      }
      policy = await writer.containerPolicy(segments, this.#signal);
    }
    if (policy !== ARCHIVE_POLICY) throw segmentsPolicyError(segments, policy);
  }

  /** Sends one file; once it stands, deletes the segments of the large object it replaced. */
  async #uploadOne(item: Planned): Promise<UploadedObject> {
    const replaced = await this.#replacedSegments(item);
    const uploaded = await this.#sendOne(item);
    return { ...uploaded, ...(await this.#deleteStaleSegments(item.plan, replaced)) };
  }

  /**
   * The segments of the large object a file replaces, read before its manifest is overwritten (as
   * the swift CLI does; left behind, they would be billed with nothing pointing at them): an SLO's
   * list, or what a DLO's prefix holds (rclone and the swift CLI upload large files so, under
   * `<key>/…`). Only those in this archive's segments container, and for a DLO only a prefix under
   * the key itself: a manifest may point anywhere, even at a prefix other objects' segments share.
   * When the manifest cannot be read, nothing is deleted (`objects prune NAME_segments` finds them).
   */
  async #replacedSegments({ source, existing }: Planned): Promise<SwiftSegmentPath[]> {
    const segments = segmentsContainerName(this.#container);
    const dynamic = existing?.dynamicManifest;
    const ownDynamic = dynamic?.container === segments && dynamic.prefix.startsWith(`${source.key}/`);
    if (!existing?.staticLarge && !ownDynamic) return [];
    try {
      if (ownDynamic) {
        const listed = await this.#target.writer.listObjects(segments, dynamic.prefix, this.#signal);
        return listed.map((object) => ({ container: segments, key: object.name }));
      }
      const listed = await this.#target.writer.sloSegments(this.#container, source.key, this.#signal);
      return listed.filter((segment) => segment.container === segments);
    } catch (error) {
      if (this.#signal?.aborted) throw error;
      return [];
    }
  }

  /** Deletes the replaced segments the new object does not use; a failed DELETE is counted, not fatal. */
  async #deleteStaleSegments(
    plan: UploadPlan,
    replaced: readonly SwiftSegmentPath[],
  ): Promise<Pick<UploadedObject, 'staleSegmentsDeleted' | 'staleSegmentsLeft'>> {
    const used = new Set(plan.segmented ? plan.segments.map((segment) => segment.name) : []);
    const stale = [...new Set(replaced.map((segment) => segment.key))].filter((key) => !used.has(key));
    if (stale.length === 0) return {};
    const container = segmentsContainerName(this.#container);
    const deleted = await mapBounded(stale, this.#options.concurrency ?? DEFAULT_CONCURRENCY, (key) =>
      this.#target.writer.deleteObject(container, key, this.#signal).then(
        () => true,
        (error: unknown) => {
          if (this.#signal?.aborted) throw error;
          return false;
        },
      ),
    );
    const count = deleted.filter(Boolean).length;
    return { staleSegmentsDeleted: count, staleSegmentsLeft: stale.length - count };
  }

  async #sendOne(item: Planned): Promise<UploadedObject> {
    const { source, plan } = item;
    const meter = new FileMeter(source, this.#options.onProgress);
    const headers = { 'X-Object-Meta-Mtime': mtimeText(source.modifiedMs) };
    if (!plan.segmented) {
      const etag = await this.#putOnce(
        meter,
        0,
        this.#container,
        source.key,
        { start: 0, end: source.bytes },
        headers,
      );
      return this.#result(item, 'uploaded', { etag });
    }
    const listed = await this.#target.writer.listObjects(plan.container, plan.prefix, this.#signal);
    const onServer = new Map(listed.map((entry) => [entry.name, entry]));
    const sent = await mapBounded(
      plan.segments,
      this.#options.concurrency ?? DEFAULT_CONCURRENCY,
      (segment) => this.#sendSegment(meter, plan.container, segment, onServer.get(segment.name)),
      { signal: this.#signal },
    );
    const etag = await this.#putManifest(
      source,
      plan.container,
      plan.segments.map((segment, index) => ({ segment, etag: sent[index]!.etag })),
      headers,
    );
    const reused = sent.filter((segment) => segment.reused).length;
    return this.#result(item, 'uploaded', {
      etag,
      segmentsSent: sent.length - reused,
      segmentsReused: reused,
    });
  }

  /** A segment already on the server with the same size and MD5 is kept; any other is sent. */
  async #sendSegment(
    meter: FileMeter,
    container: string,
    segment: SegmentSpec,
    found: { bytes: number; hash: string } | undefined,
  ): Promise<{ etag: string; reused: boolean }> {
    const bytes = segment.end - segment.start;
    let known: string | undefined;
    if (found && found.bytes === bytes) {
      known = await this.#limit(() => meter.source.md5(segment.start, segment.end, this.#signal));
      if (known === found.hash.toLowerCase()) {
        meter.add(segment.index, bytes);
        return { etag: known, reused: true };
      }
    }
    const etag = await this.#putOnce(meter, segment.index, container, segment.name, segment, {}, known);
    return { etag, reused: false };
  }

  /**
   * Sends bytes [start, end) as one object and answers its MD5 once Swift's ETag matches it. After
   * a failure whose answer may have been lost, a HEAD tells whether the object arrived whole
   * (same size and MD5): then it is not sent again. A resend carries the MD5 as `ETag`, which
   * Swift checks.
   */
  async #putOnce(
    meter: FileMeter,
    partIndex: number,
    container: string,
    name: string,
    range: { start: number; end: number },
    headers: Record<string, string>,
    knownMd5?: string,
  ): Promise<string> {
    const { source } = meter;
    let known = knownMd5;
    const localMd5 = async () => {
      known ??= await this.#limit(() => source.md5(range.start, range.end, this.#signal));
      return known;
    };
    let lastError: unknown;
    for (let attempt = 0; attempt < MAX_PUT_ATTEMPTS; attempt += 1) {
      let part: UploadPart | undefined;
      let sourceError: unknown;
      try {
        const etag = await this.#limit(() => {
          meter.restart(partIndex);
          return this.#target.writer.putObject(
            container,
            name,
            {
              body: () => {
                meter.restart(partIndex);
                part = source.openPart(range.start, range.end);
                return meter.counted(partIndex, part.body, (error) => {
                  sourceError = error;
                });
              },
              bytes: range.end - range.start,
              headers: known === undefined ? headers : { ...headers, ETag: known },
            },
            this.#signal,
          );
        });
        const md5 = known ?? (await part!.md5);
        if (etag === md5) return md5;
        // Swift stored other bytes than those read: send them again, with the ETag it must check.
        known = md5;
        lastError = new SwiftError({
          status: 422,
          method: 'PUT',
          path: `${container}/${name}`,
          reason: `ETag ${etag} is not the MD5 ${md5}`,
        });
      } catch (error) {
        if (this.#signal?.aborted) throw error;
        // The file could not be read as planned: sending it again would not help.
        if (sourceError !== undefined) throw sourceError;
        lastError = error;
        if (error instanceof SwiftError && error.status === 422) {
          // The bytes sent are not those hashed before: the file changed, or they were damaged.
          known = undefined;
          await localMd5();
          continue;
        }
        const delayMs = retryDelay(error, attempt);
        if (delayMs === undefined) throw error;
        await sleep(delayMs, this.#signal);
        const stored = await this.#target.writer.headObject(container, name, this.#signal);
        if (stored && stored.bytes === range.end - range.start && stored.etag === (await localMd5())) {
          return stored.etag;
        }
      }
    }
    throw lastError;
  }

  /**
   * `PUT ?multipart-manifest=put` with each segment's path, ETag and size; its ETag is the MD5 of the
   * segments' ETags, which also tells, after a lost answer, whether the manifest is in place.
   */
  async #putManifest(
    source: UploadSource,
    container: string,
    segments: ReadonlyArray<{ segment: SegmentSpec; etag: string }>,
    headers: Record<string, string>,
  ): Promise<string> {
    const manifest = JSON.stringify(
      segments.map(({ segment, etag }) => ({
        path: `/${container}/${segment.name}`,
        etag,
        size_bytes: segment.end - segment.start,
      })),
    );
    const expected = md5Hex(segments.map(({ etag }) => etag).join(''));
    const bytes = new TextEncoder().encode(manifest);
    let lastError: unknown;
    for (let attempt = 0; attempt < MAX_PUT_ATTEMPTS; attempt += 1) {
      try {
        const etag = await this.#target.writer.putObject(
          this.#container,
          source.key,
          {
            body: () => bytes,
            bytes: bytes.byteLength,
            headers: { ...headers, 'Content-Type': 'application/octet-stream' },
            query: new URLSearchParams({ 'multipart-manifest': 'put' }),
          },
          this.#signal,
        );
        if (etag === expected) return etag;
        throw new SwiftError({
          status: 422,
          method: 'PUT',
          path: `${this.#container}/${source.key}`,
          reason: `manifest ETag ${etag}, expected ${expected}`,
        });
      } catch (error) {
        if (this.#signal?.aborted) throw error;
        lastError = error;
        const delayMs = retryDelay(error, attempt);
        if (delayMs === undefined) throw error;
        await sleep(delayMs, this.#signal);
        const stored = await this.#target.writer.headObject(this.#container, source.key, this.#signal);
        if (stored?.staticLarge && stored.etag === expected && stored.bytes === source.bytes) return expected;
      }
    }
    throw lastError;
  }

  #result(
    { source, plan }: Planned,
    outcome: UploadedObject['outcome'],
    extra: Partial<UploadedObject>,
  ): UploadedObject {
    return {
      key: source.key,
      bytes: source.bytes,
      outcome,
      segments: plan.segmented ? plan.segments.length : 0,
      segmentsSent: 0,
      segmentsReused: 0,
      etag: null,
      ...extra,
    };
  }
}

function segmentsPolicyError(container: string, policy: string | undefined): ValidationError {
  return new ValidationError(
    'archive',
    `The segments container "${container}" has the storage policy ${policy || 'unknown'}, not ${ARCHIVE_POLICY}: ` +
      'segments there would be billed at the standard Object Storage price, not the archive one. ' +
      `Move its objects away and delete it (ovh-pca creates it again with policy ${ARCHIVE_POLICY}), or upload files ` +
      'small enough for one PUT (--segment-threshold).',
  );
}
