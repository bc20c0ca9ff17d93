/** Validation of the POST /auth/credential body: OVH answers 400 Client::BadRequest on any fault. */
import { isValidIpOrBlock } from '../../http/ip-allowlist.js';
import { badRequest, type HttpMethod } from '../../http/route-types.js';
import type { AccessRule } from './auth-state.js';

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];

export interface CredentialRequest {
  accessRules: AccessRule[];
  redirection: string | null;
  allowedIPs: string[] | null;
}

function parseRule(rule: unknown): AccessRule {
  if (rule === null || typeof rule !== 'object')
    throw badRequest('Invalid accessRules: each rule is {method, path}');
  const { method, path } = rule as Record<string, unknown>;
  if (typeof method !== 'string' || !METHODS.includes(method as HttpMethod)) {
    throw badRequest(
      `Invalid value ${JSON.stringify(method)} for accessRules.method: expected one of ${METHODS.join(', ')}`,
    );
  }
  if (typeof path !== 'string' || !path.startsWith('/')) {
    throw badRequest(`Invalid value ${JSON.stringify(path)} for accessRules.path: must start with /`);
  }
  return { method: method as HttpMethod, path };
}

/** Where the validation page sends the browser: only a web page (no `javascript:` or `file:`). */
function parseRedirection(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  const protocol = typeof value === 'string' && URL.canParse(value) ? new URL(value).protocol : undefined;
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw badRequest('Invalid value for redirection: an http:// or https:// URL is expected');
  }
  return value as string;
}

function parseAllowedIps(value: unknown): string[] | null {
  if (value === undefined || value === null) return null;
  if (
    !Array.isArray(value) ||
    !value.every((entry) => typeof entry === 'string' && isValidIpOrBlock(entry))
  ) {
    throw badRequest('Invalid value for allowedIPs: expected IP addresses or blocks');
  }
  return value.length === 0 ? null : (value as string[]);
}

export function parseCredentialRequest(body: unknown): CredentialRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('Missing parameter: accessRules');
  }
  const { accessRules, redirection, allowedIPs } = body as Record<string, unknown>;
  if (!Array.isArray(accessRules) || accessRules.length === 0)
    throw badRequest('Missing parameter: accessRules');
  return {
    accessRules: accessRules.map(parseRule),
    redirection: parseRedirection(redirection),
    allowedIPs: parseAllowedIps(allowedIPs),
  };
}
