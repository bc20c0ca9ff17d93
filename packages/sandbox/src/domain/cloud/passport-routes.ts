/** GET /cloud (public cloud passports) and GET /cloud/{serviceName}/pca (their PCA offers). */
import type { RouteDefinition } from '../../http/route-types.js';
import { findPassport } from './pca-lookup.js';
import { PASSPORTS_PATH, PCA_PATH, PCA_SERVICES_PATH } from './pca-paths.js';

export const passportRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    pattern: PASSPORTS_PATH,
    description: 'List available services (public cloud passports)',
    handler: (_req, ctx) => ({ body: Object.keys(ctx.state.cloud.passports) }),
  },
  {
    method: 'GET',
    pattern: PCA_SERVICES_PATH,
    itemPattern: PCA_PATH,
    description: 'List the PCA offers of a public cloud passport',
    handler: (req, ctx) => ({
      body: Object.keys(findPassport(ctx.state.cloud, req.params.serviceName).pcaServices),
    }),
  },
];
