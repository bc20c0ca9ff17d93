import { formatLocalDate } from './format-date.js';
import { formatSize } from './format-size.js';

/** What became of one object of a download (the documented --json shape, docs/cli.md). */
export interface DownloadOutcome {
  key: string;
  /** Where it was written (absolute); null when nothing was. */
  path: string | null;
  bytes: number;
  /**
   * `downloaded`, `skipped` (already there, complete and identical), `folder` (a key ending in `/`:
   * a folder was made), `not-ready` (sealed or unsealing: see readyAt), `failed` (see error).
   */
  outcome: 'downloaded' | 'skipped' | 'folder' | 'not-ready' | 'failed';
  /** Bytes of an earlier partial file kept (not downloaded again). */
  resumedFrom: number;
  /** `md5`, `segments` or `size`: what was checked (docs/archives.md). */
  verification: string | null;
  readyAt: string | null;
  error: string | null;
}

export interface DownloadReport {
  archive: string;
  target: string;
  objects: DownloadOutcome[];
  downloaded: number;
  skipped: number;
  notReady: number;
  failed: number;
  /** Bytes written by this run (resumed bytes included, skipped files not). */
  bytes: number;
}

export function downloadReport(archive: string, target: string, objects: DownloadOutcome[]): DownloadReport {
  const count = (outcome: DownloadOutcome['outcome']) =>
    objects.filter((object) => object.outcome === outcome).length;
  return {
    archive,
    target,
    objects,
    downloaded: count('downloaded'),
    skipped: count('skipped'),
    notReady: count('not-ready'),
    failed: count('failed'),
    bytes: objects
      .filter((object) => object.outcome === 'downloaded')
      .reduce((sum, object) => sum + object.bytes, 0),
  };
}

/** The progress line: objects done, bytes so far of the total. */
export function downloadProgressLine(done: number, count: number, received: number, total: number): string {
  return `Downloading ${count} object(s): ${done}/${count} done, ${formatSize(received)} of ${formatSize(total)}`;
}

/** One line per object not ready, with when it should be. */
export function notReadyLine(object: DownloadOutcome): string {
  return object.readyAt === null
    ? `${object.key}: sealed, retrieve it first`
    : `${object.key}: sealed, unsealing, ready at ${formatLocalDate(object.readyAt)} (${object.readyAt})`;
}

export function downloadSummary(report: DownloadReport): string {
  const parts = [`${report.downloaded} downloaded (${formatSize(report.bytes)})`];
  if (report.skipped > 0) parts.push(`${report.skipped} already there`);
  if (report.notReady > 0) parts.push(`${report.notReady} not ready`);
  if (report.failed > 0) parts.push(`${report.failed} failed`);
  return `${report.archive} → ${report.target}: ${parts.join(', ')}.`;
}
