/** New tasks and billing items created by client calls, on the sandbox clock. */
import type { RouteContext } from '../../http/route-types.js';
import type { PcaBillingRecord, PcaServiceRecord, PcaTaskRecord } from './cloud-state.js';
import type { PcaBillingReference, PcaTaskFunction } from './pca-enums.js';

export interface TaskRequest {
  function: PcaTaskFunction;
  sessionId: string | null;
  /** Where the call came from (RouteRequest.remoteAddress). */
  remoteAddress: string;
}

/** `::ffff:127.0.0.1` is how Node shows an IPv4 client on a dual-stack socket. */
export function clientAddress(remoteAddress: string): string | null {
  if (remoteAddress === '') return null;
  return remoteAddress.startsWith('::ffff:') ? remoteAddress.slice(7) : remoteAddress;
}

export function createPcaTask(
  ctx: RouteContext,
  service: PcaServiceRecord,
  request: TaskRequest,
): PcaTaskRecord {
  const cloud = ctx.state.cloud;
  const id = String(cloud.nextTaskId);
  // OVH task ids are shared by all customers: a customer never sees consecutive ones.
  cloud.nextTaskId += 1 + Math.floor(ctx.random() * 7);
  const task: PcaTaskRecord = {
    id,
    function: request.function,
    createdAtMs: ctx.clock.nowMs(),
    stepMs: Math.round(ctx.options.taskDurationSeconds * 1000),
    endStatus: 'done',
    login: service.account.login,
    ipAddress: clientAddress(request.remoteAddress),
    comment: null,
    sessionId: request.sessionId,
  };
  service.tasks[id] = task;
  ctx.markDirty();
  return task;
}

/** Legacy PCA prices, euros excluding tax per GB. */
const PRICE_PER_GB: Record<PcaBillingReference, number> = { backup: 0.01, restore: 0.011, delete: 0 };

export function billingItem(
  id: number,
  reference: PcaBillingReference,
  sizeBytes: number,
  dateMs: number,
): PcaBillingRecord {
  const quantity = Math.round(sizeBytes / 1e6) / 1000;
  return {
    id,
    dateMs,
    quantity,
    reference,
    total: Math.round(quantity * PRICE_PER_GB[reference] * 100) / 100,
  };
}

export function addBillingItem(
  ctx: RouteContext,
  service: PcaServiceRecord,
  reference: PcaBillingReference,
  sizeBytes: number,
): void {
  const id = ctx.state.cloud.nextBillingId++;
  service.billing[String(id)] = billingItem(id, reference, sizeBytes, ctx.clock.nowMs());
  ctx.markDirty();
}
