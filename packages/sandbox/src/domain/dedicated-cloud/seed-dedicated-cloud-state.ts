/**
 * The seeded /dedicatedCloud slice: one Private Cloud with two datacenters, one holding hosts
 * and filers, one empty (seed 002 removes an empty one), and two allowed networks.
 */
import type { SeedOptions } from '../../state/sandbox-state.js';
import { createSeededRandom, deriveSeed, randomInt } from '../../state/seeded-random.js';
import { pick } from '../cloud/random-draws.js';
import type {
  AllowedNetworkRecord,
  DatacenterRecord,
  DedicatedCloudState,
  PrivateCloudRecord,
  PrivateCloudTaskRecord,
} from './dedicated-cloud-state.js';

const DAY = 86_400_000;

export function seedDedicatedCloudState(options: SeedOptions): DedicatedCloudState {
  const random = createSeededRandom(deriveSeed(options.seed, 'dedicatedCloud'));
  const state: DedicatedCloudState = { services: {}, nextTaskId: randomInt(random, 50_000_000, 90_000_000) };
  const serviceName = `pcc-${pick(random, [37, 46, 51, 54, 137, 145, 151, 178])}-${randomInt(random, 1, 254)}-${randomInt(random, 0, 255)}-${randomInt(random, 1, 254)}`;
  const firstDatacenterId = randomInt(random, 1000, 3000);
  const ids = (count: number, min: number) =>
    Array.from({ length: count }, (_, i) => min + i * randomInt(random, 1, 9));
  const datacenter = (
    datacenterId: number,
    description: string,
    hosts: number,
    filers: number,
  ): DatacenterRecord => ({
    datacenterId,
    name: `${serviceName}_datacenter${datacenterId}`,
    description,
    commercialName: 'SDDC',
    commercialRangeName: '2016',
    version: '6.5',
    horizonViewName: null,
    hostIds: ids(hosts, randomInt(random, 100_000, 200_000)),
    filerIds: ids(filers, randomInt(random, 10_000, 20_000)),
    removalTaskId: null,
  });
  const production = datacenter(firstDatacenterId, 'Production', 3, 2);
  const empty = datacenter(firstDatacenterId + randomInt(random, 1, 40), 'Recette (vide)', 0, 0);

  const firstNetworkId = randomInt(random, 40_000, 60_000);
  const networks: AllowedNetworkRecord[] = [
    ['203.0.113.0/24', 'Bureau Paris'],
    [`198.51.100.${randomInt(random, 2, 254)}/32`, 'VPN administrateurs'],
  ].map(([network, description], index) => ({
    networkAccessId: firstNetworkId + index * randomInt(random, 1, 30),
    network: network!,
    description: description!,
    creationTaskId: null,
    removalTaskId: null,
  }));

  const service: PrivateCloudRecord = {
    serviceName,
    description: 'Infrastructure VMware – production',
    location: pick(random, ['rbx2', 'sbg1', 'bhs1']),
    commercialRange: '2016',
    generation: '2.0',
    managementInterface: 'vcsa',
    version: { major: '6.5', minor: '0', build: String(randomInt(random, 10_000_000, 18_000_000)) },
    bandwidth: '1 Gbps',
    billingType: 'monthly',
    advancedSecurity: false,
    spla: true,
    sslV3: false,
    servicePackName: 'default',
    userAccessPolicy: 'filtered',
    userLimitConcurrentSession: 50,
    userLogoutPolicy: 'first',
    userSessionTimeout: 1800,
    datacenters: { [production.datacenterId]: production, [empty.datacenterId]: empty },
    allowedNetworks: Object.fromEntries(networks.map((network) => [network.networkAccessId, network])),
    tasks: {},
    nextNetworkAccessId: firstNetworkId + 100,
  };
  // The networks' own creation tasks, long done.
  for (const network of networks) {
    const task: PrivateCloudTaskRecord = {
      taskId: state.nextTaskId,
      name: 'addAllowedNetwork',
      description: `Allow ${network.network} on the management interface`,
      createdAtMs: Math.floor((options.nowMs - randomInt(random, 30, 400) * DAY) / 1000) * 1000,
      stepMs: 60_000,
      endState: 'done',
      datacenterId: null,
      networkAccessId: network.networkAccessId,
      network: network.network,
      createdBy: null,
    };
    state.nextTaskId += randomInt(random, 1, 500);
    service.tasks[String(task.taskId)] = task;
    network.creationTaskId = task.taskId;
  }
  state.services[serviceName] = service;
  return state;
}
