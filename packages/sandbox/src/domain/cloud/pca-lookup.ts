/**
 * Finding the objects a path names, or answering 404 as OVH does. Malformed ids (a session id
 * that is not 24 hex, a task id that is not a number) are simply objects that do not exist.
 */
import { notFound } from '../../http/route-types.js';
import type {
  CloudPassportRecord,
  CloudState,
  PcaBillingRecord,
  PcaServiceRecord,
  PcaSessionRecord,
  PcaTaskRecord,
} from './cloud-state.js';
import { ownEntry } from './own-entry.js';
import type { PcaSessionState } from './pca-enums.js';
import { sessionStateAt } from './pca-lifecycle.js';
import { echo } from './request-body-checks.js';

export const objectNotFound = (name: string, value: string) =>
  notFound(`The requested object (${name} = ${echo(value)}) does not exist`);

export const SESSION_ID = /^[0-9a-f]{24}$/;
const NUMERIC_ID = /^\d{1,15}$/;

export function findPassport(cloud: CloudState, serviceName: string | undefined): CloudPassportRecord {
  const passport = ownEntry(cloud.passports, serviceName ?? '');
  if (!passport) throw objectNotFound('serviceName', serviceName ?? '');
  return passport;
}

export function findPcaService(cloud: CloudState, params: Record<string, string>): PcaServiceRecord {
  const passport = findPassport(cloud, params.serviceName);
  const service = ownEntry(passport.pcaServices, params.pcaServiceName ?? '');
  if (!service) throw objectNotFound('pcaServiceName', params.pcaServiceName ?? '');
  return service;
}

export interface LiveSession {
  session: PcaSessionRecord;
  /** The state a client sees now. */
  state: PcaSessionState;
}

/** A session that still exists at `nowMs` (a deleted one is gone: 404). */
export function findSession(
  service: PcaServiceRecord,
  sessionId: string | undefined,
  nowMs: number,
): LiveSession {
  const id = sessionId ?? '';
  const session = SESSION_ID.test(id) ? ownEntry(service.sessions, id) : undefined;
  const state = session ? sessionStateAt(service, session, nowMs) : 'gone';
  if (!session || state === 'gone') throw objectNotFound('sessionId', id);
  return { session, state };
}

export function findTask(service: PcaServiceRecord, taskId: string | undefined): PcaTaskRecord {
  const id = taskId ?? '';
  const task = NUMERIC_ID.test(id) ? ownEntry(service.tasks, String(Number(id))) : undefined;
  if (!task) throw objectNotFound('taskId', id);
  return task;
}

export function findBilling(service: PcaServiceRecord, billingId: string | undefined): PcaBillingRecord {
  const id = billingId ?? '';
  const billing = NUMERIC_ID.test(id) ? ownEntry(service.billing, String(Number(id))) : undefined;
  if (!billing) throw objectNotFound('billingId', id);
  return billing;
}
