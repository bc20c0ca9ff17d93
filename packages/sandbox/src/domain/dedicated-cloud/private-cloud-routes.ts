/** GET /dedicatedCloud (service names) and GET /dedicatedCloud/{serviceName}. */
import type { RouteDefinition } from '../../http/route-types.js';
import { PRIVATE_CLOUD_PATH, PRIVATE_CLOUDS_PATH } from './dedicated-cloud-paths.js';
import { findPrivateCloud } from './private-cloud-lookup.js';
import { privateCloudView } from './private-cloud-views.js';

export const privateCloudRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    pattern: PRIVATE_CLOUDS_PATH,
    itemPattern: PRIVATE_CLOUD_PATH,
    description: 'List available services (Private Cloud)',
    handler: (_req, ctx) => ({ body: Object.keys(ctx.state.dedicatedCloud.services) }),
  },
  {
    method: 'GET',
    pattern: PRIVATE_CLOUD_PATH,
    description: 'Private Cloud',
    handler: (req, ctx) => ({
      body: privateCloudView(findPrivateCloud(ctx.state.dedicatedCloud, req.params.serviceName)),
    }),
  },
];
