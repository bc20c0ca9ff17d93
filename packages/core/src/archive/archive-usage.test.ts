import { describe, expect, it } from 'vitest';
import type { Archive } from './archive-entities.js';
import { summarizeArchiveUsage } from './archive-usage.js';

const archive = (fields: Partial<Archive> & Pick<Archive, 'product' | 'project' | 'name'>): Archive => ({
  region: null,
  id: fields.name,
  state: 'active',
  phase: 'open',
  objects: 1,
  bytes: 10,
  ...fields,
});

describe('summarizeArchiveUsage', () => {
  it('sums archives, objects and bytes per product and per project/region, in the products order', () => {
    const report = summarizeArchiveUsage(
      [
        archive({
          product: 'cloud-archive',
          project: 'p2',
          region: 'GRA',
          name: 'a',
          objects: 3,
          bytes: 300,
        }),
        archive({
          product: 'cloud-archive',
          project: 'p1',
          region: 'GRA',
          name: 'b',
          objects: 2,
          bytes: 200,
        }),
        archive({
          product: 'cloud-archive',
          project: 'p1',
          region: 'GRA',
          name: 'c',
          objects: 1,
          bytes: 100,
        }),
        archive({ product: 'cloud-archive', project: 'p1', region: 'BHS', name: 'd', objects: 0, bytes: 0 }),
        archive({ product: 'legacy-pca', project: 'pp', name: 'pca-1', objects: 5, bytes: 5000 }),
        archive({ product: 'legacy-pca', project: 'pp', name: 'pca-2', objects: null, bytes: null }),
      ],
      ['legacy-pca', 'cloud-archive', 'cold-archive'],
    );
    expect(report.totalBytes).toBe(5600);
    expect(report.products.map((product) => product.product)).toEqual([
      'legacy-pca',
      'cloud-archive',
      'cold-archive',
    ]);
    expect(report.products[0]).toEqual({
      product: 'legacy-pca',
      archives: 2,
      objects: null,
      bytes: 5000,
      locations: [{ project: 'pp', region: null, archives: 2, objects: null, bytes: 5000 }],
    });
    expect(report.products[1]!.locations).toEqual([
      { project: 'p1', region: 'BHS', archives: 1, objects: 0, bytes: 0 },
      { project: 'p1', region: 'GRA', archives: 2, objects: 3, bytes: 300 },
      { project: 'p2', region: 'GRA', archives: 1, objects: 3, bytes: 300 },
    ]);
    expect(report.products[1]).toMatchObject({ archives: 4, objects: 6, bytes: 600 });
    expect(report.products[2]).toEqual({
      product: 'cold-archive',
      archives: 0,
      objects: 0,
      bytes: 0,
      locations: [],
    });
  });
});
