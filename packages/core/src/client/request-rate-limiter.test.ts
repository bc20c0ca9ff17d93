import { describe, expect, it } from 'vitest';
import { RequestRateLimiter } from './request-rate-limiter.js';

/** A fake clock whose waits advance time instantly, so the window logic is tested without sleeping. */
function fakeClock() {
  const clock = {
    time: 1_000_000,
    waits: [] as number[],
    now: () => clock.time,
    wait: async (ms: number) => {
      clock.waits.push(ms);
      clock.time += ms;
    },
  };
  return clock;
}

describe('RequestRateLimiter', () => {
  it('lets `perMinute` requests through at once, then waits for the window to slide', async () => {
    const clock = fakeClock();
    const limiter = new RequestRateLimiter(3, clock);
    const sentAt: number[] = [];
    for (let index = 0; index < 7; index++) {
      await limiter.acquire();
      sentAt.push(clock.time - 1_000_000);
    }
    expect(sentAt).toEqual([0, 0, 0, 60_000, 60_000, 60_000, 120_000]);
  });

  it('never allows more than perMinute in any 60 s window, with spread-out arrivals', async () => {
    const clock = fakeClock();
    const limiter = new RequestRateLimiter(2, clock);
    const sentAt: number[] = [];
    for (const gap of [0, 10_000, 10_000, 45_000, 0, 0]) {
      clock.time += gap;
      await limiter.acquire();
      sentAt.push(clock.time - 1_000_000);
    }
    expect(sentAt).toEqual([0, 10_000, 60_000, 105_000, 120_000, 165_000]);
    for (const start of sentAt) {
      expect(sentAt.filter((time) => time >= start && time < start + 60_000).length).toBeLessThanOrEqual(2);
    }
  });

  it('serves concurrent callers in arrival order', async () => {
    const clock = fakeClock();
    const limiter = new RequestRateLimiter(1, clock);
    const order: number[] = [];
    await Promise.all([0, 1, 2].map((index) => limiter.acquire().then(() => order.push(index))));
    expect(order).toEqual([0, 1, 2]);
    expect(clock.waits).toEqual([60_000, 60_000]);
  });

  it('stops waiting when the caller aborts', async () => {
    const limiter = new RequestRateLimiter(1);
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
  });
});
