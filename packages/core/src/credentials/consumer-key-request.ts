import { InvalidResponseError } from '../client/errors.js';
import type { AccessRule } from '../ports/index.js';
import { quoteInput } from '../text/quote-input.js';
import { validateAccessRules } from './access-rules.js';
import type { CredentialsApiClient } from './credentials-api-client.js';

export interface ConsumerKeyRequest {
  accessRules: ReadonlyArray<AccessRule>;
  /** Where OVH sends the browser after validation: an absolute http(s) URL. */
  redirection?: string;
  /** IP addresses or CIDR blocks the key will only work from. */
  allowedIPs?: readonly string[];
  signal?: AbortSignal;
}

export interface PendingConsumerKey {
  consumerKey: string;
  /** The page the account holder opens to accept or refuse. */
  validationUrl: string;
  state: string;
}

/** A consumer-key request that OVH would refuse; found before anything is sent. */
export class InvalidConsumerKeyRequestError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid consumer key request: ${problems.join('; ')}.`);
    this.name = 'InvalidConsumerKeyRequestError';
  }
}

const IPV4_BLOCK = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/;
const IPV6_BLOCK = /^([0-9A-Fa-f:.]+)(?:\/(\d{1,3}))?$/;

function isIpOrBlock(text: string): boolean {
  const v4 = IPV4_BLOCK.exec(text);
  if (v4) {
    const octetsOk = v4.slice(1, 5).every((octet) => Number(octet) <= 255);
    return octetsOk && (v4[5] === undefined || Number(v4[5]) <= 32);
  }
  const v6 = IPV6_BLOCK.exec(text);
  if (!v6 || !v6[1]!.includes(':')) return false;
  // URL parsing validates the address itself; the prefix length is checked by hand.
  return URL.canParse(`http://[${v6[1]}]/`) && (v6[2] === undefined || Number(v6[2]) <= 128);
}

function requestProblems(request: ConsumerKeyRequest): string[] {
  const problems: string[] = [];
  if (request.redirection !== undefined) {
    const url = URL.canParse(request.redirection) ? new URL(request.redirection) : undefined;
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      problems.push(`redirection ${quoteInput(request.redirection)} is not an absolute http(s) URL`);
    }
  }
  for (const ip of request.allowedIPs ?? []) {
    if (!isIpOrBlock(ip)) problems.push(`allowed IP ${quoteInput(ip)} is not an IP address or block`);
  }
  return problems;
}

/**
 * Asks OVH for a new consumer key (`POST /auth/credential`, signed by the application key only).
 * Everything is validated first: a bad rule, redirection or IP throws and sends nothing.
 */
export async function requestConsumerKey(
  client: CredentialsApiClient,
  request: ConsumerKeyRequest,
): Promise<PendingConsumerKey> {
  const accessRules = validateAccessRules(request.accessRules);
  const problems = requestProblems(request);
  if (problems.length > 0) throw new InvalidConsumerKeyRequestError(problems);

  const body: Record<string, unknown> = { accessRules };
  if (request.redirection !== undefined) body.redirection = request.redirection;
  if (request.allowedIPs !== undefined && request.allowedIPs.length > 0)
    body.allowedIPs = [...request.allowedIPs];
  const answer = await client.request<Partial<PendingConsumerKey> | null>('POST', '/auth/credential', {
    body,
    signed: false,
    signal: request.signal,
  });
  if (typeof answer?.consumerKey !== 'string' || typeof answer.validationUrl !== 'string') {
    throw new InvalidResponseError({
      status: 200,
      method: 'POST',
      path: '/auth/credential',
      reason: 'The answer has no consumerKey or validationUrl',
    });
  }
  return {
    consumerKey: answer.consumerKey,
    validationUrl: answer.validationUrl,
    state: typeof answer.state === 'string' ? answer.state : 'pendingValidation',
  };
}
