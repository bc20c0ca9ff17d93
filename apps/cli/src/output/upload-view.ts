import type { UploadedObject } from '@ovh-pca/core';
import { formatSize } from './format-size.js';
import type { Column } from './output.js';

/** The documented --json shape of one uploaded file (docs/cli.md). Keys in this order. */
export function uploadJson(result: UploadedObject) {
  return {
    key: result.key,
    bytes: result.bytes,
    outcome: result.outcome,
    segments: result.segments,
    segmentsSent: result.segmentsSent,
    segmentsReused: result.segmentsReused,
    etag: result.etag,
    ...(result.staleSegmentsDeleted !== undefined && { staleSegmentsDeleted: result.staleSegmentsDeleted }),
    ...(result.staleSegmentsLeft ? { staleSegmentsLeft: result.staleSegmentsLeft } : {}),
    ...(result.error && { error: result.error }),
  };
}

export const UPLOAD_COLUMNS: ReadonlyArray<Column<UploadedObject>> = [
  { header: 'Key', text: (result) => result.key },
  {
    header: 'Size',
    text: (result) => formatSize(result.bytes),
    csv: (result) => String(result.bytes),
    align: 'right',
  },
  { header: 'Result', text: (result) => result.outcome },
  {
    header: 'Segments',
    text: (result) =>
      result.segments === 0
        ? '-'
        : `${result.segments} (${result.segmentsSent} sent, ${result.segmentsReused} kept)`,
    csv: (result) => String(result.segments),
  },
];

/** `12.3 MB of 1.2 GB (1%), 3 of 10 files` while an upload runs. */
export function uploadProgressText(
  sentBytes: number,
  totalBytes: number,
  done: number,
  files: number,
): string {
  const percent = totalBytes === 0 ? 100 : Math.floor((sentBytes / totalBytes) * 100);
  return `Uploading: ${formatSize(sentBytes)} of ${formatSize(totalBytes)} (${percent}%), ${done} of ${files} file(s) done`;
}

/** One line on what an upload did. */
export function uploadSummary(results: readonly UploadedObject[], archive: string): string {
  const count = (outcome: UploadedObject['outcome']) =>
    results.filter((result) => result.outcome === outcome);
  const uploaded = count('uploaded');
  const parts = [
    `${uploaded.length} uploaded (${formatSize(uploaded.reduce((sum, result) => sum + result.bytes, 0))})`,
    `${count('unchanged').length} already there`,
  ];
  const failed = count('failed').length;
  if (failed > 0) parts.push(`${failed} failed`);
  const staleDeleted = results.reduce((sum, result) => sum + (result.staleSegmentsDeleted ?? 0), 0);
  if (staleDeleted > 0) parts.push(`${staleDeleted} segment(s) of replaced objects deleted`);
  const staleLeft = results.reduce((sum, result) => sum + (result.staleSegmentsLeft ?? 0), 0);
  const left =
    staleLeft > 0
      ? ` ${staleLeft} segment(s) of replaced objects could not be deleted: \`objects prune ${archive}_segments\` finds them.`
      : '';
  return `${archive}: ${parts.join(', ')}.${left}`;
}
