// Storage used, product by product and place by place: what `usage` and the desktop's charts show.
// Product-neutral: built from the archives any backend lists, so a new product's archives count
// as soon as its backend is injected.
import type { Archive } from './archive-entities.js';
import type { ArchiveProduct } from './archive-product.js';

/** One place of one product: a project's region (legacy PCA: a passport, region null). */
export interface ArchiveUsageLocation {
  project: string;
  region: string | null;
  archives: number;
  /** Objects held; null when a backend could not tell for one of the archives. */
  objects: number | null;
  bytes: number;
}

export interface ArchiveProductUsage {
  product: ArchiveProduct;
  archives: number;
  objects: number | null;
  bytes: number;
  /** By project then region. */
  locations: ArchiveUsageLocation[];
}

export interface ArchiveUsageReport {
  /** Every product's bytes together. */
  totalBytes: number;
  /** In the order the products were given (the composition root's order). */
  products: ArchiveProductUsage[];
}

function addCount(total: number | null, value: number | null): number | null {
  return total === null || value === null ? null : total + value;
}

/** Sums archives by product and place; products offered but holding no archive show as zero. */
export function summarizeArchiveUsage(
  archives: readonly Archive[],
  products: readonly ArchiveProduct[] = [...new Set(archives.map((archive) => archive.product))],
): ArchiveUsageReport {
  const byProduct = new Map<ArchiveProduct, Map<string, ArchiveUsageLocation>>(
    products.map((product) => [product, new Map()]),
  );
  for (const archive of archives) {
    const locations = byProduct.get(archive.product) ?? new Map<string, ArchiveUsageLocation>();
    byProduct.set(archive.product, locations);
    const key = `${archive.project}\u0000${archive.region ?? ''}`;
    const location = locations.get(key) ?? {
      project: archive.project,
      region: archive.region,
      archives: 0,
      objects: 0,
      bytes: 0,
    };
    location.archives += 1;
    location.objects = addCount(location.objects, archive.objects);
    location.bytes += archive.bytes ?? 0;
    locations.set(key, location);
  }
  const report: ArchiveProductUsage[] = [...byProduct].map(([product, locations]) => {
    const list = [...locations.values()].sort(
      (a, b) =>
        (a.project < b.project ? -1 : a.project > b.project ? 1 : 0) ||
        ((a.region ?? '') < (b.region ?? '') ? -1 : (a.region ?? '') > (b.region ?? '') ? 1 : 0),
    );
    return {
      product,
      archives: list.reduce((sum, location) => sum + location.archives, 0),
      objects: list.reduce<number | null>((sum, location) => addCount(sum, location.objects), 0),
      bytes: list.reduce((sum, location) => sum + location.bytes, 0),
      locations: list,
    };
  });
  return { totalBytes: report.reduce((sum, product) => sum + product.bytes, 0), products: report };
}
