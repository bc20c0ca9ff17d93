/**
 * dedicatedCloud.Task: created by the calls that change things, progressing on the sandbox
 * clock: todo on [c, c+s), doing on [c+s, c+2s), then its end state. What a task changes
 * (a datacenter removed, a network allowed) takes effect when it is done.
 */

import type { RouteContext } from '../../http/route-types.js';
import { formatOvhDate } from '../../state/ovh-date.js';
import type { PrivateCloudRecord, PrivateCloudTaskRecord } from './dedicated-cloud-state.js';

export const PRIVATE_CLOUD_TASK_STATES = [
  'canceled',
  'doing',
  'done',
  'error',
  'fixing',
  'toCancel',
  'toCreate',
  'todo',
  'unknown',
  'waitingForChilds',
  'waitingTodo',
] as const;
export type PrivateCloudTaskState = (typeof PRIVATE_CLOUD_TASK_STATES)[number];

export function privateCloudTaskStateAt(task: PrivateCloudTaskRecord, nowMs: number): PrivateCloudTaskState {
  const elapsed = nowMs - task.createdAtMs;
  if (elapsed >= 2 * task.stepMs) return task.endState;
  return elapsed >= task.stepMs ? 'doing' : 'todo';
}

export function isTaskDone(task: PrivateCloudTaskRecord | undefined, nowMs: number): boolean {
  return task !== undefined && privateCloudTaskStateAt(task, nowMs) === 'done';
}

export interface TaskInput {
  name: string;
  description: string;
  datacenterId?: number;
  networkAccessId?: number;
  network?: string;
  createdBy: string | undefined;
}

export function createPrivateCloudTask(
  ctx: RouteContext,
  service: PrivateCloudRecord,
  input: TaskInput,
): PrivateCloudTaskRecord {
  const state = ctx.state.dedicatedCloud;
  const taskId = state.nextTaskId;
  state.nextTaskId += 1 + Math.floor(ctx.random() * 9);
  const task: PrivateCloudTaskRecord = {
    taskId,
    name: input.name,
    description: input.description,
    createdAtMs: ctx.clock.nowMs(),
    stepMs: Math.round(ctx.options.taskDurationSeconds * 1000),
    endState: 'done',
    datacenterId: input.datacenterId ?? null,
    networkAccessId: input.networkAccessId ?? null,
    network: input.network ?? null,
    createdBy: input.createdBy ?? null,
  };
  service.tasks[String(taskId)] = task;
  ctx.markDirty();
  return task;
}

export function privateCloudTaskView(task: PrivateCloudTaskRecord, nowMs: number) {
  const state = privateCloudTaskStateAt(task, nowMs);
  const startMs = task.createdAtMs + task.stepMs;
  const endMs = task.createdAtMs + 2 * task.stepMs;
  const finished = state !== 'todo' && state !== 'doing';
  const lastChangeMs = finished ? endMs : state === 'doing' ? startMs : task.createdAtMs;
  return {
    taskId: task.taskId,
    name: task.name,
    type: 'generic',
    description: task.description,
    state,
    progress: finished ? 100 : state === 'doing' ? 50 : 0,
    executionDate: formatOvhDate(startMs),
    endDate: finished ? formatOvhDate(endMs) : null,
    lastModificationDate: formatOvhDate(lastChangeMs),
    createdBy: task.createdBy,
    createdFrom: 'API',
    datacenterId: task.datacenterId,
    networkAccessId: task.networkAccessId,
    network: task.network,
    filerId: null,
    hostId: null,
    orderId: null,
    parentTaskId: null,
    userId: null,
    vlanId: null,
    maintenanceDateFrom: null,
    maintenanceDateTo: null,
  };
}
