/** The legacy archive API's enumerations, as its schema (cloud.pca.*) spells them. */

export const PCA_SESSION_STATES = [
  'doing',
  'doingBackup',
  'doingDelete',
  'doingRestore',
  'done',
  'error',
  'failedDelete',
  'failedRestore',
  'new',
  'tagging',
  'toBackup',
  'toDelete',
  'toRestore',
] as const;
export type PcaSessionState = (typeof PCA_SESSION_STATES)[number];

export const PCA_TASK_STATUSES = [
  'cancelled',
  'deleted',
  'doing',
  'doingBackup',
  'doingDelete',
  'doingRestore',
  'done',
  'error',
  'failedDelete',
  'failedRestore',
  'new',
  'tagging',
  'toBackup',
  'toDelete',
  'toRestore',
  'todo',
] as const;
export type PcaTaskStatus = (typeof PCA_TASK_STATUSES)[number];

export const PCA_TASK_FUNCTIONS = [
  'createUser',
  'delete',
  'restore',
  'setPassword',
  'setSessionName',
  'setSshKey',
] as const;
export type PcaTaskFunction = (typeof PCA_TASK_FUNCTIONS)[number];

/** What the deprecated POST …/tasks accepts (cloud.pca.TaskTypeEnum). */
export const PCA_TASK_TYPES = ['delete', 'restore'] as const;
export type PcaTaskType = (typeof PCA_TASK_TYPES)[number];

export const PCA_BILLING_REFERENCES = ['backup', 'delete', 'restore'] as const;
export type PcaBillingReference = (typeof PCA_BILLING_REFERENCES)[number];
