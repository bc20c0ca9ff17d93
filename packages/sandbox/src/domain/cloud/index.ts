// Public surface of the /cloud module: its routes, its empty state and its seeding.
import type { RouteDefinition } from '../../http/route-types.js';
import { billingRoutes } from './billing-routes.js';
import { fileRoutes } from './file-routes.js';
import { passportRoutes } from './passport-routes.js';
import { pcaAccountRoutes } from './pca-account-routes.js';
import { serviceInfosRoutes } from './service-infos-routes.js';
import { sessionRoutes } from './session-routes.js';
import { taskRoutes } from './task-routes.js';

export type { CloudState } from './cloud-state.js';
export { seedCloudState } from './seed-cloud-state.js';

export const cloudRoutes: RouteDefinition[] = [
  ...passportRoutes,
  ...pcaAccountRoutes,
  ...sessionRoutes,
  ...fileRoutes,
  ...taskRoutes,
  ...billingRoutes,
  ...serviceInfosRoutes,
];
