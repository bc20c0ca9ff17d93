import { UsageError } from '../../cli-errors.js';
import { defineCommand } from '../../command-definition.js';

export const archivesCreate = defineCommand<{ region?: string }>({
  path: ['archives', 'create'],
  description: 'create a Cloud Archive container (Swift, storage policy PCA)',
  arguments: [{ syntax: '<archive>', description: 'NAME, REGION/NAME or PROJECT/REGION/NAME' }],
  options: [
    { flags: '--region <region>', description: 'where to create it (GRA, BHS…), unless the address says' },
  ],
  examples: [
    'ovh-pca archives create photos-2024 --region GRA',
    'ovh-pca archives create PROJECT/BHS/photos-2024',
  ],
  async run(context, { args, options }) {
    const core = await import('@ovh-pca/core');
    const address = core.parseArchiveAddress(args[0]);
    const flag = options.region === undefined ? undefined : core.parseArchiveRegion(options.region);
    if (address.region !== undefined && flag !== undefined && address.region !== flag) {
      throw new UsageError(`Two regions given: ${address.region} in the address, ${flag} in --region.`);
    }
    const region = address.region ?? flag;
    if (region === undefined) throw new UsageError('Say where to create it: --region R or REGION/NAME.');
    const { archives } = await context.connect();
    const backend = archives.backend('cloud-archive');
    if (!backend.createArchive) throw new UsageError('cloud-archive archives cannot be created here.');
    const created = await backend.createArchive({ ...address, region }, context.signal);
    const { archiveJson } = await import('../../output/archive-view.js');
    if (context.output.format === 'json') context.output.json(archiveJson(created));
    else context.log.success(`Created ${core.formatArchiveAddress(created)} (cloud-archive).`);
    return undefined;
  },
});
