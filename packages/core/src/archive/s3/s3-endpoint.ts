import type { S3Endpoint } from './s3-ports.js';
import type { RegionWire } from './s3-wire-types.js';

/** The S3 service names OVH gives a region (reference §3.3), preferred in this order. */
export const S3_SERVICE_NAMES = ['storage-s3-coldarchive', 'storage-s3-standard', 'storage-s3-high-perf'];

/**
 * A region's S3 endpoint from its `services` (`GET /cloud/project/{sn}/region/{r}`): the first
 * `storage-s3-*` entry in the order above; undefined when the region offers no S3.
 */
export function s3EndpointOf(region: RegionWire): S3Endpoint | undefined {
  const services = region.services ?? [];
  for (const name of S3_SERVICE_NAMES) {
    const service = services.find((candidate) => candidate.name === name && candidate.endpoint);
    if (service) {
      return {
        region: region.name.toUpperCase(),
        url: service.endpoint.replace(/\/+$/, ''),
        signingRegion: region.name.toLowerCase(),
        service: service.name,
      };
    }
  }
  return undefined;
}
