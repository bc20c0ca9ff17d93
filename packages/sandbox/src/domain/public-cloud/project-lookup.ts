/** Finding a project (of the caller's account), a user or a container, or answering OVH's 404. */
import type { RouteContext, RouteRequest } from '../../http/route-types.js';
import { ownEntry } from '../cloud/own-entry.js';
import { objectNotFound } from '../cloud/pca-lookup.js';
import type { ContainerRecord, ObjectStorageAccount } from '../object-storage/object-storage-state.js';
import type { CloudProjectRecord, CloudUserRecord } from './public-cloud-state.js';

export function findProject(req: RouteRequest, ctx: RouteContext): CloudProjectRecord {
  const serviceName = req.params.serviceName ?? '';
  const project = ownEntry(ctx.state.publicCloud.projects, serviceName);
  if (!project || project.ownerNichandle !== req.caller?.nichandle)
    throw objectNotFound('serviceName', serviceName);
  return project;
}

export function findUser(project: CloudProjectRecord, userId: string | undefined): CloudUserRecord {
  const user = ownEntry(project.users, userId ?? '');
  if (!user) throw objectNotFound('userId', userId ?? '');
  return user;
}

/** The Swift account of a region, created on first use as Swift does. */
export function storageAccount(
  project: CloudProjectRecord,
  region: string,
  nowMs: number,
): ObjectStorageAccount {
  let account = ownEntry(project.storage, region);
  if (!account) {
    account = { createdMs: nowMs, meta: {}, containers: {} };
    project.storage[region] = account;
  }
  return account;
}

/** API v1's container id: opaque to clients, here base64url of `REGION/name`. */
export function containerId(region: string, name: string): string {
  return Buffer.from(`${region}/${name}`, 'utf8').toString('base64url');
}

export interface FoundContainer {
  region: string;
  account: ObjectStorageAccount;
  container: ContainerRecord;
}

export function findContainer(project: CloudProjectRecord, id: string | undefined): FoundContainer {
  const decoded = /^[A-Za-z0-9_-]+$/.test(id ?? '') ? Buffer.from(id!, 'base64url').toString('utf8') : '';
  const cut = decoded.indexOf('/');
  const region = decoded.slice(0, cut);
  const account = cut > 0 ? ownEntry(project.storage, region) : undefined;
  const container = account ? ownEntry(account.containers, decoded.slice(cut + 1)) : undefined;
  if (!account || !container) throw objectNotFound('containerId', id ?? '');
  return { region, account, container };
}

export function swiftAccountUrl(
  ctx: RouteContext,
  region: string,
  project: CloudProjectRecord,
): string | undefined {
  const origin = ctx.endpoints.swift[region];
  return origin ? `${origin}/v1/AUTH_${project.serviceName}` : undefined;
}
