import { defineCommand } from '../../command-definition.js';
import { ExitCode } from '../../exit-codes.js';

export const doctor = defineCommand({
  path: ['doctor'],
  description:
    'check the keychain, settings, endpoint, clock offset and consumer key, with a fix for each problem',
  async run(context) {
    const { openConfigStores } = await import('../../runtime/config-stores.js');
    const { runDoctorChecks } = await import('../../doctor/doctor-checks.js');
    const stores = await openConfigStores(context.env);
    const progress = await context.progress('Checking…');
    const results = await runDoctorChecks(stores, context.globals, context.signal).finally(() =>
      progress.stop(),
    );
    const marks = { ok: 'ok', warn: 'warn', fail: 'FAIL', skip: 'skip' } as const;
    context.output.list({
      rows: results,
      columns: [
        { header: 'Check', text: (row) => row.check },
        { header: 'Status', text: (row) => marks[row.status], csv: (row) => row.status },
        { header: 'Detail', text: (row) => row.detail },
        { header: 'Fix', text: (row) => row.fix ?? '' },
      ],
      json: (row) => ({ check: row.check, status: row.status, detail: row.detail, fix: row.fix ?? null }),
    });
    return results.some((row) => row.status === 'fail') ? ExitCode.failed : undefined;
  },
});
