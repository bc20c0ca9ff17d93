import { defineCommand } from '../../command-definition.js';

export const servicesList = defineCommand({
  path: ['services', 'list'],
  description: 'list the PCA services of every passport; * marks the pinned one',
  async run(context) {
    const { archive } = await context.connect();
    const services = await archive.listServices({ signal: context.signal });
    const pinned = archive.pinnedServiceId;
    context.output.list({
      rows: services,
      columns: [
        {
          header: 'Pinned',
          text: (service) => (service.id === pinned ? '*' : ''),
          csv: (service) => String(service.id === pinned),
        },
        { header: 'Service', text: (service) => service.id },
        { header: 'Passport', text: (service) => service.passport },
        { header: 'PCA', text: (service) => service.serviceName },
      ],
      json: (service) => ({
        id: service.id,
        kind: service.kind,
        passport: service.passport,
        serviceName: service.serviceName,
        pinned: service.id === pinned,
      }),
      emptyMessage: 'No PCA service on this account.',
    });
    return undefined;
  },
});
