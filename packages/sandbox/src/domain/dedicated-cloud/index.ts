// Public surface of the /dedicatedCloud module: its routes, its empty state and its seeding.
import type { RouteDefinition } from '../../http/route-types.js';
import { allowedNetworkRoutes } from './allowed-network-routes.js';
import { datacenterRoutes } from './datacenter-routes.js';
import { privateCloudRoutes } from './private-cloud-routes.js';
import { privateCloudTaskRoutes } from './private-cloud-task-routes.js';

export type { DedicatedCloudState } from './dedicated-cloud-state.js';
export { seedDedicatedCloudState } from './seed-dedicated-cloud-state.js';

export const dedicatedCloudRoutes: RouteDefinition[] = [
  ...privateCloudRoutes,
  ...datacenterRoutes,
  ...allowedNetworkRoutes,
  ...privateCloudTaskRoutes,
];
