import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../archive-errors.js';
import { type ArchiveSandbox, startArchiveSandbox } from '../testing/archive-sandbox.js';
import type { ArchiveSession } from './legacy-pca-types.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function sandboxFor(options: Parameters<typeof startArchiveSandbox>[0]): Promise<ArchiveSandbox> {
  const kit = await startArchiveSandbox(options);
  cleanups.push(() => kit.close());
  return kit;
}

/** The sandbox's own record of a session, to set up ages and states precisely. */
function record(kit: ArchiveSandbox, serviceId: string, sessionId: string) {
  const [passport = '', pca = ''] = serviceId.split('/');
  const found = kit.sandbox.state.cloud.passports[passport]?.pcaServices[pca]?.sessions[sessionId];
  if (!found) throw new Error(`no session ${sessionId} in ${serviceId}`);
  return found;
}

function setTimes(
  kit: ArchiveSandbox,
  session: ArchiveSession,
  endMs: number | null,
  startMs?: number,
): void {
  const entry = record(kit, session.serviceId, session.id);
  entry.endMs = endMs;
  entry.startMs = startMs ?? (endMs ?? kit.sandbox.clock.nowMs()) - HOUR;
  if (endMs === null) entry.baseState = 'doing';
}

/** DELETE requests answered 2xx, per session id, from the sandbox's request log. */
function acceptedDeletes(kit: ArchiveSandbox): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of kit.sandbox.requests()) {
    if (entry.method !== 'DELETE' || entry.status < 200 || entry.status >= 300) continue;
    const id = /\/sessions\/([0-9a-f]{24})$/.exec(entry.path)?.[1];
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

describe.each([
  { skewSeconds: 3600, label: 'server 1 h ahead' },
  { skewSeconds: -3600, label: 'server 1 h behind' },
])('planPrune with the $label', ({ skewSeconds }) => {
  it('measures ages on the server clock and never plans busy sessions', async () => {
    const kit = await sandboxFor({ seed: 21, sessions: 9, files: 1, skewSeconds, taskDurationSeconds: 3600 });
    const [serviceId] = kit.serviceIds();
    const model = kit.model({ service: serviceId! });
    const sessions = (await model.listSessions()).filter((session) => session.phase === 'ready');
    expect(sessions.length).toBeGreaterThanOrEqual(7);
    const [boundary, old1, old2, uploading, deleting, restoring, ...recent] = sessions as [
      ArchiveSession,
      ...ArchiveSession[],
    ];

    const serverNow = kit.sandbox.clock.nowMs();
    const cutoff = serverNow - 30 * DAY;
    // 30 minutes on the old side of the server's cutoff when the server is ahead (a local-clock
    // reading would call it recent), on the recent side when it is behind (local would call it old).
    setTimes(kit, boundary, skewSeconds > 0 ? cutoff - 30 * 60_000 : cutoff + 30 * 60_000);
    setTimes(kit, old1!, cutoff - 10 * DAY);
    setTimes(kit, old2!, cutoff - 40 * DAY);
    setTimes(kit, uploading!, null, cutoff - 20 * DAY);
    setTimes(kit, deleting!, cutoff - 10 * DAY);
    setTimes(kit, restoring!, cutoff - 10 * DAY);
    for (const session of recent) setTimes(kit, session, serverNow - DAY);
    // Every other session (errors, seeded uploads) is made recent, so only the above are judged.
    const chosen = new Set(sessions.map((s) => s.id));
    for (const session of (await model.listSessions()).filter((s) => !chosen.has(s.id))) {
      if (session.endDate === null) record(kit, session.serviceId, session.id).startMs = serverNow - DAY;
      else setTimes(kit, session, serverNow - DAY);
    }
    await model.deleteSession(deleting!.id);
    await model.restoreSession(restoring!.id);

    const plan = await model.planPrune({ olderThan: '30d' });
    const expected = skewSeconds > 0 ? [old2!, old1!, boundary] : [old2!, old1!];
    expect(plan.sessions.map((s) => s.id)).toEqual(expected.map((s) => s.id));
    expect(plan.totalBytes).toBe(expected.reduce((sum, s) => sum + s.size, 0));
    expect(Object.fromEntries(plan.skipped.map((s) => [s.session.id, s.reason]))).toEqual({
      [uploading!.id]: 'uploading',
      [deleting!.id]: 'deleting',
      [restoring!.id]: 'restoring',
    });
    expect(Math.abs(Date.parse(plan.serverTime) - kit.sandbox.clock.nowMs())).toBeLessThan(5000);
    expect(Math.abs(plan.clockOffsetSeconds - skewSeconds)).toBeLessThanOrEqual(2);
    expect(plan.serviceIds).toEqual([serviceId]);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});

describe('executePrune', () => {
  it('under 20% faults and a skewed clock deletes exactly the planned sessions, each once', async () => {
    const kit = await sandboxFor({
      seed: 5,
      sessions: 10,
      files: 1,
      skewSeconds: -3600,
      taskDurationSeconds: 3600,
    });
    const setup = kit.model();
    const all = await setup.listSessions();
    const ready = all.filter((session) => session.phase === 'ready');
    const uploading = ready[0]!;
    setTimes(kit, uploading, null, kit.sandbox.clock.nowMs() - 400 * DAY);
    const alreadyDeleting = ready[1]!;
    await setup.deleteSession(alreadyDeleting.id);

    kit.sandbox.setBehaviour({ faultRate: 0.2 });
    kit.sandbox.clearRequests();
    const model = kit.model({ client: { retries: 8 } });
    const plan = await model.planPrune({ olderThan: '1d' });
    const planned = new Set(plan.sessions.map((session) => session.id));
    expect(planned.size).toBeGreaterThan(10);
    expect(planned.has(uploading.id)).toBe(false);
    expect(planned.has(alreadyDeleting.id)).toBe(false);

    const progress: number[] = [];
    const result = await model.executePrune(plan, {
      concurrency: 4,
      onProgress: (event) => progress.push(event.completed),
    });
    kit.sandbox.setBehaviour({ faultRate: 0 });

    // Faults hit DELETEs too: those sessions were read again, then deleted once.
    expect(kit.sandbox.requests().some((entry) => entry.method === 'DELETE' && entry.fault)).toBe(true);
    expect(result.results.filter((r) => r.outcome === 'failed')).toEqual([]);
    expect(result.deletedCount).toBe(planned.size);
    expect(result.deletedBytes).toBe(plan.totalBytes);
    expect(result.results.map((r) => r.sessionId)).toEqual(plan.sessions.map((s) => s.id));
    expect(progress).toEqual(plan.sessions.map((_, index) => index + 1));

    const accepted = acceptedDeletes(kit);
    expect([...accepted.keys()].sort()).toEqual([...planned].sort());
    expect([...accepted.values()].every((count) => count === 1)).toBe(true);
    expect(kit.sandbox.requests().some((e) => e.method === 'DELETE' && e.path.endsWith(uploading.id))).toBe(
      false,
    );

    const after = await kit.model().listSessions();
    for (const session of after) {
      const before = all.find((s) => s.id === session.id)!;
      if (planned.has(session.id) || session.id === alreadyDeleting.id)
        expect(session.phase).toBe('deleting');
      else expect(session.state).toBe(session.id === uploading.id ? 'doing' : before.state);
    }
  });

  it.each([
    { lostStatus: 503, conflicts: 1, how: 'the client retries, meets a 409' },
    { lostStatus: 500, conflicts: 0, how: 'the client does not retry a 500 DELETE' },
  ])(
    'counts a DELETE whose $lostStatus answer was lost as deleted after reading the session ($how)',
    async ({ lostStatus, conflicts }) => {
      const kit = await sandboxFor({ seed: 9, sessions: 3, files: 1, taskDurationSeconds: 3600 });
      const proxy = await lossyDeleteProxy(kit.sandbox.port, lostStatus);
      cleanups.push(() => new Promise((resolve) => proxy.server.close(() => resolve())));
      const [serviceId] = kit.serviceIds();
      const model = kit.model({ service: serviceId!, client: { endpoint: `${proxy.origin}/1.0` } });

      const plan = await model.planPrune({ olderThan: '1d' });
      expect(plan.sessions.length).toBeGreaterThan(0);
      const result = await model.executePrune(plan);

      expect(result.results.map((r) => r.outcome)).toEqual(plan.sessions.map(() => 'already-deleting'));
      expect(result.deletedCount).toBe(plan.sessions.length);
      expect(proxy.lost).toBe(plan.sessions.length);
      const accepted = acceptedDeletes(kit);
      expect(plan.sessions.map((s) => accepted.get(s.id))).toEqual(plan.sessions.map(() => 1));
      const conflicted = kit.sandbox.requests().filter((e) => e.method === 'DELETE' && e.status === 409);
      expect(conflicted).toHaveLength(plan.sessions.length * conflicts);
    },
  );

  it('re-checks states first: a session whose restore started since the plan is left alone', async () => {
    const kit = await sandboxFor({ seed: 3, sessions: 4, files: 1, taskDurationSeconds: 3600 });
    const [serviceId] = kit.serviceIds();
    const model = kit.model({ service: serviceId! });
    const plan = await model.planPrune({ olderThan: '1d' });
    const [first, ...rest] = plan.sessions;
    await kit.model().restoreSession(first!.id);
    kit.sandbox.clearRequests();

    const result = await model.executePrune(plan);
    expect(result.results[0]).toMatchObject({
      sessionId: first!.id,
      outcome: 'skipped',
      reason: 'restoring',
    });
    expect(result.results.slice(1).every((r) => r.outcome === 'deleted')).toBe(true);
    expect(acceptedDeletes(kit).has(first!.id)).toBe(false);
    expect(result.tasks).toHaveLength(rest.length);
  });

  it('re-validates a plan that came back from elsewhere before sending anything', async () => {
    const kit = await sandboxFor({ seed: 3, sessions: 2, files: 1 });
    const model = kit.model();
    const plan = await model.planPrune({ olderThan: '1d' });
    const tampered = {
      ...plan,
      sessions: [{ ...plan.sessions[0]!, id: '../../../me' }, ...plan.sessions.slice(1)],
    };
    kit.sandbox.clearRequests();
    await expect(model.executePrune(tampered)).rejects.toThrow(ValidationError);
    const wrongService = { ...plan, sessions: [{ ...plan.sessions[0]!, serviceId: 'abc/pca-ffffffff' }] };
    await expect(model.executePrune(wrongService)).rejects.toThrow(ValidationError);
    expect(kit.sandbox.requests().filter((e) => e.method === 'DELETE')).toEqual([]);
  });
});

/**
 * A loopback proxy in front of the sandbox that forwards every request, but loses the answer to
 * the first DELETE of each path (answers `lostStatus` after the sandbox has acted): what a flaky network
 * does to a DELETE that did reach OVH.
 */
async function lossyDeleteProxy(
  port: number,
  lostStatus: number,
): Promise<{ server: Server; origin: string; lost: number }> {
  const seen = new Set<string>();
  const proxy = { server: undefined as unknown as Server, origin: '', lost: 0 };
  proxy.server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      // The Host header is forwarded as received: the sandbox checks the signature over it.
      const upstream = httpRequest(
        { host: '127.0.0.1', port, method: incoming.method, path: incoming.url, headers: incoming.headers },
        (answer) => {
          const body: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => body.push(chunk));
          answer.on('end', () => {
            const key = `${incoming.method} ${incoming.url}`;
            if (incoming.method === 'DELETE' && !seen.has(key)) {
              seen.add(key);
              proxy.lost += 1;
              outgoing.writeHead(lostStatus, { 'content-type': 'application/json' });
              outgoing.end('{"message":"Lost answer"}');
              return;
            }
            outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
            outgoing.end(Buffer.concat(body));
          });
        },
      );
      upstream.on('error', () => outgoing.destroy());
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
  proxy.origin = `http://127.0.0.1:${(proxy.server.address() as AddressInfo).port}`;
  return proxy;
}
