// Public surface of the /cloud/project module: its routes and its seeding.
import type { RouteDefinition } from '../../http/route-types.js';
import { coldArchiveRoutes } from '../cold-archive/cold-archive-routes.js';
import { projectRoutes } from './project-routes.js';
import { s3CredentialRoutes } from './s3-credential-routes.js';
import { s3StorageRoutes } from './s3-storage-routes.js';
import { storageRoutes } from './storage-routes.js';
import { userRoutes } from './user-routes.js';

export type { PublicCloudState } from './public-cloud-state.js';
export { seedPublicCloudState } from './seed-public-cloud-state.js';

export const publicCloudRoutes: RouteDefinition[] = [
  ...projectRoutes,
  ...userRoutes,
  ...s3CredentialRoutes,
  ...storageRoutes,
  ...s3StorageRoutes,
  ...coldArchiveRoutes,
];
