/** Route patterns of the legacy archive API, below `/1.0`. */
export const PASSPORTS_PATH = '/cloud';
export const PCA_SERVICES_PATH = '/cloud/{serviceName}/pca';
export const PCA_PATH = '/cloud/{serviceName}/pca/{pcaServiceName}';
export const SESSIONS_PATH = `${PCA_PATH}/sessions`;
export const SESSION_PATH = `${SESSIONS_PATH}/{sessionId}`;
export const FILES_PATH = `${SESSION_PATH}/files`;
export const FILE_PATH = `${FILES_PATH}/{fileId}`;
export const TASKS_PATH = `${PCA_PATH}/tasks`;
export const TASK_PATH = `${TASKS_PATH}/{taskId}`;
export const BILLING_LIST_PATH = `${PCA_PATH}/billing`;
export const BILLING_PATH = `${BILLING_LIST_PATH}/{billingId}`;
export const USAGE_PATH = `${PCA_PATH}/usage`;
export const SERVICE_INFOS_PATH = `${PCA_PATH}/serviceInfos`;
