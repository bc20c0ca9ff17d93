import type { Archive } from '@ovh-pca/core';
import { formatLocalDate } from './format-date.js';
import { formatSize } from './format-size.js';
import type { Column } from './output.js';

/** The documented --json shape of an archive (docs/cli.md). Keys in this order. */
export function archiveJson(archive: Archive) {
  return {
    product: archive.product,
    project: archive.project,
    region: archive.region,
    name: archive.name,
    state: archive.state,
    phase: archive.phase,
    objects: archive.objects,
    bytes: archive.bytes,
    // Cold Archive v1: when the write-once lock ends, when the restored copy disappears.
    lockedUntil: archive.lockedUntil ?? null,
    restoredUntil: archive.restoredUntil ?? null,
  };
}

/** "lock ends …; restored copy removed …" for the table. */
function untilNote(archive: Archive): string {
  return [
    archive.lockedUntil ? `lock ends ${formatLocalDate(archive.lockedUntil)}` : '',
    archive.restoredUntil ? `restored copy removed ${formatLocalDate(archive.restoredUntil)}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

const count = (value: number | null): string => (value === null ? '' : String(value));

export const ARCHIVE_COLUMNS: ReadonlyArray<Column<Archive>> = [
  { header: 'Product', text: (archive) => archive.product },
  { header: 'Project', text: (archive) => archive.project },
  { header: 'Region', text: (archive) => archive.region ?? '-', csv: (archive) => archive.region ?? '' },
  { header: 'Name', text: (archive) => archive.name },
  { header: 'State', text: (archive) => archive.state },
  {
    header: 'Objects',
    text: (archive) => count(archive.objects) || '-',
    csv: (archive) => count(archive.objects),
    align: 'right',
  },
  {
    header: 'Size',
    text: (archive) => (archive.bytes === null ? '-' : formatSize(archive.bytes)),
    csv: (archive) => count(archive.bytes),
    align: 'right',
  },
  { header: 'Until', text: (archive) => untilNote(archive) },
];
