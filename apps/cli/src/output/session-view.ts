import type { ArchiveSession } from '@ovh-pca/core';
import { formatLocalDate } from './format-date.js';
import { formatSize } from './format-size.js';
import type { Column } from './output.js';

/** The documented --json shape of a session (docs/cli.md). Keys in this order. */
export function sessionJson(session: ArchiveSession) {
  return {
    id: session.id,
    serviceId: session.serviceId,
    name: session.name,
    startDate: session.startDate,
    endDate: session.endDate,
    size: session.size,
    state: session.state,
    phase: session.phase,
    login: session.login,
    srcIp: session.srcIp,
  };
}

export const SESSION_COLUMNS: ReadonlyArray<Column<ArchiveSession>> = [
  { header: 'ID', text: (session) => session.id },
  { header: 'Name', text: (session) => session.name },
  {
    header: 'Start',
    text: (session) => formatLocalDate(session.startDate),
    csv: (session) => session.startDate,
  },
  {
    header: 'End',
    text: (session) => formatLocalDate(session.endDate, 'uploading'),
    csv: (session) => session.endDate ?? '',
  },
  {
    header: 'Size',
    text: (session) => formatSize(session.size),
    csv: (session) => String(session.size),
    align: 'right',
  },
  { header: 'State', text: (session) => session.state },
  { header: 'Service', text: (session) => session.serviceId },
];

/** `sessions show`: every field, for people. */
export function sessionFields(session: ArchiveSession): Array<readonly [string, string]> {
  return [
    ['ID', session.id],
    ['Name', session.name],
    ['Service', session.serviceId],
    ['Start', formatLocalDate(session.startDate)],
    ['End', formatLocalDate(session.endDate, 'still uploading')],
    ['Size', `${formatSize(session.size)} (${session.size} bytes)`],
    ['State', `${session.state} (${session.phase})`],
    ['Login', session.login],
    ['Source IP', session.srcIp ?? '-'],
  ];
}
