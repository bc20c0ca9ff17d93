import { defineCommand } from '../../command-definition.js';

export const profilesUse = defineCommand({
  path: ['profiles', 'use'],
  description: 'make a profile the default one',
  arguments: [{ syntax: '<name>', description: 'profile name' }],
  async run(context, { args }) {
    const { openConfigStores } = await import('../../runtime/config-stores.js');
    const stores = await openConfigStores(context.env);
    const name = String(args[0]);
    await stores.profiles.setDefault(name);
    context.log.success(`Default profile: ${name}.`);
    return undefined;
  },
});
