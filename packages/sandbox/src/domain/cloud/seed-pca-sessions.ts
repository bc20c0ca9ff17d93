/**
 * Seeded sessions of one PCA service: start dates over the past two years, sizes from KB to TB
 * (log-uniform), a few still uploading (null endDate) or in error, and the backup billing items
 * of the complete ones. Every session draws the same number of random values whatever its kind,
 * and ids and sizes never depend on the clock: one seed, one set of ids.
 */
import type { RandomSource } from '../../state/seeded-random.js';
import type { PcaBillingRecord, PcaServiceRecord, PcaSessionRecord } from './cloud-state.js';
import type { PcaSessionState } from './pca-enums.js';
import { billingItem } from './pca-task-factory.js';
import { distinctIndices, logUniform, pick, randomHex } from './random-draws.js';
import { sessionName } from './session-name-catalog.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
export const SESSION_HISTORY_MS = 730 * DAY;

export interface SessionSeedOptions {
  count: number;
  filesPerSession: number;
  nowMs: number;
  srcIps: readonly string[];
  nextBillingId: () => number;
}

const wholeSeconds = (ms: number) => Math.floor(ms / SECOND) * SECOND;

export function seedSessions(
  random: RandomSource,
  service: PcaServiceRecord,
  options: SessionSeedOptions,
): void {
  const { count, nowMs } = options;
  const uploading = distinctIndices(
    random,
    count,
    count >= 4 ? Math.max(1, Math.round(count * 0.03)) : 0,
    new Set(),
  );
  const failed = distinctIndices(
    random,
    count,
    count >= 8 ? Math.max(1, Math.round(count * 0.02)) : 0,
    uploading,
  );
  for (let index = 0; index < count; index++) {
    let prefix = randomHex(random, 18);
    while (Object.hasOwn(service.sessions, `${prefix}000000`)) prefix = randomHex(random, 18);
    const size = Math.floor(logUniform(random, 1e3, 5e12));
    const bytesPerSecond = logUniform(random, 5e6, 1.2e8);
    const sinceEnd = random() * SESSION_HISTORY_MS;
    const uploadAge = logUniform(random, 5 * MINUTE, 6 * HOUR);
    const uploadingState: PcaSessionState = random() < 0.75 ? 'doing' : 'doingBackup';
    const srcIp = pick(random, options.srcIps);

    const isUploading = uploading.has(index);
    const durationMs = Math.max(30 * SECOND, (size / bytesPerSecond) * SECOND);
    const endMs = isUploading ? null : wholeSeconds(nowMs - sinceEnd);
    const startMs = endMs === null ? wholeSeconds(nowMs - uploadAge) : wholeSeconds(endMs - durationMs);
    const session: PcaSessionRecord = {
      id: `${prefix}000000`,
      // sessionName draws a fixed number of values too.
      name: sessionName(random, startMs),
      startMs,
      endMs,
      size,
      baseState: isUploading ? uploadingState : failed.has(index) ? 'error' : 'done',
      login: service.account.login,
      srcIp,
      fileCount: options.filesPerSession,
      operationTaskId: null,
    };
    service.sessions[session.id] = session;
    if (session.baseState === 'done' && endMs !== null) {
      addBilling(service, billingItem(options.nextBillingId(), 'backup', size, endMs));
    }
  }
}

function addBilling(service: PcaServiceRecord, item: PcaBillingRecord): void {
  service.billing[String(item.id)] = item;
}
