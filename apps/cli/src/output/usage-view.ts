import type { Archive, ArchiveUsage, ArchiveUsageReport } from '@ovh-pca/core';
import { formatSize } from './format-size.js';
import type { Column } from './output.js';

/**
 * The documented --json shape of `usage` (docs/cli.md): `totalBytes` and `services` as they always
 * were (legacy PCA services in scope), then every product by project and region.
 */
export function usageJson(legacy: ArchiveUsage, report: ArchiveUsageReport) {
  return {
    totalBytes: legacy.totalBytes,
    services: legacy.services.map((service) => ({ serviceId: service.serviceId, bytes: service.bytes })),
    allProductsBytes: report.totalBytes,
    products: report.products.map((product) => ({
      product: product.product,
      archives: product.archives,
      objects: product.objects,
      bytes: product.bytes,
      locations: product.locations.map((location) => ({
        project: location.project,
        region: location.region,
        archives: location.archives,
        objects: location.objects,
        bytes: location.bytes,
      })),
    })),
  };
}

export interface UsageRow {
  product: string;
  /** A legacy service (`PASSPORT/PCA`), a `PROJECT/REGION`, or `total`. */
  where: string;
  archives: number | null;
  objects: number | null;
  bytes: number;
}

/** Legacy PCA per service (as before), the other products per project/region, then the total. */
export function usageRows(
  legacy: ArchiveUsage,
  archives: readonly Archive[],
  report: ArchiveUsageReport,
): UsageRow[] {
  const sessions = new Map(
    archives.filter((entry) => entry.product === 'legacy-pca').map((entry) => [entry.id, entry.objects]),
  );
  const rows: UsageRow[] = legacy.services.map((service) => ({
    product: 'legacy-pca',
    where: service.serviceId,
    archives: 1,
    objects: sessions.get(service.serviceId) ?? null,
    bytes: service.bytes,
  }));
  for (const product of report.products) {
    if (product.product === 'legacy-pca') continue;
    for (const location of product.locations) {
      rows.push({
        product: product.product,
        where: `${location.project}/${location.region ?? '-'}`,
        archives: location.archives,
        objects: location.objects,
        bytes: location.bytes,
      });
    }
  }
  rows.push({ product: 'total', where: '', archives: null, objects: null, bytes: report.totalBytes });
  return rows;
}

const count = (value: number | null) => (value === null ? '' : String(value));

export const USAGE_COLUMNS: ReadonlyArray<Column<UsageRow>> = [
  { header: 'Product', text: (row) => row.product },
  { header: 'Where', text: (row) => row.where },
  { header: 'Archives', text: (row) => count(row.archives), align: 'right' },
  { header: 'Objects', text: (row) => count(row.objects), align: 'right' },
  { header: 'Size', text: (row) => formatSize(row.bytes), csv: (row) => String(row.bytes), align: 'right' },
  { header: 'Bytes', text: (row) => String(row.bytes), align: 'right' },
];
