/**
 * Private Cloud services, datacenters and allowed networks. Owned by the /dedicatedCloud module.
 * Plain JSON; removals and additions progress with their task's timestamps, computed on read.
 */

export interface DedicatedCloudState {
  /** By serviceName (`pcc-A-B-C-D`). */
  services: Record<string, PrivateCloudRecord>;
  /** Next dedicatedCloud.Task id, shared by every service. */
  nextTaskId: number;
}

export interface PrivateCloudVersion {
  major: string;
  minor: string;
  build: string;
}

export interface PrivateCloudRecord {
  serviceName: string;
  description: string;
  location: string;
  commercialRange: string;
  generation: string;
  managementInterface: string;
  version: PrivateCloudVersion;
  bandwidth: string;
  billingType: string;
  advancedSecurity: boolean;
  spla: boolean;
  sslV3: boolean;
  servicePackName: string | null;
  userAccessPolicy: string;
  userLimitConcurrentSession: number;
  userLogoutPolicy: string;
  userSessionTimeout: number;
  /** By datacenterId. */
  datacenters: Record<string, DatacenterRecord>;
  /** By networkAccessId. */
  allowedNetworks: Record<string, AllowedNetworkRecord>;
  /** By taskId. */
  tasks: Record<string, PrivateCloudTaskRecord>;
  nextNetworkAccessId: number;
}

export interface DatacenterRecord {
  datacenterId: number;
  name: string;
  description: string;
  commercialName: string;
  commercialRangeName: string;
  version: string;
  horizonViewName: string | null;
  /** A datacenter can be removed only when it holds no host and no filer. */
  hostIds: number[];
  filerIds: number[];
  removalTaskId: number | null;
}

export interface AllowedNetworkRecord {
  networkAccessId: number;
  network: string;
  description: string | null;
  /** While this task runs the network shows `toUpdate`. */
  creationTaskId: number | null;
  /** While this task runs the network shows `toDelete`; once done it is gone. */
  removalTaskId: number | null;
}

export interface PrivateCloudTaskRecord {
  taskId: number;
  name: string;
  description: string;
  createdAtMs: number;
  /** Length of each step (todo, then doing), fixed at creation. */
  stepMs: number;
  endState: 'done' | 'error' | 'canceled';
  datacenterId: number | null;
  networkAccessId: number | null;
  network: string | null;
  createdBy: string | null;
}
