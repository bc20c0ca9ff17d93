import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHandle, startSandbox } from '../../index.js';
import { openSwiftSession, type SwiftSession } from '../../testing/openstack-auth.js';

let sandbox: SandboxHandle;
let session: SwiftSession;
const bytes = randomBytes(256 * 1024);
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 15, objects: 1 });
  session = await openSwiftSession(sandbox);
  await session.swift('/faulty', { method: 'PUT' });
  await session.swift('/faulty/blob', { method: 'PUT', body: bytes });
});
afterAll(() => sandbox.close());

type Outcome =
  | { kind: 'whole' }
  | { kind: 'status'; status: number }
  | { kind: 'cut'; received: number }
  | { kind: 'refused' };

/** Reads as much of the body as arrives, so a cut shows how far it got. */
async function download(): Promise<Outcome> {
  let response: Response;
  try {
    response = await session.swift('/faulty/blob');
  } catch {
    return { kind: 'refused' };
  }
  if (response.status !== 200) {
    await response.arrayBuffer().catch(() => undefined);
    return { kind: 'status', status: response.status };
  }
  const reader = response.body!.getReader();
  const pieces: Uint8Array[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      pieces.push(value);
    }
  } catch {
    return { kind: 'cut', received: pieces.reduce((sum, piece) => sum + piece.length, 0) };
  }
  expect(Buffer.concat(pieces).equals(bytes)).toBe(true);
  return { kind: 'whole' };
}

describe('Swift faults', () => {
  it('drops downloads in the middle of the body, and answers 429/500/503 or drops before, all logged', async () => {
    sandbox.setBehaviour({ faultRate: 1 });
    sandbox.clearRequests();
    const outcomes: Outcome[] = [];
    for (let i = 0; i < 30; i++) outcomes.push(await download());
    sandbox.setBehaviour({ faultRate: 0 });
    expect(outcomes.some((outcome) => outcome.kind === 'whole')).toBe(false);
    const cuts = outcomes.filter((outcome) => outcome.kind === 'cut');
    expect(cuts.length).toBeGreaterThan(0);
    for (const cut of cuts) expect(cut.received).toBeLessThan(bytes.length);
    const statuses = outcomes.flatMap((outcome) => (outcome.kind === 'status' ? [outcome.status] : []));
    expect(new Set(statuses)).toEqual(new Set([429, 500, 503]));
    const faults = sandbox.requests().map((entry) => entry.fault);
    expect(faults.filter((fault) => fault === 'truncate')).toHaveLength(cuts.length);
    expect(faults.every((fault) => fault !== undefined)).toBe(true);
    expect(await download()).toEqual({ kind: 'whole' });
  });

  it('never stores an upload whose connection dropped or that was refused', async () => {
    sandbox.setBehaviour({ faultRate: 1 });
    sandbox.clearRequests();
    for (let i = 0; i < 12; i++) {
      await session.swift(`/faulty/upload-${i}`, { method: 'PUT', body: bytes }).then(
        (response) => response.arrayBuffer(),
        () => undefined,
      );
    }
    sandbox.setBehaviour({ faultRate: 0 });
    const kinds = sandbox.requests().map((entry) => entry.fault);
    expect(kinds).toContain('truncate');
    for (let i = 0; i < 12; i++)
      expect((await session.swift(`/faulty/upload-${i}`, { method: 'HEAD' })).status).toBe(404);
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(sandbox.objectDir)).filter((name) => name.endsWith('.part'))).toEqual([]);
  });
});
