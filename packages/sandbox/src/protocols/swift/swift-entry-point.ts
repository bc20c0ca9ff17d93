/**
 * Swift for one region, on its own listener (OVH: `https://storage.<region>.cloud.ovh.net`):
 * `/info`, then `/v1/AUTH_<project>[/<container>[/<object key, slashes and all>]]` (and the
 * account's `?bulk-delete`), authorised by a Keystone token, a temp URL or a public ACL.
 */
import { ownEntry } from '../../domain/cloud/own-entry.js';
import { storageAccount } from '../../domain/public-cloud/project-lookup.js';
import { splitRaw } from '../../http/route-matcher.js';
import type { ProtocolEntryPoint } from '../protocol-types.js';
import { authorize, findProjectOfAccount, type SwiftPath } from './swift-access.js';
import { SwiftError, swiftErrorAnswer, swiftTransactionId } from './swift-answers.js';
import { bulkDelete, isBulkDelete } from './swift-bulk-delete.js';
import { accountOperation, containerOperation } from './swift-containers.js';
import { SWIFT_INFO } from './swift-info.js';
import { objectOperation } from './swift-objects.js';

function parsePath(rawPath: string): SwiftPath | undefined {
  const segments = splitRaw(rawPath);
  if (segments?.[0] !== 'v1' || !segments[1]) return undefined;
  const [, accountName, container, ...rest] = segments;
  // `/v1/AUTH_x/` and `/v1/AUTH_x/c/` name the account and the container.
  const key = rest.join('/');
  return { accountName, container: container || undefined, key: key === '' ? undefined : key };
}

export function swiftEntryPoint(region: string): ProtocolEntryPoint {
  return {
    protocol: 'swift',
    region,
    requestId: swiftTransactionId,
    requestIdHeaders: (id) => ({ 'X-Trans-Id': id, 'X-Openstack-Request-Id': id }),
    errorAnswer: (status) => swiftErrorAnswer(status),
    async handle(request, ctx) {
      try {
        if (request.rawPath === '/info' && (request.method === 'GET' || request.method === 'HEAD')) {
          return {
            status: 200,
            headers: { 'Content-Type': 'application/json; charset=utf-8' },
            body: JSON.stringify(SWIFT_INFO),
          };
        }
        const path = parsePath(request.rawPath);
        if (!path) throw new SwiftError(path === undefined && request.rawPath.startsWith('/v1') ? 412 : 404);
        const project = findProjectOfAccount(ctx, path.accountName);
        const nowMs = ctx.clock.nowMs();
        const existing = project ? ownEntry(project.storage, region) : undefined;
        authorize(ctx, request, project, existing, path, nowMs);
        if (!project?.regions.includes(region)) throw new SwiftError(404);
        const account = existing ?? storageAccount(project, region, nowMs);
        if (path.container === undefined) {
          if (isBulkDelete(request)) return await bulkDelete(request, ctx, account);
          return accountOperation(request, ctx, account, path.accountName);
        }
        if (path.key === undefined) return await containerOperation(request, ctx, account, path.container);
        const container = ownEntry(account.containers, path.container);
        if (!container) throw new SwiftError(404);
        return await objectOperation(request, ctx, {
          account,
          accountName: path.accountName,
          container,
          key: path.key,
        });
      } catch (error) {
        if (error instanceof SwiftError) return swiftErrorAnswer(error.status, error.detail, error.headers);
        throw error;
      }
    },
  };
}
