import { defineCommand } from '../../command-definition.js';
import { ExitCode } from '../../exit-codes.js';

export const credentialsList = defineCommand({
  path: ['credentials', 'list'],
  description: "list the account's consumer keys (all applications); * marks the one in use",
  async run(context) {
    const core = await import('@ovh-pca/core');
    const { client } = await context.connect();
    const progress = await context.progress('Listing API keys…');
    const [list, current] = await Promise.all([
      core.listCredentials(client, { signal: context.signal }),
      core.getCurrentCredential(client, { signal: context.signal }).catch(() => undefined),
    ]).finally(() => progress.stop());
    const { CREDENTIAL_COLUMNS, credentialJson } = await import('../../output/credential-view.js');
    const currentId = current?.credentialId;
    context.output.list({
      rows: list.credentials.map((credential) => ({
        credential,
        current: credential.credentialId === currentId,
      })),
      columns: CREDENTIAL_COLUMNS,
      json: credentialJson,
      emptyMessage: 'No API keys.',
    });
    for (const failure of list.failed) {
      context.log.warn(`Key ${failure.credentialId} could not be read: ${failure.error.message}`);
    }
    return list.failed.length > 0 ? ExitCode.partial : undefined;
  },
});
