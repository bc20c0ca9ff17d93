import type { ArchiveObject } from '@ovh-pca/core';
import { formatLocalDate } from './format-date.js';
import { formatSize } from './format-size.js';
import type { Column } from './output.js';

/** The documented --json shape of an archive object (docs/cli.md). Keys in this order. */
export function objectJson(object: ArchiveObject) {
  return {
    key: object.key,
    bytes: object.bytes,
    lastModified: object.lastModified,
    state: object.state,
    readyAt: object.readyAt,
    retrievableUntil: object.retrievableUntil,
  };
}

export const OBJECT_COLUMNS: ReadonlyArray<Column<ArchiveObject>> = [
  { header: 'Key', text: (object) => object.key },
  {
    header: 'Size',
    text: (object) => formatSize(object.bytes),
    csv: (object) => String(object.bytes),
    align: 'right',
  },
  {
    header: 'Modified',
    text: (object) => formatLocalDate(object.lastModified),
    csv: (object) => object.lastModified ?? '',
  },
  { header: 'State', text: (object) => object.state },
  {
    header: 'Ready at',
    text: (object) => formatLocalDate(object.readyAt),
    csv: (object) => object.readyAt ?? '',
  },
  {
    header: 'Retrievable until',
    text: (object) => formatLocalDate(object.retrievableUntil),
    csv: (object) => object.retrievableUntil ?? '',
  },
];

/** One line on the state of retrieved objects: how many are ready, and when the rest should be. */
export function retrievalSummary(objects: readonly ArchiveObject[]): string {
  const ready = objects.filter((object) => object.phase === 'online').length;
  const pending = objects.filter((object) => object.phase === 'retrieving');
  const last = pending
    .map((object) => object.readyAt)
    .filter((value): value is string => value !== null)
    .sort()
    .at(-1);
  const rest = objects.length - ready - pending.length;
  return (
    `${ready}/${objects.length} ready` +
    (pending.length > 0
      ? `, ${pending.length} retrieving${last ? ` (all by ${formatLocalDate(last)})` : ''}`
      : '') +
    (rest > 0 ? `, ${rest} other` : '')
  );
}
