import { UsageError } from '../cli-errors.js';

/** One PCA service: the public cloud passport and the PCA offer inside it. */
export interface ServiceRef {
  serviceName: string;
  pcaServiceName: string;
}

// OVH service names are printable ASCII without slashes; refuse anything that could escape a path.
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._:@-]*$/;

/** `passport/pca` as given to `--service` or `services use`. */
export function parseServiceRef(raw: string): ServiceRef {
  const parts = raw.split('/');
  const [serviceName, pcaServiceName] = parts;
  if (parts.length !== 2 || !serviceName || !pcaServiceName || !isSafe(serviceName) || !isSafe(pcaServiceName)) {
    throw new UsageError(
      `Invalid service ${JSON.stringify(raw)}: expected PASSPORT/PCA, e.g. pp-1234/pca-5678 (see \`ovh-pca services list\`).`,
    );
  }
  return { serviceName, pcaServiceName };
}

export function formatServiceRef(ref: ServiceRef): string {
  return `${ref.serviceName}/${ref.pcaServiceName}`;
}

function isSafe(segment: string): boolean {
  return SEGMENT.test(segment) && segment !== '.' && segment !== '..';
}
