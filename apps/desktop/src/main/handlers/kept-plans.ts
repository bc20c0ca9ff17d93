import { randomUUID } from 'node:crypto';
import { DesktopError } from '../ipc/desktop-error.js';

/**
 * Previews main showed the window, kept under an id: the window names one to execute it and can
 * never write a plan itself. Each runs once, for the profile that previewed it; the oldest go first.
 */
export class KeptPlans<T extends { profileName: string }> {
  readonly #plans = new Map<string, T>();
  readonly #max: number;

  constructor(max = 8) {
    this.#max = max;
  }

  keep(plan: T): string {
    const planId = randomUUID();
    this.#plans.set(planId, plan);
    while (this.#plans.size > this.#max) this.#plans.delete(this.#plans.keys().next().value!);
    return planId;
  }

  /** The plan, removed; refused when unknown, expired or of another profile. */
  take(planId: string, profileName: string): T {
    const kept = this.#plans.get(planId);
    if (!kept || kept.profileName !== profileName) {
      throw new DesktopError('badArguments', 'This preview is no longer available: preview again', 'planId');
    }
    this.#plans.delete(planId);
    return kept;
  }
}
