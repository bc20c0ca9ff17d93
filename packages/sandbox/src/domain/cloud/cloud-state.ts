/**
 * Passports, PCA services, sessions, files, tasks, billing. Owned by the /cloud module.
 * Plain JSON only (persisted whole with --data). Times are server-clock milliseconds; what a
 * client sees (states, statuses) is computed from them on each read, so nothing needs a timer.
 */
import type { PcaBillingReference, PcaSessionState, PcaTaskFunction, PcaTaskStatus } from './pca-enums.js';

export interface CloudState {
  /** Public cloud passports by serviceName (32 hex). */
  passports: Record<string, CloudPassportRecord>;
  /** Next pca.Task id: one sequence for every PCA service, as OVH's task ids are global. */
  nextTaskId: number;
  /** Next pca.Billing id, global too. */
  nextBillingId: number;
}

export interface CloudPassportRecord {
  serviceName: string;
  /** PCA offers of this passport by pcaServiceName (`pca-` + 8 hex). */
  pcaServices: Record<string, PcaServiceRecord>;
}

export interface PcaServiceRecord {
  serviceName: string;
  account: PcaAccountRecord;
  /** By session id; insertion order is not chronological, like OVH's unordered lists. */
  sessions: Record<string, PcaSessionRecord>;
  /** By task id (numeric string). */
  tasks: Record<string, PcaTaskRecord>;
  /** By billing id (integer as a string key). */
  billing: Record<string, PcaBillingRecord>;
  serviceInfos: PcaServiceInfosRecord;
}

export interface PcaAccountRecord {
  domain: string;
  host: string;
  login: string;
  password: string;
  sshkey: string | null;
}

export interface PcaSessionRecord {
  /** 24 hex: an 18-hex prefix shared with its files, then `000000`. */
  id: string;
  name: string;
  startMs: number;
  /** Null while the upload runs. */
  endMs: number | null;
  size: number;
  /** State when no delete or restore applies: done, error, or doing/doingBackup while uploading. */
  baseState: PcaSessionState;
  login: string;
  srcIp: string | null;
  /** Files are derived from the session id on demand, never stored (see file-catalog.ts). */
  fileCount: number;
  /** The latest delete or restore task on this session; its timestamps drive the session's state. */
  operationTaskId: string | null;
}

export interface PcaTaskRecord {
  /** Numeric string. */
  id: string;
  function: PcaTaskFunction;
  createdAtMs: number;
  /** Length of each lifecycle step, fixed at creation so a later --task-duration change keeps history. */
  stepMs: number;
  /** Status once every step has passed (done for every task the sandbox creates). */
  endStatus: PcaTaskStatus;
  login: string;
  ipAddress: string | null;
  comment: string | null;
  sessionId: string | null;
}

export interface PcaBillingRecord {
  id: number;
  dateMs: number;
  /** In GB (10^9 bytes). */
  quantity: number;
  reference: PcaBillingReference;
  /** In euros, excluding tax. */
  total: number;
}

export interface PcaRenewRecord {
  automatic: boolean;
  deleteAtExpiration: boolean;
  forced: boolean;
  manualPayment: boolean;
  period: number;
}

export interface PcaServiceInfosRecord {
  serviceId: number;
  creationMs: number;
  /** Nichandle shown as contacts when the caller's own is unknown. */
  fallbackContact: string;
  renew: PcaRenewRecord;
}
