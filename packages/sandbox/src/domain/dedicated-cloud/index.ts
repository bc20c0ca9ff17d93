// Public surface of the /dedicatedCloud module: its routes, its empty state and its seeding.
import type { RouteDefinition } from '../../http/route-types.js';
import type { SeedOptions } from '../../state/sandbox-state.js';
import type { DedicatedCloudState } from './dedicated-cloud-state.js';

export const dedicatedCloudRoutes: RouteDefinition[] = [];
export function seedDedicatedCloudState(_options: SeedOptions): DedicatedCloudState {
  return {};
}
