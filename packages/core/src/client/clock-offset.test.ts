import { describe, expect, it } from 'vitest';
import { ClockOffset } from './clock-offset.js';

function setup(serverSeconds: () => number, localMs: { value: number }) {
  let fetches = 0;
  const clock = new ClockOffset({
    now: () => localMs.value,
    ttlMs: 60_000,
    fetchServerSeconds: async () => {
      fetches++;
      return serverSeconds();
    },
  });
  return { clock, fetches: () => fetches };
}

describe('ClockOffset', () => {
  it('computes offset = server − floor(local) and timestamps with floor, not round', async () => {
    const local = { value: 1_000_000_999 }; // 1 000 000.999 s
    const { clock } = setup(() => 1_000_100, local);
    const reading = await clock.read();
    expect(reading.offsetSeconds).toBe(100);
    expect(clock.timestamp(reading)).toBe(1_000_100);
  });

  it('handles a local clock ahead of the server (negative offset)', async () => {
    const local = { value: 2_000_000_000 };
    const { clock } = setup(() => 1_996_400, local);
    const reading = await clock.read();
    expect(reading.offsetSeconds).toBe(-3600);
    local.value += 1_500;
    expect(clock.timestamp(reading)).toBe(1_996_401);
  });

  it('is lazy, shared by concurrent readers and cached for the TTL', async () => {
    const local = { value: 5_000_000 };
    const { clock, fetches } = setup(() => 6_000, local);
    expect(fetches()).toBe(0);
    await Promise.all([clock.read(), clock.read(), clock.read()]);
    expect(fetches()).toBe(1);
    local.value += 59_999;
    await clock.read();
    expect(fetches()).toBe(1);
    local.value += 1;
    await clock.read();
    expect(fetches()).toBe(2);
  });

  it('re-syncs once per stale generation, whatever the number of failed calls', async () => {
    const local = { value: 0 };
    let server = 100;
    const { clock, fetches } = setup(() => server, local);
    const stale = await clock.read();
    server = 200;
    const [first, second] = await Promise.all([
      clock.resync(stale.generation),
      clock.resync(stale.generation),
    ]);
    expect(first.offsetSeconds).toBe(200);
    expect(second.generation).toBe(first.generation);
    await clock.resync(stale.generation);
    expect(fetches()).toBe(2);
  });
});
