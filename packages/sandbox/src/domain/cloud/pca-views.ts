/** What clients receive: records turned into the API's models (pca.*, services.Service). */
import { formatOvhDate } from '../../state/ovh-date.js';
import type {
  PcaAccountRecord,
  PcaBillingRecord,
  PcaServiceInfosRecord,
  PcaSessionRecord,
  PcaTaskRecord,
} from './cloud-state.js';
import { type CatalogFile, fileChecksums } from './file-catalog.js';
import type { PcaSessionState, PcaTaskStatus } from './pca-enums.js';
import { taskTodoDateMs } from './pca-lifecycle.js';

export function accountView(account: PcaAccountRecord) {
  return {
    domain: account.domain,
    host: account.host,
    login: account.login,
    password: account.password,
    sshkey: account.sshkey,
  };
}

export function sessionView(session: PcaSessionRecord, state: PcaSessionState) {
  return {
    id: session.id,
    name: session.name,
    startDate: formatOvhDate(session.startMs),
    endDate: session.endMs === null ? null : formatOvhDate(session.endMs),
    size: session.size,
    state,
    login: session.login,
    srcIp: session.srcIp,
  };
}

/** Files take their session's condition: uploading, in error, or done. */
export function fileStateFor(sessionState: PcaSessionState): string {
  if (sessionState === 'doing' || sessionState === 'doingBackup') return 'doing';
  return sessionState === 'error' ? 'error' : 'done';
}

export function fileView(file: CatalogFile, sessionState: PcaSessionState) {
  return {
    id: file.id,
    name: file.name,
    size: file.size,
    type: 'file',
    state: fileStateFor(sessionState),
    ...fileChecksums(file.id),
  };
}

export function taskView(task: PcaTaskRecord, status: PcaTaskStatus) {
  return {
    id: task.id,
    function: task.function,
    status,
    todoDate: formatOvhDate(taskTodoDateMs(task)),
    login: task.login,
    ipAddress: task.ipAddress,
    comment: task.comment,
  };
}

function startOfUtcMonth(ms: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

/** Items are billed on the first of the month that follows them. */
export function billingView(billing: PcaBillingRecord, nowMs: number) {
  return {
    id: billing.id,
    date: formatOvhDate(billing.dateMs),
    billed: billing.dateMs < startOfUtcMonth(nowMs),
    quantity: billing.quantity,
    reference: billing.reference,
    total: billing.total,
  };
}

export const POSSIBLE_RENEW_PERIODS = [1, 3, 6, 12] as const;

function addUtcMonths(ms: number, months: number): number {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay));
}

/** The first renewal date (creation + k × period months) after now. */
export function nextRenewalMs(creationMs: number, periodMonths: number, nowMs: number): number {
  const created = new Date(creationMs);
  const now = new Date(nowMs);
  const elapsedMonths =
    (now.getUTCFullYear() - created.getUTCFullYear()) * 12 + now.getUTCMonth() - created.getUTCMonth();
  let months = Math.max(0, Math.floor(elapsedMonths / periodMonths) * periodMonths);
  while (addUtcMonths(creationMs, months) <= nowMs) months += periodMonths;
  return addUtcMonths(creationMs, months);
}

/** services.Service; dates are `YYYY-MM-DD` there. Contacts: the caller's account when known. */
export function serviceInfosView(
  pcaServiceName: string,
  infos: PcaServiceInfosRecord,
  nowMs: number,
  callerNichandle: string | undefined,
) {
  const contact = callerNichandle ?? infos.fallbackContact;
  return {
    canDeleteAtExpiration: true,
    contactAdmin: contact,
    contactBilling: contact,
    contactTech: contact,
    creation: formatOvhDate(infos.creationMs).slice(0, 10),
    domain: pcaServiceName,
    engagedUpTo: null,
    expiration: formatOvhDate(nextRenewalMs(infos.creationMs, infos.renew.period, nowMs)).slice(0, 10),
    possibleRenewPeriod: [...POSSIBLE_RENEW_PERIODS],
    renew: { ...infos.renew },
    renewalType: infos.renew.automatic ? 'automaticV2016' : 'manual',
    serviceId: infos.serviceId,
    status: 'ok',
  };
}
