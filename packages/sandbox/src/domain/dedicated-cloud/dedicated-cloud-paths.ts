/** Route patterns of the /dedicatedCloud subset, below `/1.0`. */
export const PRIVATE_CLOUDS_PATH = '/dedicatedCloud';
export const PRIVATE_CLOUD_PATH = '/dedicatedCloud/{serviceName}';
export const DATACENTERS_PATH = `${PRIVATE_CLOUD_PATH}/datacenter`;
export const DATACENTER_PATH = `${DATACENTERS_PATH}/{datacenterId}`;
export const ALLOWED_NETWORKS_PATH = `${PRIVATE_CLOUD_PATH}/allowedNetwork`;
export const ALLOWED_NETWORK_PATH = `${ALLOWED_NETWORKS_PATH}/{networkAccessId}`;
export const PRIVATE_CLOUD_TASKS_PATH = `${PRIVATE_CLOUD_PATH}/task`;
export const PRIVATE_CLOUD_TASK_PATH = `${PRIVATE_CLOUD_TASKS_PATH}/{taskId}`;
