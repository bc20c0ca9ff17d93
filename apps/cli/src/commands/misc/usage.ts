import { defineCommand } from '../../command-definition.js';

export const usage = defineCommand<{ product?: string }>({
  path: ['usage'],
  description: 'bytes stored by every archive product, per PCA service and per project/region',
  options: [
    {
      flags: '--product <product>',
      description: 'only this product (Perl -s: legacy-pca, the total size of all sessions)',
    },
  ],
  examples: ['ovh-pca usage --json', 'ovh-pca usage --product cloud-archive'],
  async run(context, { options }) {
    const core = await import('@ovh-pca/core');
    // Checked before anything is sent.
    const only = options.product === undefined ? undefined : core.parseArchiveProduct(options.product);
    const { archive, archives } = await context.connect();
    const products = archives.products.filter((product) => only === undefined || product === only);
    const [legacy, lists] = await Promise.all([
      // Legacy usage is one request per service: asked only when legacy PCA is counted.
      products.includes('legacy-pca')
        ? archive.getUsage({ signal: context.signal })
        : Promise.resolve({ totalBytes: 0, services: [] }),
      Promise.all(
        products.map((product) =>
          archives.listArchives({ product, signal: context.signal }).catch((error: unknown) => {
            // A credential granted the legacy routes only still gets its legacy usage, as before.
            if (product === 'legacy-pca' || core.toArchiveErrorInfo(error).status !== 403) throw error;
            context.log.warn(`${product} not counted: ${(error as Error).message}`);
            return [];
          }),
        ),
      ),
    ]);
    const all = lists.flat();
    // Legacy services in the command's scope (the pin, --service), as `usage` always counted them.
    const inScope = new Set(legacy.services.map((service) => service.serviceId));
    const counted = all.filter((entry) => entry.product !== 'legacy-pca' || inScope.has(entry.id));
    const report = core.summarizeArchiveUsage(counted, products);
    const view = await import('../../output/usage-view.js');
    if (context.output.format === 'json') {
      context.output.json(view.usageJson(legacy, report));
      return undefined;
    }
    context.output.list({
      rows: view.usageRows(legacy, counted, report),
      columns: view.USAGE_COLUMNS,
      json: (row) => row,
    });
    return undefined;
  },
});
