import { defineCommand } from '../../command-definition.js';

export const archivesList = defineCommand<{ product?: string; region?: string }>({
  path: ['archives', 'list'],
  description: 'list every archive of every product (legacy PCA services included)',
  options: [
    { flags: '--product <product>', description: 'only this product: legacy-pca, cloud-archive, …' },
    { flags: '--region <region>', description: 'only this region (GRA, RBX-ARCHIVE…); legacy PCA has none' },
  ],
  examples: ['ovh-pca archives list --json', 'ovh-pca archives list --product legacy-pca'],
  async run(context, { options }) {
    const { parseArchiveProduct, parseArchiveRegion } = await import('@ovh-pca/core');
    // Bad filters are bad input: refused before any setting is read or anything is sent.
    const product = options.product === undefined ? undefined : parseArchiveProduct(options.product);
    const region = options.region === undefined ? undefined : parseArchiveRegion(options.region);
    const { archives } = await context.connect();
    const rows = await archives.listArchives({ product, region, signal: context.signal });
    const { ARCHIVE_COLUMNS, archiveJson } = await import('../../output/archive-view.js');
    context.output.list({
      rows,
      columns: ARCHIVE_COLUMNS,
      json: archiveJson,
      emptyMessage: 'No archive matches.',
    });
    return undefined;
  },
});
