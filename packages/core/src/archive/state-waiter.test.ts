import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../client/index.js';
import { type WaitReading, waitForStates } from './state-waiter.js';

interface Obj {
  state: 'sealed' | 'unsealing' | 'unsealed' | 'gone';
}

/** A scripted server: each read of an id answers its next scripted reading. A fake clock. */
function scripted(script: Record<string, Array<Omit<WaitReading<Obj>, 'id'>>>) {
  let clock = 1_000_000;
  const sleeps: number[] = [];
  const reads: Array<{ group: string; ids: string[]; at: number }> = [];
  return {
    sleeps,
    reads,
    now: () => clock,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      clock += ms;
    },
    read: async (group: string, ids: readonly string[]) => {
      reads.push({ group, ids: [...ids], at: clock });
      return ids.map((id) => {
        const next = script[id]?.shift();
        if (!next) throw new Error(`unexpected read of ${id}`);
        return { id, ...next };
      });
    },
  };
}

const settled = (value: Obj) => value.state === 'unsealed' || value.state === 'gone';

describe('waitForStates', () => {
  it('reads again only after the server-given delay, and reports every change', async () => {
    const server = scripted({
      a: [{ value: { state: 'unsealing' }, retryAfterSeconds: 600 }, { value: { state: 'unsealed' } }],
    });
    const events: Array<[string | null, string, number]> = [];
    const result = await waitForStates([{ id: 'a', group: 'c1', value: { state: 'sealed' } }], {
      ...server,
      isSettled: settled,
      stateOf: (value) => value.state,
      pollIntervalMs: 2000,
      onProgress: (event) => events.push([event.previousState, event.value.state, event.settled]),
    });
    expect(result).toEqual([{ state: 'unsealed' }]);
    // First read at once, the second 600 s later (not every 2 s in between).
    expect(server.sleeps).toEqual([600_000]);
    expect(server.reads.map((read) => read.at - 1_000_000)).toEqual([0, 600_000]);
    expect(events).toEqual([
      ['sealed', 'unsealing', 0],
      ['unsealing', 'unsealed', 1],
    ]);
  });

  it('a known Retry-After delays the first read; items of a group due soon are read with it', async () => {
    const server = scripted({
      a: [{ value: { state: 'unsealed' } }],
      b: [{ value: { state: 'unsealed' } }],
      c: [{ value: { state: 'unsealed' } }],
    });
    const unsealing = { state: 'unsealing' as const };
    await waitForStates(
      [
        { id: 'a', group: 'c1', value: unsealing, retryAfterSeconds: 10 },
        { id: 'b', group: 'c1', value: unsealing, retryAfterSeconds: 11.5 },
        // Due well after the window: read on its own round.
        { id: 'c', group: 'c1', value: unsealing, retryAfterSeconds: 20 },
      ],
      {
        ...server,
        isSettled: settled,
        stateOf: (value) => value.state,
        pollIntervalMs: 2000,
        coalesceMs: 2000,
      },
    );
    expect(server.reads.map((read) => [read.at - 1_000_000, read.ids])).toEqual([
      [10_000, ['a', 'b']],
      [20_000, ['c']],
    ]);
  });

  it('reads the items of one group together and spares settled items any read', async () => {
    const server = scripted({
      a: [{ value: { state: 'unsealing' } }, { value: { state: 'unsealed' } }],
      b: [{ value: { state: 'unsealed' } }],
      c: [{ value: { state: 'unsealed' } }],
    });
    await waitForStates(
      [
        { id: 'a', group: 'c1' },
        { id: 'b', group: 'c1' },
        { id: 'c', group: 'c2' },
        { id: 'd', group: 'c2', value: { state: 'unsealed' } },
      ],
      { ...server, isSettled: settled, stateOf: (value) => value.state, pollIntervalMs: 50 },
    );
    expect(server.reads.map(({ group, ids }) => `${group}:${ids.join(',')}`)).toEqual([
      'c1:a,b',
      'c2:c',
      'c1:a',
    ]);
    expect(server.sleeps).toEqual([50]);
  });

  it('follows 50 000 objects of 5 containers with one read per container per round', async () => {
    const items = Array.from({ length: 50_000 }, (_, index) => ({ id: `k${index}`, group: `c${index % 5}` }));
    const reads: number[] = [];
    let lastSettled = 0;
    const result = await waitForStates<Obj>(items, {
      read: async (_group, ids) => {
        reads.push(ids.length);
        return ids.map((id) => ({ id, value: { state: 'unsealed' } }));
      },
      isSettled: settled,
      stateOf: (value) => value.state,
      onProgress: (event) => {
        expect(event.settled).toBe(lastSettled + 1);
        lastSettled = event.settled;
      },
    });
    expect(reads).toEqual([10_000, 10_000, 10_000, 10_000, 10_000]);
    expect(lastSettled).toBe(50_000);
    expect(result).toHaveLength(50_000);
  });

  it('caps a server hint at maxRetryAfterMs', async () => {
    const server = scripted({
      a: [{ value: { state: 'unsealing' }, retryAfterSeconds: 90_000 }, { value: { state: 'unsealed' } }],
    });
    await waitForStates([{ id: 'a', group: 'g' }], {
      ...server,
      isSettled: settled,
      stateOf: (value) => value.state,
      maxRetryAfterMs: 5000,
    });
    expect(server.sleeps).toEqual([5000]);
  });

  it('turns a 404 into the value onGone gives, or fails with it when there is none', async () => {
    const notFound = new NotFoundError({ status: 404, method: 'GET', path: '/x', reason: 'gone' });
    const gone = await waitForStates([{ id: 'a', group: 'g', value: { state: 'sealed' } }], {
      ...scripted({ a: [{ error: notFound }] }),
      isSettled: settled,
      stateOf: (value) => value.state,
      onGone: (_item, last) => ({ ...last, state: 'gone' }) as Obj,
    });
    expect(gone).toEqual([{ state: 'gone' }]);
    await expect(
      waitForStates([{ id: 'a', group: 'g' }], {
        ...scripted({ a: [{ error: notFound }] }),
        isSettled: settled,
        stateOf: (value) => value.state,
      }),
    ).rejects.toBe(notFound);
  });

  it('stops with the signal reason, between reads', async () => {
    const controller = new AbortController();
    const server = scripted({ a: [{ value: { state: 'unsealing' } }] });
    const reason = new Error('stop');
    await expect(
      waitForStates([{ id: 'a', group: 'g' }], {
        ...server,
        sleep: async () => controller.abort(reason),
        isSettled: settled,
        stateOf: (value) => value.state,
        signal: controller.signal,
      }),
    ).rejects.toBe(reason);
    expect(server.reads).toHaveLength(1);
  });
});
