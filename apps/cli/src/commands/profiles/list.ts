import { defineCommand } from '../../command-definition.js';

export const profilesList = defineCommand({
  path: ['profiles', 'list'],
  description: 'list saved profiles; * marks the default',
  async run(context) {
    const { openConfigStores } = await import('../../runtime/config-stores.js');
    const stores = await openConfigStores(context.env);
    const [profiles, defaultName] = await Promise.all([stores.profiles.list(), stores.profiles.getDefault()]);
    const { profileJson } = await import('../../output/profile-view.js');
    const { formatLocalDate } = await import('../../output/format-date.js');
    context.output.list({
      rows: profiles,
      columns: [
        {
          header: 'Default',
          text: (profile) => (profile.name === defaultName ? '*' : ''),
          csv: (profile) => String(profile.name === defaultName),
        },
        { header: 'Name', text: (profile) => profile.name },
        { header: 'Endpoint', text: (profile) => profile.endpoint },
        { header: 'Account', text: (profile) => profile.account ?? '' },
        {
          header: 'Service',
          text: (profile) => profile.archiveService ?? '(all)',
          csv: (p) => p.archiveService ?? '',
        },
        {
          header: 'Expires',
          text: (profile) => formatLocalDate(profile.expiresAt, 'never'),
          csv: (profile) => profile.expiresAt ?? '',
        },
      ],
      json: (profile) => profileJson(profile, profile.name === defaultName),
      emptyMessage: 'No profiles yet: run `ovh-pca login`.',
    });
    return undefined;
  },
});
