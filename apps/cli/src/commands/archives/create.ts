import { UsageError } from '../../cli-errors.js';
import { defineCommand } from '../../command-definition.js';

export const archivesCreate = defineCommand<{ region?: string; product?: string }>({
  path: ['archives', 'create'],
  description:
    'create an archive: a Cloud Archive container (default), a Cold Archive v1 bucket or a v2 (deep-archive) bucket',
  arguments: [{ syntax: '<archive>', description: 'NAME, REGION/NAME or PROJECT/REGION/NAME' }],
  options: [
    {
      flags: '--product <product>',
      description: 'cloud-archive (default), cold-archive (RBX-ARCHIVE) or deep-archive (EU-WEST-PAR)',
    },
    {
      flags: '--region <region>',
      description: 'where to create it (GRA, BHS…), unless the address says; Cold Archive has its own',
    },
  ],
  examples: [
    'ovh-pca archives create photos-2024 --region GRA',
    'ovh-pca archives create PROJECT/BHS/photos-2024',
    'ovh-pca archives create backups-2026 --product cold-archive',
    'ovh-pca archives create PROJECT/EU-WEST-PAR/deep-backups --product deep-archive',
  ],
  async run(context, { args, options }) {
    const core = await import('@ovh-pca/core');
    // Every input checked before anything is sent.
    const address = core.parseArchiveAddress(args[0]);
    const product =
      options.product === undefined ? 'cloud-archive' : core.parseArchiveProduct(options.product);
    if (product === 'legacy-pca')
      throw new UsageError('Legacy PCA services cannot be created (OVH ended them in 2020).');
    const flag = options.region === undefined ? undefined : core.parseArchiveRegion(options.region);
    if (address.region !== undefined && flag !== undefined && address.region !== flag) {
      throw new UsageError(`Two regions given: ${address.region} in the address, ${flag} in --region.`);
    }
    const region = address.region ?? flag;
    if (
      product === 'deep-archive' &&
      region !== undefined &&
      !core.DEEP_ARCHIVE_REGIONS.includes(region as 'EU-WEST-PAR')
    ) {
      throw new UsageError(
        `deep-archive (Cold Archive v2) exists in ${core.DEEP_ARCHIVE_REGIONS.join(', ')} only.`,
      );
    }
    if (product === 'cloud-archive' && region === undefined) {
      throw new UsageError('Say where to create it: --region R or REGION/NAME.');
    }
    const { archives } = await context.connect();
    const backend = archives.backend(product);
    if (!backend.createArchive) throw new UsageError(`${product} archives cannot be created here.`);
    const created = await backend.createArchive({ ...address, region: region as string }, context.signal);
    const { archiveJson } = await import('../../output/archive-view.js');
    if (context.output.format === 'json') context.output.json(archiveJson(created));
    else context.log.success(`Created ${core.formatArchiveAddress(created)} (${product}).`);
    return undefined;
  },
});
