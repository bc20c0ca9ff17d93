import type { ArchiveFile } from '@ovh-pca/core';
import { formatSize } from './format-size.js';
import type { Column } from './output.js';

/** The documented --json shape of a file (docs/cli.md). */
export function fileJson(file: ArchiveFile) {
  return {
    id: file.id,
    sessionId: file.sessionId,
    serviceId: file.serviceId,
    name: file.name,
    size: file.size,
    type: file.type,
    state: file.state,
    md5: file.md5,
    sha1: file.sha1,
    sha256: file.sha256,
  };
}

export const FILE_COLUMNS: ReadonlyArray<Column<ArchiveFile>> = [
  { header: 'ID', text: (file) => file.id },
  { header: 'Name', text: (file) => file.name },
  { header: 'Size', text: (file) => formatSize(file.size), csv: (file) => String(file.size), align: 'right' },
  { header: 'Type', text: (file) => file.type },
  { header: 'State', text: (file) => file.state },
  { header: 'SHA-256', text: (file) => file.sha256 },
];
