/**
 * Delete, restore and rename, shared by the session routes and the deprecated POST …/tasks.
 * State conflicts answer 409 Client::Conflict: a session already being deleted, being restored,
 * still uploading, or (for a restore) not complete.
 */
import { conflict, type RouteContext } from '../../http/route-types.js';
import type { PcaServiceRecord, PcaTaskRecord } from './cloud-state.js';
import { isBeingDeleted, isBeingRestored, isUploading } from './pca-lifecycle.js';
import { findSession } from './pca-lookup.js';
import { addBillingItem, createPcaTask } from './pca-task-factory.js';

export function deleteSession(
  ctx: RouteContext,
  service: PcaServiceRecord,
  sessionId: string | undefined,
  remoteAddress: string,
): PcaTaskRecord {
  const { session, state } = findSession(service, sessionId, ctx.clock.nowMs());
  if (isBeingDeleted(state)) throw conflict(`Session ${session.id} is already being deleted`);
  if (isBeingRestored(state)) {
    throw conflict(`Session ${session.id} is being restored: it can be deleted once the restore is done`);
  }
  if (isUploading(state)) {
    throw conflict(
      `Session ${session.id} is still being uploaded: it can be deleted once the upload is done`,
    );
  }
  const task = createPcaTask(ctx, service, { function: 'delete', sessionId: session.id, remoteAddress });
  session.operationTaskId = task.id;
  addBillingItem(ctx, service, 'delete', session.size);
  return task;
}

export function restoreSession(
  ctx: RouteContext,
  service: PcaServiceRecord,
  sessionId: string | undefined,
  remoteAddress: string,
): PcaTaskRecord {
  const { session, state } = findSession(service, sessionId, ctx.clock.nowMs());
  if (isBeingDeleted(state)) throw conflict(`Session ${session.id} is being deleted and cannot be restored`);
  if (isBeingRestored(state)) throw conflict(`Session ${session.id} is already being restored`);
  if (isUploading(state)) {
    throw conflict(
      `Session ${session.id} is still being uploaded: it can be restored once the upload is done`,
    );
  }
  if (state !== 'done') {
    throw conflict(`Session ${session.id} is in state ${state}: only a complete session can be restored`);
  }
  const task = createPcaTask(ctx, service, { function: 'restore', sessionId: session.id, remoteAddress });
  session.operationTaskId = task.id;
  addBillingItem(ctx, service, 'restore', session.size);
  return task;
}

/** The new name shows at once; the setSessionName task is OVH's bookkeeping of it. */
export function renameSession(
  ctx: RouteContext,
  service: PcaServiceRecord,
  sessionId: string | undefined,
  name: string,
  remoteAddress: string,
): PcaTaskRecord {
  const { session, state } = findSession(service, sessionId, ctx.clock.nowMs());
  if (isBeingDeleted(state)) throw conflict(`Session ${session.id} is being deleted and cannot be renamed`);
  session.name = name;
  ctx.markDirty();
  return createPcaTask(ctx, service, { function: 'setSessionName', sessionId: session.id, remoteAddress });
}
