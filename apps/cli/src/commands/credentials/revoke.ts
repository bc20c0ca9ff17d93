import { quoteInput } from '@ovh-pca/core/text';
import { UsageError } from '../../cli-errors.js';
import { defineCommand } from '../../command-definition.js';
import { ExitCode } from '../../exit-codes.js';

export const credentialsRevoke = defineCommand({
  path: ['credentials', 'revoke'],
  description: "revoke one of the account's consumer keys by its ID (see credentials list)",
  arguments: [{ syntax: '<id>', description: 'credential ID (a number)' }],
  destroys: () => 'revoke an API key',
  async run(context, { args }) {
    const raw = String(args[0]);
    if (!/^[1-9]\d{0,15}$/.test(raw)) {
      throw new UsageError(`Invalid credential ID ${quoteInput(raw)}: expected a positive number.`);
    }
    const credentialId = Number(raw);
    const core = await import('@ovh-pca/core');
    const { client } = await context.connect();
    const credential = await core.getCredential(client, credentialId, { signal: context.signal });
    const current = await core
      .getCurrentCredential(client, { signal: context.signal })
      .catch(() => undefined);
    const isCurrent = current?.credentialId === credentialId;
    const rules = credential.rules.map((rule) => `${rule.method} ${rule.path}`).join(', ');
    const question = `Revoke key ${credentialId} (${credential.status}; ${rules})${isCurrent ? ' — the key this command uses' : ''}?`;
    if (!(await context.confirm(question))) {
      context.log.info('Nothing revoked.');
      return ExitCode.failed;
    }
    await core.revokeCredential(client, credentialId, { signal: context.signal });
    if (context.output.format === 'json') context.output.json({ credentialId, revoked: true });
    else
      context.log.success(
        `Key ${credentialId} revoked.${isCurrent ? ' Run `ovh-pca login` to get a new one.' : ''}`,
      );
    return undefined;
  },
});
