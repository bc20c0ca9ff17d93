// Public surface of the /cloud module: its routes, its empty state and its seeding.
import type { RouteDefinition } from '../../http/route-types.js';
import type { SeedOptions } from '../../state/sandbox-state.js';
import type { CloudState } from './cloud-state.js';

export const cloudRoutes: RouteDefinition[] = [];
export function seedCloudState(_options: SeedOptions): CloudState {
  return {};
}
