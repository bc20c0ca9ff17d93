/**
 * Account (HEAD, GET listing, POST metadata) and container operations: PUT with `X-Storage-Policy`
 * (PCS by default, PCA for Cloud Archive, never changed afterwards), HEAD, GET listing, POST
 * metadata and ACLs, DELETE refused with 409 while objects remain.
 */

import { ownEntry } from '../../domain/cloud/own-entry.js';
import { containerUsage } from '../../domain/object-storage/object-listing.js';
import { containerNameProblem } from '../../domain/object-storage/object-names.js';
import type {
  ContainerRecord,
  ObjectStorageAccount,
  StoragePolicy,
} from '../../domain/object-storage/object-storage-state.js';
import type { RouteContext } from '../../http/route-types.js';
import type { ProtocolAnswer, ProtocolRequest } from '../protocol-types.js';
import {
  applyMetaHeaders,
  header,
  metaHeaders,
  metaProblem,
  SwiftError,
  swiftTimestamp,
} from './swift-answers.js';
import { accountListing, containerListing } from './swift-listing.js';

export function accountHeaders(account: ObjectStorageAccount): Record<string, string | number> {
  let objects = 0;
  let bytes = 0;
  const containers = Object.values(account.containers);
  for (const container of containers) {
    const usage = containerUsage(container);
    objects += usage.objects;
    bytes += usage.bytes;
  }
  return {
    'X-Account-Container-Count': containers.length,
    'X-Account-Object-Count': objects,
    'X-Account-Bytes-Used': bytes,
    'X-Timestamp': swiftTimestamp(account.createdMs),
    ...metaHeaders(account.meta, 'Account'),
  };
}

export function accountOperation(
  request: ProtocolRequest,
  ctx: RouteContext,
  account: ObjectStorageAccount,
  accountName: string,
): ProtocolAnswer {
  switch (request.method) {
    case 'HEAD':
      return { status: 204, headers: accountHeaders(account) };
    case 'GET':
      return accountListing(request, account, accountName, accountHeaders(account));
    case 'POST': {
      const meta = { ...account.meta };
      applyMetaHeaders(meta, request.headers, 'account');
      const problem = metaProblem(meta);
      if (problem) throw new SwiftError(400, problem);
      account.meta = meta;
      ctx.markDirty();
      return { status: 204 };
    }
    default:
      throw new SwiftError(405);
  }
}

function containerHeaders(container: ContainerRecord): Record<string, string | number> {
  const usage = containerUsage(container);
  return {
    'X-Container-Object-Count': usage.objects,
    'X-Container-Bytes-Used': usage.bytes,
    'X-Storage-Policy': container.policy,
    'X-Timestamp': swiftTimestamp(container.createdMs),
    'Accept-Ranges': 'bytes',
    ...(container.read && { 'X-Container-Read': container.read }),
    ...(container.write && { 'X-Container-Write': container.write }),
    ...metaHeaders(container.meta, 'Container'),
  };
}

function readPolicy(request: ProtocolRequest): StoragePolicy | undefined {
  const sent = header(request.headers, 'x-storage-policy');
  if (sent === undefined) return undefined;
  const policy = sent.trim().toUpperCase();
  if (policy !== 'PCS' && policy !== 'PCA') throw new SwiftError(400, `Invalid X-Storage-Policy ${sent}`);
  return policy;
}

function applyAcls(container: ContainerRecord, request: ProtocolRequest): void {
  const read = header(request.headers, 'x-container-read');
  const write = header(request.headers, 'x-container-write');
  if (read !== undefined) container.read = read === '' ? null : read;
  if (write !== undefined) container.write = write === '' ? null : write;
  if (request.headers['x-remove-container-read'] !== undefined) container.read = null;
  if (request.headers['x-remove-container-write'] !== undefined) container.write = null;
}

function updateMeta(container: ContainerRecord, request: ProtocolRequest): void {
  const meta = { ...container.meta };
  applyMetaHeaders(meta, request.headers, 'container');
  const problem = metaProblem(meta);
  if (problem) throw new SwiftError(400, problem);
  container.meta = meta;
  applyAcls(container, request);
}

/** Removes a container that holds no object; false (nothing done) while objects remain. */
export function deleteEmptyContainer(account: ObjectStorageAccount, name: string): boolean {
  if (Object.keys(account.containers[name]?.objects ?? {}).length > 0) return false;
  delete account.containers[name];
  return true;
}

export async function containerOperation(
  request: ProtocolRequest,
  ctx: RouteContext,
  account: ObjectStorageAccount,
  name: string,
): Promise<ProtocolAnswer> {
  const existing = ownEntry(account.containers, name);
  if (request.method === 'PUT') {
    const problem = containerNameProblem(name);
    if (problem) throw new SwiftError(400, problem);
    const policy = readPolicy(request);
    if (existing) {
      if (policy && policy !== existing.policy)
        throw new SwiftError(409, 'Container already exists with a different storage policy');
      updateMeta(existing, request);
      ctx.markDirty();
      return { status: 202 };
    }
    const container: ContainerRecord = {
      name,
      policy: policy ?? 'PCS',
      createdMs: ctx.clock.nowMs(),
      meta: {},
      read: null,
      write: null,
      objects: {},
    };
    updateMeta(container, request);
    account.containers[name] = container;
    ctx.markDirty();
    return { status: 201 };
  }
  if (!existing) throw new SwiftError(404);
  switch (request.method) {
    case 'HEAD':
      return { status: 204, headers: containerHeaders(existing) };
    case 'GET':
      return containerListing(request, ctx, existing, containerHeaders(existing));
    case 'POST':
      updateMeta(existing, request);
      ctx.markDirty();
      return { status: 204 };
    case 'DELETE':
      if (!deleteEmptyContainer(account, name)) throw new SwiftError(409);
      ctx.markDirty();
      return { status: 204 };
    default:
      throw new SwiftError(405);
  }
}
