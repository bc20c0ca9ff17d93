/**
 * Every domain the sandbox serves, in one place: API v1 route tables (below `/1.0`), browser pages,
 * and the protocol entry points that listen on ports of their own (Keystone, Swift per region, S3
 * per region), each with its own authentication.
 */
import { authRoutes } from './domain/auth/auth-routes.js';
import { validationPageRoutes } from './domain/auth/validation-page.js';
import { cloudRoutes } from './domain/cloud/index.js';
import { dedicatedCloudRoutes } from './domain/dedicated-cloud/index.js';
import { meRoutes } from './domain/me/me-routes.js';
import { publicCloudRoutes } from './domain/public-cloud/index.js';
import { S3_REGIONS, SWIFT_REGIONS } from './domain/public-cloud/region-catalog.js';
import type { RouteDefinition } from './http/route-types.js';
import { keystoneEntryPoint } from './protocols/keystone/keystone-entry-point.js';
import type { ProtocolEntryPoint } from './protocols/protocol-types.js';
import { s3EntryPoint } from './protocols/s3/s3-entry-point.js';
import { swiftEntryPoint } from './protocols/swift/swift-entry-point.js';

export interface ApiDomain {
  name: string;
  routes: readonly RouteDefinition[];
}

export const API_DOMAINS: readonly ApiDomain[] = [
  { name: 'auth', routes: authRoutes },
  { name: 'me', routes: meRoutes },
  { name: 'cloud (legacy PCA)', routes: cloudRoutes },
  { name: 'cloud/project', routes: publicCloudRoutes },
  { name: 'dedicatedCloud', routes: dedicatedCloudRoutes },
];

export const PAGE_ROUTES: readonly RouteDefinition[] = validationPageRoutes;

export function protocolEntryPoints(): ProtocolEntryPoint[] {
  return [
    keystoneEntryPoint,
    ...SWIFT_REGIONS.map((region) => swiftEntryPoint(region)),
    ...S3_REGIONS.map((region) => s3EntryPoint(region)),
  ];
}
