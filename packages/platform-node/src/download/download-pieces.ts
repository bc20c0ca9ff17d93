// How a large object is cut for a parallel download, and what the `.part.json` record beside a
// partial file says about it. Pieces are written at their offsets by a few readers at once; the
// record lists those complete (and on disk: fsynced first), so a re-run asks only for the others.
import type { ByteRangeChecksum, DownloadSource } from '@ovh-pca/core';

/** One byte range [start, end) read by one reader; `md5` when the server lists this range's MD5. */
export interface DownloadPiece {
  start: number;
  end: number;
  md5?: string;
}

/** What sits beside a partial file: which version of which object its bytes belong to. */
export interface PartRecord {
  key: string;
  etag: string;
  bytes: number;
  /** A parallel download: its pieces as [start, end) pairs, and the indexes of those complete. */
  pieces?: Array<[number, number]>;
  done?: number[];
}

/**
 * The pieces of an object: a manifest's segments when the server lists their MD5s and they cover
 * the object (each checked on its own the moment it is in), else `pieceBytes` slices (checked by
 * one read-back of the whole file against its MD5 once they are all in).
 */
export function planPieces(source: DownloadSource, pieceBytes: number): DownloadPiece[] {
  if (source.verification === 'segments' && coversObject(source.checksums, source.bytes)) {
    return source.checksums
      .filter((range) => range.end > range.start)
      .map(({ start, end, md5 }) => ({ start, end, md5 }));
  }
  const pieces: DownloadPiece[] = [];
  for (let start = 0; start < source.bytes; start += pieceBytes) {
    pieces.push({ start, end: Math.min(source.bytes, start + pieceBytes) });
  }
  return pieces;
}

function coversObject(ranges: readonly ByteRangeChecksum[], bytes: number): boolean {
  let at = 0;
  for (const range of ranges) {
    if (range.start !== at) return false;
    at = range.end;
  }
  return at === bytes;
}

/** The record's complete pieces, when it describes this version cut this way; else none. */
export function completedPieces(
  record: PartRecord | undefined,
  source: DownloadSource,
  pieces: readonly DownloadPiece[],
): Set<number> {
  const sameLayout =
    record?.key === source.key &&
    record.etag === source.etag &&
    record.bytes === source.bytes &&
    record.pieces?.length === pieces.length &&
    record.pieces.every(
      ([start, end], index) => start === pieces[index]!.start && end === pieces[index]!.end,
    );
  if (!sameLayout) return new Set();
  return new Set((record.done ?? []).filter((index) => Number.isInteger(index) && pieces[index]));
}

export function pieceRecord(
  source: DownloadSource,
  pieces: readonly DownloadPiece[],
  done: ReadonlySet<number>,
): PartRecord {
  return {
    key: source.key,
    etag: source.etag,
    bytes: source.bytes,
    pieces: pieces.map((piece) => [piece.start, piece.end]),
    done: [...done].sort((a, b) => a - b),
  };
}
