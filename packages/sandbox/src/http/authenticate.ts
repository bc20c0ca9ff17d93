/**
 * OVH's checks on a call, in the order the sandbox applies them:
 * headers present (401) → application key known (INVALID_KEY) → timestamp within the window
 * (QUERY_TIME_OUT) → consumer key known for that application (NOT_CREDENTIAL) → signature
 * (INVALID_SIGNATURE) → key validated and not expired (INVALID_CREDENTIAL) → caller IP allowed and
 * route inside the key's rules (NOT_GRANTED_CALL).
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { AuthState, SandboxApplication } from '../domain/auth/auth-state.js';
import { expireIfDue } from '../domain/auth/credential-expiry.js';
import { formatOvhDate } from '../state/ovh-date.js';
import { isCallGranted } from './access-rules.js';
import {
  invalidCredential,
  invalidKey,
  invalidSignature,
  notGranted,
  queryTimeOut,
  unauthorized,
  unknownCredential,
} from './auth-errors.js';
import { isAddressAllowed } from './ip-allowlist.js';
import type { CallerIdentity, RouteDefinition } from './route-types.js';
import { computeSignature } from './signature.js';

export interface AuthenticationInput {
  route: RouteDefinition;
  method: string;
  headers: IncomingHttpHeaders;
  /** The URL the client signed: scheme + Host header + raw path + raw query. */
  signedUrl: string;
  rawBody: Buffer;
  /** Raw path below the API base, e.g. `/cloud/pp-1/pca` (what access rules are matched against). */
  rulePath: string;
  remoteAddress: string;
  auth: AuthState;
  nowMs: number;
  timestampWindowSeconds: number;
  markDirty: () => void;
  /** Bookkeeping only (`lastUse`): saved later, no answer waits for it. */
  markTouched: () => void;
}

export interface AuthenticationResult {
  caller: CallerIdentity | undefined;
  applicationKey: string | undefined;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text === '' ? undefined : text;
}

function findApplication(auth: AuthState, applicationKey: string): SandboxApplication {
  const application = auth.applications.find((candidate) => candidate.applicationKey === applicationKey);
  if (!application || application.status === 'blocked' || application.status === 'inactive')
    throw invalidKey();
  return application;
}

export function authenticate(input: AuthenticationInput): AuthenticationResult {
  const mode = input.route.auth ?? 'signed';
  const applicationKey = header(input.headers, 'x-ovh-application');
  if (mode === 'none') return { caller: undefined, applicationKey };
  if (!applicationKey) throw unauthorized();
  if (mode === 'application') {
    findApplication(input.auth, applicationKey);
    return { caller: undefined, applicationKey };
  }

  const consumerKey = header(input.headers, 'x-ovh-consumer');
  const timestamp = header(input.headers, 'x-ovh-timestamp');
  const signature = header(input.headers, 'x-ovh-signature');
  if (!consumerKey || !timestamp || !signature) throw unauthorized();

  const application = findApplication(input.auth, applicationKey);
  const nowSeconds = Math.floor(input.nowMs / 1000);
  if (
    !/^\d{1,12}$/.test(timestamp) ||
    Math.abs(Number(timestamp) - nowSeconds) > input.timestampWindowSeconds
  ) {
    throw queryTimeOut();
  }

  const credential = input.auth.credentials.find(
    (candidate) =>
      candidate.consumerKey === consumerKey && candidate.applicationId === application.applicationId,
  );
  if (!credential) throw unknownCredential();

  const expected = computeSignature({
    applicationSecret: application.applicationSecret,
    consumerKey,
    method: input.method,
    url: input.signedUrl,
    body: input.rawBody,
    timestamp,
  });
  if (signature !== expected) throw invalidSignature();

  if (expireIfDue(credential, input.nowMs)) input.markDirty();
  if (credential.status !== 'validated' || !credential.nichandle) throw invalidCredential();

  if (credential.allowedIPs && !isAddressAllowed(credential.allowedIPs, input.remoteAddress))
    throw notGranted();
  if (!input.route.ignoresAccessRules && !isCallGranted(credential.rules, input.method, input.rulePath)) {
    throw notGranted();
  }

  credential.lastUse = formatOvhDate(input.nowMs);
  input.markTouched();
  return { caller: { applicationKey, consumerKey, nichandle: credential.nichandle }, applicationKey };
}
