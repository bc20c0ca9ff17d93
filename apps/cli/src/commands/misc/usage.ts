import { defineCommand } from '../../command-definition.js';

export const usage = defineCommand({
  path: ['usage'],
  description: 'bytes stored by every archive product, per PCA service and per project/region (Perl -s)',
  async run(context) {
    const core = await import('@ovh-pca/core');
    const { archive, archives } = await context.connect();
    const [legacy, all] = await Promise.all([
      archive.getUsage({ signal: context.signal }),
      archives.listArchives({ signal: context.signal }),
    ]);
    // Legacy services in the command's scope (the pin, --service), as `usage` always counted them.
    const inScope = new Set(legacy.services.map((service) => service.serviceId));
    const counted = all.filter((entry) => entry.product !== 'legacy-pca' || inScope.has(entry.id));
    const report = core.summarizeArchiveUsage(counted, archives.products);
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
