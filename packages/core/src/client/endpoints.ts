/** OVH API endpoints (reference doc §1): named endpoints, aliases, the legacy host and custom URLs. */
import { quoteInput } from '../text/quote-input.js';
import { ConfigError } from './errors.js';

export type EndpointName =
  | 'ovh-eu'
  | 'ovh-ca'
  | 'ovh-us'
  | 'kimsufi-eu'
  | 'kimsufi-ca'
  | 'soyoustart-eu'
  | 'soyoustart-ca';

/** `current`: the hosts today's SDKs use; `ovhcloud`: the new OVHcloud domain (newest go-ovh). */
export type EndpointDomain = 'current' | 'ovhcloud';

export const ENDPOINTS: Readonly<Record<EndpointName, { url: string; ovhcloudUrl: string }>> = {
  'ovh-eu': { url: 'https://eu.api.ovh.com/1.0', ovhcloudUrl: 'https://api.eu.ovhcloud.com/1.0' },
  'ovh-ca': { url: 'https://ca.api.ovh.com/1.0', ovhcloudUrl: 'https://api.ca.ovhcloud.com/1.0' },
  'ovh-us': { url: 'https://api.us.ovhcloud.com/1.0', ovhcloudUrl: 'https://api.us.ovhcloud.com/1.0' },
  'kimsufi-eu': { url: 'https://eu.api.kimsufi.com/1.0', ovhcloudUrl: 'https://eu.api.kimsufi.com/1.0' },
  'kimsufi-ca': { url: 'https://ca.api.kimsufi.com/1.0', ovhcloudUrl: 'https://ca.api.kimsufi.com/1.0' },
  'soyoustart-eu': {
    url: 'https://eu.api.soyoustart.com/1.0',
    ovhcloudUrl: 'https://eu.api.soyoustart.com/1.0',
  },
  'soyoustart-ca': {
    url: 'https://ca.api.soyoustart.com/1.0',
    ovhcloudUrl: 'https://ca.api.soyoustart.com/1.0',
  },
};

export const ENDPOINT_NAMES = Object.keys(ENDPOINTS) as EndpointName[];

/** Short names used by the Node SDK. */
export const ENDPOINT_ALIASES: Readonly<Record<string, EndpointName>> = {
  'sys-eu': 'soyoustart-eu',
  'sys-ca': 'soyoustart-ca',
  'ks-eu': 'kimsufi-eu',
  'ks-ca': 'kimsufi-ca',
};

/** The host of the 2013 Perl script this project replaces. */
export const LEGACY_ENDPOINT_NAME = 'ovh-legacy';
export const LEGACY_ENDPOINT_URL = 'https://api.ovh.com/1.0';

export function isEndpointName(value: string): value is EndpointName {
  return Object.hasOwn(ENDPOINTS, value);
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

function knownNames(): string {
  return [...ENDPOINT_NAMES, ...Object.keys(ENDPOINT_ALIASES), LEGACY_ENDPOINT_NAME].join(', ');
}

function resolveUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      `Unknown endpoint ${quoteInput(raw)}: use a name (${knownNames()}) or an https:// URL such as https://eu.api.ovh.com/1.0.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`Endpoint ${quoteInput(raw)} must use https:// (got ${quoteInput(url.protocol)}).`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new ConfigError(
      `Endpoint ${url.origin} uses plain http://, which is only allowed for loopback addresses (127.0.0.0/8, localhost, [::1]); use https://.`,
    );
  }
  if (url.username || url.password) {
    throw new ConfigError('Endpoint URLs must not contain a user name or password.');
  }
  // `raw` too: an empty `?` or `#` leaves no search or hash behind.
  if (url.search || url.hash || /[?#]/.test(raw)) {
    throw new ConfigError(`Endpoint ${url.origin}${url.pathname} must not contain a query or a fragment.`);
  }
  // Normalised the way fetch will see it (lower-case host, no default port), without a trailing slash.
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * Endpoint name, alias or URL → base URL without trailing slash (`'ovh-eu'` → `https://eu.api.ovh.com/1.0`).
 * Throws ConfigError for unknown names, non-http(s) URLs and plain http to anything but loopback.
 */
export function resolveEndpoint(nameOrUrl: string, options: { domain?: EndpointDomain } = {}): string {
  // Refused, not trimmed: the URL parser would drop a trailing newline or an inner tab silently.
  // Nor a backslash, which it reads as `/`.
  if (nameOrUrl === '' || /[\s\p{Cc}\\]/u.test(nameOrUrl)) {
    throw new ConfigError(
      `Invalid endpoint ${quoteInput(nameOrUrl)}: ${nameOrUrl === '' ? 'it is empty' : 'no spaces, control characters or "\\" (a stray newline when pasting?)'}.`,
    );
  }
  const raw = nameOrUrl;
  // ASCII letters only: '\u212a' (Kelvin sign) lower-cases to 'k' and would name ks-eu.
  const name = raw.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
  const canonical = ENDPOINT_ALIASES[name] ?? name;
  if (isEndpointName(canonical)) {
    const endpoint = ENDPOINTS[canonical];
    return options.domain === 'ovhcloud' ? endpoint.ovhcloudUrl : endpoint.url;
  }
  if (name === LEGACY_ENDPOINT_NAME) return LEGACY_ENDPOINT_URL;
  return resolveUrl(raw);
}

/**
 * Joins a base URL and a request path. A path starting with `/v1/` or `/v2/` replaces the `/1.0`
 * suffix of the base (`/v1` is `/1.0`; `/v2` is a separate API).
 */
export function joinEndpointPath(endpointUrl: string, path: string): string {
  if (path.startsWith('/v1/') || path.startsWith('/v2/')) {
    return `${endpointUrl.replace(/\/1\.0$/, '')}${path}`;
  }
  return `${endpointUrl}${path}`;
}
