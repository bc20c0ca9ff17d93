/**
 * What bytes an object stands for: itself, or the segments of its manifest (DLO: whatever its
 * prefix lists now; SLO: the segments checked at PUT), in order, with a byte range over all of them.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { BlobStore } from '../../blobs/blob-store.js';
import { ownEntry } from '../../domain/cloud/own-entry.js';
import { ensureEtag } from '../../domain/object-storage/object-etag.js';
import { listObjects } from '../../domain/object-storage/object-listing.js';
import type {
  ContainerRecord,
  ObjectRecord,
  ObjectStorageAccount,
} from '../../domain/object-storage/object-storage-state.js';
import { SwiftError } from './swift-answers.js';

/** The object a Swift request names, with its account and container. */
export interface ObjectTarget {
  account: ObjectStorageAccount;
  accountName: string;
  container: ContainerRecord;
  key: string;
}

export interface DataPart {
  container: ContainerRecord;
  object: ObjectRecord;
}

const MAX_DEPTH = 10;

export function resolveParts(
  account: ObjectStorageAccount,
  container: ContainerRecord,
  object: ObjectRecord,
  depth = 0,
): DataPart[] {
  if (depth > MAX_DEPTH) throw new SwiftError(409, 'Max manifest recursion depth exceeded');
  const manifest = object.manifest;
  if (!manifest) return [{ container, object }];
  if (manifest.kind === 'dlo') {
    const segments = ownEntry(account.containers, manifest.container);
    if (!segments) return [];
    return listObjects(segments, { prefix: manifest.prefix, limit: Number.POSITIVE_INFINITY }).flatMap(
      (entry) =>
        'object' in entry && !entry.object.manifest ? [{ container: segments, object: entry.object }] : [],
    );
  }
  return manifest.segments.flatMap((segment) => {
    const segmentContainer = ownEntry(account.containers, segment.container);
    const segmentObject = segmentContainer ? ownEntry(segmentContainer.objects, segment.key) : undefined;
    if (
      !segmentContainer ||
      !segmentObject ||
      (segmentObject.etag !== null && segmentObject.etag !== segment.etag)
    ) {
      throw new SwiftError(409, `Segment ${segment.container}/${segment.key} is missing or changed`);
    }
    return resolveParts(account, segmentContainer, segmentObject, depth + 1);
  });
}

export function partsLength(parts: readonly DataPart[]): number {
  return parts.reduce((sum, part) => sum + part.object.bytes, 0);
}

/** The ETag a GET or HEAD answers: the MD5 of a plain object; a manifest's is quoted. */
export async function answerEtag(
  object: ObjectRecord,
  parts: readonly DataPart[],
  markDirty: () => void,
): Promise<string> {
  if (!object.manifest) return ensureEtag(object, markDirty);
  if (object.manifest.kind === 'slo') return `"${object.etag}"`;
  const hash = createHash('md5');
  for (const part of parts) hash.update(await ensureEtag(part.object, markDirty));
  return `"${hash.digest('hex')}"`;
}

/** Bytes [start, end] (inclusive) across the parts, one part open at a time. */
export function readParts(
  blobs: BlobStore,
  parts: readonly DataPart[],
  start: number,
  end: number,
): Readable {
  async function* pieces() {
    let offset = 0;
    for (const part of parts) {
      const size = part.object.bytes;
      const from = Math.max(start, offset);
      const to = Math.min(end, offset + size - 1);
      if (from <= to) {
        for await (const piece of blobs.read(part.object.blob, size, from - offset, to - offset))
          yield piece as Buffer;
      }
      offset += size;
      if (offset > end) return;
    }
  }
  return Readable.from(pieces(), { objectMode: false });
}
