import { UsageError } from '../../cli-errors.js';
import { defineCommand } from '../../command-definition.js';

export const servicesUse = defineCommand<{ all?: boolean }>({
  path: ['services', 'use'],
  description: 'pin one PCA service in the profile (or --all to work on every service again)',
  arguments: [{ syntax: '[service]', description: 'PASSPORT/PCA as shown by `services list`' }],
  options: [{ flags: '--all', description: 'unpin: cover every PCA service of every passport' }],
  async run(context, { args, options }) {
    const core = await import('@ovh-pca/core');
    const raw = args[0] as string | undefined;
    if (options.all === (raw !== undefined))
      throw new UsageError('Give either a service (PASSPORT/PCA) or --all.');
    if (raw !== undefined) core.parseServiceId(raw);
    const { config, archive, stores } = await context.connect();
    const profileName = config.profileName;
    const profile = profileName === undefined ? undefined : await stores.profiles.get(profileName);
    if (!profile) {
      throw new UsageError(
        'Pinning a service needs a saved profile (`ovh-pca login`); without one, pass --service on each command.',
      );
    }
    if (raw !== undefined) {
      const services = await archive.listServices({ signal: context.signal });
      if (!services.some((service) => service.id === raw)) {
        throw new UsageError(
          `No PCA service ${raw} on this account. Known: ${services.map((service) => service.id).join(', ') || 'none'}.`,
        );
      }
    }
    const { createdAt: _created, updatedAt: _updated, archiveService: _previous, ...rest } = profile;
    await stores.profiles.upsert(raw === undefined ? rest : { ...rest, archiveService: raw });
    context.log.success(
      raw === undefined
        ? `Profile ${profile.name} now covers every PCA service.`
        : `Profile ${profile.name} now uses ${raw}.`,
    );
    return undefined;
  },
});
