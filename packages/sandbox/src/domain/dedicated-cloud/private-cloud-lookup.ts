/**
 * Finding what a /dedicatedCloud path names, or 404 as OVH answers. A datacenter whose removal
 * is done, or a network whose removal is done, no longer exists.
 */
import { ownEntry } from '../cloud/own-entry.js';
import { objectNotFound } from '../cloud/pca-lookup.js';
import type {
  AllowedNetworkRecord,
  DatacenterRecord,
  DedicatedCloudState,
  PrivateCloudRecord,
  PrivateCloudTaskRecord,
} from './dedicated-cloud-state.js';
import { isTaskDone } from './private-cloud-tasks.js';

const NUMERIC_ID = /^\d{1,15}$/;

/** Integer ids as record keys: `0042` and `42` name the same object. */
function numericKey(id: string | undefined): string | undefined {
  return id !== undefined && NUMERIC_ID.test(id) ? String(Number(id)) : undefined;
}

export function findPrivateCloud(
  state: DedicatedCloudState,
  serviceName: string | undefined,
): PrivateCloudRecord {
  const service = ownEntry(state.services, serviceName ?? '');
  if (!service) throw objectNotFound('serviceName', serviceName ?? '');
  return service;
}

function taskOf(service: PrivateCloudRecord, taskId: number | null): PrivateCloudTaskRecord | undefined {
  return taskId === null ? undefined : ownEntry(service.tasks, String(taskId));
}

export function datacenterExists(
  service: PrivateCloudRecord,
  datacenter: DatacenterRecord,
  nowMs: number,
): boolean {
  return !isTaskDone(taskOf(service, datacenter.removalTaskId), nowMs);
}

export function findDatacenter(
  service: PrivateCloudRecord,
  datacenterId: string | undefined,
  nowMs: number,
): DatacenterRecord {
  const key = numericKey(datacenterId);
  const datacenter = key === undefined ? undefined : ownEntry(service.datacenters, key);
  if (!datacenter || !datacenterExists(service, datacenter, nowMs)) {
    throw objectNotFound('datacenterId', datacenterId ?? '');
  }
  return datacenter;
}

export type AllowedNetworkState = 'allowed' | 'toDelete' | 'toUpdate' | 'gone';

export function allowedNetworkStateAt(
  service: PrivateCloudRecord,
  network: AllowedNetworkRecord,
  nowMs: number,
): AllowedNetworkState {
  const removal = taskOf(service, network.removalTaskId);
  if (removal) return isTaskDone(removal, nowMs) ? 'gone' : 'toDelete';
  const creation = taskOf(service, network.creationTaskId);
  return creation && !isTaskDone(creation, nowMs) ? 'toUpdate' : 'allowed';
}

export function findAllowedNetwork(
  service: PrivateCloudRecord,
  networkAccessId: string | undefined,
  nowMs: number,
): { network: AllowedNetworkRecord; state: Exclude<AllowedNetworkState, 'gone'> } {
  const key = numericKey(networkAccessId);
  const network = key === undefined ? undefined : ownEntry(service.allowedNetworks, key);
  const state = network ? allowedNetworkStateAt(service, network, nowMs) : 'gone';
  if (!network || state === 'gone') throw objectNotFound('networkAccessId', networkAccessId ?? '');
  return { network, state };
}

export function findPrivateCloudTask(
  service: PrivateCloudRecord,
  taskId: string | undefined,
): PrivateCloudTaskRecord {
  const key = numericKey(taskId);
  const task = key === undefined ? undefined : ownEntry(service.tasks, key);
  if (!task) throw objectNotFound('taskId', taskId ?? '');
  return task;
}
