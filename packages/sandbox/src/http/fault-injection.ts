/**
 * Seeded fault injection. The decision is taken BEFORE the handler runs, so a faulted call never
 * changed any state (a client may safely retry it; the request log shows it was received).
 */
import type { RandomSource } from '../state/seeded-random.js';
import type { FaultKind } from './request-log.js';

const FAULT_KINDS: readonly FaultKind[] = ['429', '500', '503', 'drop'];

export function createFaultPicker(random: RandomSource): (rate: number) => FaultKind | undefined {
  return (rate) => {
    // Always draw twice so the pattern for a seed does not depend on the rate's history.
    const hit = random();
    const kind = FAULT_KINDS[Math.floor(random() * FAULT_KINDS.length)]!;
    return rate > 0 && hit < rate ? kind : undefined;
  };
}
