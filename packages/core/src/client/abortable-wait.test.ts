import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { sleep } from './abortable-wait.js';

describe('sleep', () => {
  it('leaves no listener on a long-lived signal after many waits', async () => {
    const controller = new AbortController();
    for (let round = 0; round < 20; round++) await sleep(0, controller.signal);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it("rejects with the signal's reason as soon as it aborts", async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
