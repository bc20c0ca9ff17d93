/** The sandbox server's clock: real time shifted by the configured skew (seconds). */
export interface SandboxClock {
  /** Server time in milliseconds since the epoch. */
  nowMs(): number;
  /** Server time in whole Unix seconds (what GET /auth/time answers). */
  nowSeconds(): number;
  skewSeconds: number;
}

export function createSandboxClock(skewSeconds = 0, realNowMs: () => number = Date.now): SandboxClock {
  const clock: SandboxClock = {
    skewSeconds,
    nowMs: () => realNowMs() + clock.skewSeconds * 1000,
    nowSeconds: () => Math.floor(clock.nowMs() / 1000),
  };
  return clock;
}
