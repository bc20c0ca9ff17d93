/**
 * Who may do what on a Swift path: a Keystone token of the account's project (a user with an
 * object-storage role, or the API's own token from `POST /storage/access`), a valid temp URL on an
 * object, or a container's public-read ACL (`.r:*`, `.rlistings` for listings).
 */

import { ownEntry } from '../../domain/cloud/own-entry.js';
import type { ObjectStorageAccount } from '../../domain/object-storage/object-storage-state.js';
import { parseTempUrlExpiry, tempUrlSignatureMatches } from '../../domain/object-storage/temp-url.js';
import { canUseObjectStorage } from '../../domain/public-cloud/cloud-users.js';
import { validToken } from '../../domain/public-cloud/keystone-tokens.js';
import type { CloudProjectRecord } from '../../domain/public-cloud/public-cloud-state.js';
import type { RouteContext } from '../../http/route-types.js';
import type { ProtocolRequest } from '../protocol-types.js';
import { header, SwiftError } from './swift-answers.js';

export interface SwiftPath {
  accountName: string;
  container?: string;
  key?: string;
}

export function findProjectOfAccount(ctx: RouteContext, accountName: string): CloudProjectRecord | undefined {
  return accountName.startsWith('AUTH_')
    ? ownEntry(ctx.state.publicCloud.projects, accountName.slice(5))
    : undefined;
}

function tokenAllows(
  ctx: RouteContext,
  request: ProtocolRequest,
  project: CloudProjectRecord | undefined,
): boolean {
  const token = header(request.headers, 'x-auth-token') ?? header(request.headers, 'x-storage-token');
  if (!token) return false;
  const record = validToken(ctx.state.publicCloud, token, ctx.clock.nowMs());
  if (!record) return false;
  if (!project || record.projectId !== project.serviceName) throw new SwiftError(403);
  if (record.userId.startsWith('api:')) return true;
  const user = Object.values(project.users).find((candidate) => candidate.openstackId === record.userId);
  if (!user || !canUseObjectStorage(user)) throw new SwiftError(403);
  return true;
}

function tempUrlAllows(
  request: ProtocolRequest,
  account: ObjectStorageAccount | undefined,
  path: SwiftPath,
): boolean {
  const signature = request.query.get('temp_url_sig');
  const expiresText = request.query.get('temp_url_expires');
  if (signature === null || expiresText === null || !path.key || !path.container) return false;
  const keys = [account?.meta['temp-url-key'], account?.meta['temp-url-key-2']];
  const container = account ? ownEntry(account.containers, path.container) : undefined;
  keys.push(container?.meta['temp-url-key'], container?.meta['temp-url-key-2']);
  const methods = request.method === 'HEAD' ? ['HEAD', 'GET', 'PUT'] : [request.method];
  const objectPath = `/v1/${path.accountName}/${path.container}/${path.key}`;
  const usable = keys.filter((key): key is string => typeof key === 'string' && key !== '');
  return methods.some((method) =>
    tempUrlSignatureMatches(usable, signature, method, expiresText, objectPath),
  );
}

function publicReadAllows(
  request: ProtocolRequest,
  account: ObjectStorageAccount | undefined,
  path: SwiftPath,
): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const container = account && path.container ? ownEntry(account.containers, path.container) : undefined;
  const acl = container?.read ?? '';
  const grants = acl.split(',').map((grant) => grant.trim());
  if (path.key) return grants.some((grant) => grant === '.r:*');
  return path.container !== undefined && grants.includes('.rlistings') && grants.includes('.r:*');
}

/** Throws 401 (or 403 for another project's token) unless the request may go on. */
export function authorize(
  ctx: RouteContext,
  request: ProtocolRequest,
  project: CloudProjectRecord | undefined,
  account: ObjectStorageAccount | undefined,
  path: SwiftPath,
  nowMs: number,
): 'token' | 'temp-url' | 'public' {
  if (tokenAllows(ctx, request, project)) return 'token';
  if (tempUrlAllowsAt(request, account, path, nowMs)) return 'temp-url';
  if (publicReadAllows(request, account, path)) return 'public';
  throw new SwiftError(401);
}

/** Expired, malformed or not matching: the same 401 (Swift does not say which). */
function tempUrlAllowsAt(
  request: ProtocolRequest,
  account: ObjectStorageAccount | undefined,
  path: SwiftPath,
  nowMs: number,
) {
  const expires = parseTempUrlExpiry(request.query.get('temp_url_expires') ?? '');
  return Number.isFinite(expires) && expires * 1000 > nowMs && tempUrlAllows(request, account, path);
}
