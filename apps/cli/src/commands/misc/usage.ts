import { defineCommand } from '../../command-definition.js';

export const usage = defineCommand({
  path: ['usage'],
  description: 'bytes stored, in total and per PCA service (Perl -s)',
  async run(context) {
    const { archive } = await context.connect();
    const usage = await archive.getUsage({ signal: context.signal });
    const { formatSize } = await import('../../output/format-size.js');
    if (context.output.format === 'json') {
      context.output.json({
        totalBytes: usage.totalBytes,
        services: usage.services.map((service) => ({ serviceId: service.serviceId, bytes: service.bytes })),
      });
      return undefined;
    }
    context.output.list({
      rows: [...usage.services, { serviceId: 'total', bytes: usage.totalBytes }],
      columns: [
        { header: 'Service', text: (row) => row.serviceId },
        {
          header: 'Size',
          text: (row) => formatSize(row.bytes),
          csv: (row) => String(row.bytes),
          align: 'right',
        },
        { header: 'Bytes', text: (row) => String(row.bytes), align: 'right' },
      ],
      json: (row) => row,
    });
    return undefined;
  },
});
