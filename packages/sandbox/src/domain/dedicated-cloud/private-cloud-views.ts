/** Records turned into the API's models: dedicatedCloud.dedicatedCloud, .Datacenter, .AllowedNetwork. */
import type { AllowedNetworkRecord, DatacenterRecord, PrivateCloudRecord } from './dedicated-cloud-state.js';
import type { AllowedNetworkState } from './private-cloud-lookup.js';

export function privateCloudView(service: PrivateCloudRecord) {
  const host = `https://${service.serviceName}.ovh.com`;
  return {
    serviceName: service.serviceName,
    description: service.description,
    state: 'delivered',
    location: service.location,
    commercialRange: service.commercialRange,
    generation: service.generation,
    managementInterface: service.managementInterface,
    version: { ...service.version },
    bandwidth: service.bandwidth,
    billingType: service.billingType,
    advancedSecurity: service.advancedSecurity,
    spla: service.spla,
    sslV3: service.sslV3,
    servicePackName: service.servicePackName,
    userAccessPolicy: service.userAccessPolicy,
    userLimitConcurrentSession: service.userLimitConcurrentSession,
    userLogoutPolicy: service.userLogoutPolicy,
    userSessionTimeout: service.userSessionTimeout,
    webInterfaceUrl: `${host}/vsphere-client/`,
    certifiedInterfaceUrl: `${host}/ui/`,
    vScopeUrl: `${host}/vScope`,
  };
}

export function datacenterView(datacenter: DatacenterRecord) {
  return {
    datacenterId: datacenter.datacenterId,
    name: datacenter.name,
    description: datacenter.description,
    commercialName: datacenter.commercialName,
    commercialRangeName: datacenter.commercialRangeName,
    version: datacenter.version,
    horizonViewName: datacenter.horizonViewName,
    isRemovable: datacenter.hostIds.length === 0 && datacenter.filerIds.length === 0,
  };
}

export function allowedNetworkView(
  network: AllowedNetworkRecord,
  state: Exclude<AllowedNetworkState, 'gone'>,
) {
  return {
    networkAccessId: network.networkAccessId,
    network: network.network,
    description: network.description,
    state,
  };
}
