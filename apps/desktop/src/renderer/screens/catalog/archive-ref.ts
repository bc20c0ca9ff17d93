import type { ArchiveRef, ArchiveRow } from '../../../shared/ipc-types.js';

export function refOf(row: Pick<ArchiveRow, 'product' | 'project' | 'region' | 'name'>): ArchiveRef {
  return { product: row.product, project: row.project, region: row.region, name: row.name };
}

export function sameArchive(a: ArchiveRef, b: ArchiveRef): boolean {
  return a.product === b.product && a.project === b.project && a.region === b.region && a.name === b.name;
}

export function refKey(ref: ArchiveRef): string {
  return [ref.product, ref.project, ref.region ?? '', ref.name].join('\u0000');
}
