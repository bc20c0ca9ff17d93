/**
 * The knobs a running sandbox can change (startSandbox options, CLI flags, `setBehaviour`,
 * `POST /_sandbox/behaviour`), validated in one place.
 */
import type { SandboxBehaviour } from './http/route-types.js';
import type { SandboxClock } from './state/clock.js';

export interface SandboxSettings extends SandboxBehaviour {
  /** Added to every API answer, ms. */
  latencyMs: number;
  /** Extra random latency, 0..jitter ms (seeded). */
  latencyJitterMs: number;
  /** Share of API calls (0..1) answered by an injected fault. */
  faultRate: number;
}

/** What `setBehaviour` accepts: settings plus the server clock's skew. */
export type BehaviourUpdate = Partial<SandboxSettings> & { skewSeconds?: number };

export const DEFAULT_SETTINGS: SandboxSettings = {
  latencyMs: 0,
  latencyJitterMs: 0,
  faultRate: 0,
  taskDurationSeconds: 10,
  // OVH's window is unpublished; users report refusals from one minute of skew, so be as strict.
  timestampWindowSeconds: 60,
  batch: true,
  iceberg: true,
  // Observed Retry-After on OVH: 599 s (reference §8.3); the unsealed window is unpublished (24 h claimed).
  retrievalDelaySeconds: 600,
  unsealedForSeconds: 86_400,
  // OVH: "up to 48 h" for a DEEP_ARCHIVE restore; short enough by default for a demo.
  restoreDelaySeconds: 600,
};

type Check = (value: unknown) => boolean;
const nonNegative: Check = (value) => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const CHECKS: Record<keyof SandboxSettings | 'skewSeconds', [Check, string]> = {
  latencyMs: [nonNegative, 'a number of ms >= 0'],
  latencyJitterMs: [nonNegative, 'a number of ms >= 0'],
  faultRate: [(value) => nonNegative(value) && (value as number) <= 1, 'a number between 0 and 1'],
  taskDurationSeconds: [nonNegative, 'a number of seconds >= 0'],
  timestampWindowSeconds: [nonNegative, 'a number of seconds >= 0'],
  batch: [(value) => typeof value === 'boolean', 'true or false'],
  iceberg: [(value) => typeof value === 'boolean', 'true or false'],
  retrievalDelaySeconds: [nonNegative, 'a number of seconds >= 0'],
  unsealedForSeconds: [nonNegative, 'a number of seconds >= 0'],
  restoreDelaySeconds: [nonNegative, 'a number of seconds >= 0'],
  skewSeconds: [(value) => typeof value === 'number' && Number.isFinite(value), 'a number of seconds'],
};

/** Throws a readable error on an unknown key or a bad value; changes nothing in that case. */
export function validateBehaviourUpdate(update: unknown): BehaviourUpdate {
  if (update === null || typeof update !== 'object' || Array.isArray(update)) {
    throw new Error('Behaviour update must be an object');
  }
  for (const [key, value] of Object.entries(update)) {
    const check = CHECKS[key as keyof typeof CHECKS];
    if (!check) throw new Error(`Unknown behaviour setting: ${key}`);
    if (!check[0](value)) throw new Error(`${key} must be ${check[1]}`);
  }
  return update as BehaviourUpdate;
}

export function applyBehaviourUpdate(settings: SandboxSettings, clock: SandboxClock, update: unknown): void {
  const { skewSeconds, ...rest } = validateBehaviourUpdate(update);
  Object.assign(settings, rest);
  if (skewSeconds !== undefined) clock.skewSeconds = skewSeconds;
}
