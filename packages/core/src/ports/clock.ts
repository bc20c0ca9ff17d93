/** Wall clock, injectable so date stamps and timeouts can be tested. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
