/**
 * Past tasks of one PCA service, all finished: the account's creation, a password and key
 * change, a few restores (one failed when there are enough sessions), deletes of sessions long
 * gone, a rename. Task ids grow with their dates, as OVH's do.
 */
import type { RandomSource } from '../../state/seeded-random.js';
import type { PcaServiceRecord, PcaTaskRecord } from './cloud-state.js';
import type { PcaBillingReference, PcaTaskFunction, PcaTaskStatus } from './pca-enums.js';
import { billingItem } from './pca-task-factory.js';
import { pick, randomHex } from './random-draws.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface HistorySeedOptions {
  nowMs: number;
  srcIps: readonly string[];
  nextTaskId: () => number;
  nextBillingId: () => number;
}

interface PastEvent {
  function: PcaTaskFunction;
  atMs: number;
  endStatus: PcaTaskStatus;
  sessionId: string | null;
  /** Bytes to bill, for restores and deletes. */
  billedBytes?: number;
}

export function seedHistory(
  random: RandomSource,
  service: PcaServiceRecord,
  options: HistorySeedOptions,
): void {
  const { nowMs } = options;
  const created = service.serviceInfos.creationMs;
  // Everything before yesterday, so every seeded task has finished whatever its step length.
  const between = (fromMs: number) => fromMs + random() * Math.max(0, nowMs - DAY - fromMs);
  const events: PastEvent[] = [
    { function: 'createUser', atMs: created, endStatus: 'done', sessionId: null },
    { function: 'setPassword', atMs: created + DAY / 2, endStatus: 'done', sessionId: null },
  ];
  if (service.account.sshkey !== null) {
    events.push({ function: 'setSshKey', atMs: created + DAY, endStatus: 'done', sessionId: null });
  }
  const complete = Object.values(service.sessions).filter((session) => session.baseState === 'done');
  const restores = Math.min(2, complete.length);
  for (let i = 0; i < restores; i++) {
    const session = pick(random, complete);
    events.push({
      function: 'restore',
      atMs: between(session.endMs!),
      endStatus: 'done',
      sessionId: session.id,
      billedBytes: session.size,
    });
  }
  if (complete.length >= 10) {
    const session = pick(random, complete);
    events.push({
      function: 'restore',
      atMs: between(session.endMs!),
      endStatus: 'error',
      sessionId: session.id,
    });
  }
  for (let i = 0; i < 2; i++) {
    events.push({
      function: 'delete',
      atMs: between(created),
      endStatus: 'done',
      sessionId: `${randomHex(random, 18)}000000`,
      billedBytes: Math.floor(random() * 5e10),
    });
  }
  if (complete.length > 0) {
    const session = pick(random, complete);
    events.push({
      function: 'setSessionName',
      atMs: between(session.startMs),
      endStatus: 'done',
      sessionId: session.id,
    });
  }
  const stepMs = (1 + Math.floor(random() * 10)) * MINUTE;
  const ipAddress = pick(random, options.srcIps);

  events.sort((a, b) => a.atMs - b.atMs);
  for (const event of events) {
    const task: PcaTaskRecord = {
      id: String(options.nextTaskId()),
      function: event.function,
      createdAtMs: Math.floor(event.atMs / 1000) * 1000,
      stepMs,
      endStatus: event.endStatus,
      login: service.account.login,
      ipAddress,
      comment:
        event.endStatus === 'error' ? 'Restore failed: storage backend unavailable, please retry' : null,
      sessionId: event.sessionId,
    };
    service.tasks[task.id] = task;
    if (event.billedBytes !== undefined) {
      const item = billingItem(
        options.nextBillingId(),
        event.function as PcaBillingReference,
        event.billedBytes,
        task.createdAtMs,
      );
      service.billing[String(item.id)] = item;
    }
  }
}
