/**
 * Seeded fault injection. The decision is taken BEFORE the handler runs, so a faulted call never
 * changed any state (a client may safely retry it; the request log shows it was received).
 */
import type { RandomSource } from '../state/seeded-random.js';
import type { FaultKind } from './request-log.js';

/** API v1 faults never leave a half-applied call: a faulted POST changed nothing. */
export const API_FAULT_KINDS: readonly FaultKind[] = ['429', '500', '503', 'drop'];
/** Swift adds a drop in the middle of a body: half a download, or half an upload read then cut. */
export const PROTOCOL_FAULT_KINDS: readonly FaultKind[] = ['429', '500', '503', 'drop', 'truncate'];

export function createFaultPicker(
  random: RandomSource,
  kinds: readonly FaultKind[] = API_FAULT_KINDS,
): (rate: number) => FaultKind | undefined {
  return (rate) => {
    // Always draw twice so the pattern for a seed does not depend on the rate's history.
    const hit = random();
    const kind = kinds[Math.floor(random() * kinds.length)]!;
    return rate > 0 && hit < rate ? kind : undefined;
  };
}
