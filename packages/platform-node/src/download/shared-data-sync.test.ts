import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SharedDataSync } from './shared-data-sync.js';

describe('SharedDataSync', () => {
  it('runs one fdatasync at a time; requests made while one runs share the next one', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'ovh-pca-sync-'));
    const handle = await open(join(folder, 'file'), 'w+');
    try {
      let calls = 0;
      let inFlight = 0;
      let mostInFlight = 0;
      const datasync = handle.datasync.bind(handle);
      // The first call holds until the later requests are made, so that they come while it runs
      // however fast this disk syncs.
      let releaseFirst!: () => void;
      const firstHeld = new Promise<void>((resolve) => {
        releaseFirst = resolve;
      });
      // The real fdatasync, counted.
      handle.datasync = async () => {
        calls += 1;
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        try {
          if (calls === 1) await firstHeld;
          await datasync();
        } finally {
          inFlight -= 1;
        }
      };
      const syncs = new SharedDataSync(handle);
      await handle.write('first');
      const first = syncs.request();
      await handle.write('second');
      const waiting = [syncs.request(), syncs.request(), syncs.request()];
      expect(calls).toBe(1);
      releaseFirst();
      await Promise.all([first, ...waiting]);
      expect(calls).toBe(2);
      expect(mostInFlight).toBe(1);
      // Once all are done, a new request starts its own.
      await syncs.request();
      expect(calls).toBe(3);
    } finally {
      await handle.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});
