/**
 * `--data` under SIGKILL: the real program takes concurrent writes (renames, deletes, new keys),
 * is killed after a seeded number of answers, restarted on the same file, and every write it
 * answered 2xx must be there. Where the kill lands varies from run to run; the assertion does
 * not: a write still in flight at the kill may or may not have happened, an answered one must have.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededRandom } from './state/seeded-random.js';
import { ovhCall, type SignedCallTarget } from './testing/ovh-call.js';
import { buildSandboxBin, type SandboxProcess, startSandboxProcess } from './testing/sandbox-process.js';

const ROUNDS = 12;
const WORKERS = 12;

let bin: string;
let removeBuild: () => void;
let dir: string;
/** The sandbox running now, so a failing round never leaves it behind. */
let running: SandboxProcess | undefined;
beforeAll(async () => {
  ({ bin, remove: removeBuild } = buildSandboxBin());
  dir = await mkdtemp(join(tmpdir(), 'ovh-sandbox-kill-'));
});
afterAll(async () => {
  if (running && running.child.exitCode === null && running.child.signalCode === null) {
    running.child.kill('SIGKILL');
    await running.exited;
  }
  removeBuild();
  await rm(dir, { recursive: true, force: true });
});

interface SessionRow {
  id: string;
  name: string;
  state: string;
}

/** What the clients were told (acknowledged) and what was still unanswered at the kill. */
interface Expectations {
  /** sessionId → names: the last one answered 2xx, then the one in flight (either may stand). */
  names: Map<string, { acked?: string; inFlight?: string }>;
  deleted: Set<string>;
  consumerKeys: string[];
}

function targetOf(started: SandboxProcess): SignedCallTarget {
  return { ...started.line, clock: { nowSeconds: () => Math.floor(Date.now() / 1000) } };
}

async function sessionPaths(target: SignedCallTarget): Promise<string[]> {
  const paths: string[] = [];
  const passports = await ovhCall<string[]>(target, { path: '/cloud' });
  for (const passport of passports.body) {
    const offers = await ovhCall<string[]>(target, { path: `/cloud/${passport}/pca` });
    for (const offer of offers.body) paths.push(`/cloud/${passport}/pca/${offer}/sessions`);
  }
  return paths;
}

async function listSessions(target: SignedCallTarget, paths: string[]) {
  const rows = new Map<string, SessionRow & { path: string }>();
  for (const path of paths) {
    const page = await ovhCall<SessionRow[]>(target, {
      path,
      headers: { 'X-Pagination-Mode': 'CachedObjectList-Pages', 'X-Pagination-Size': '5000' },
    });
    expect(page.status).toBe(200);
    for (const row of page.body) rows.set(row.id, { ...row, path });
  }
  return rows;
}

/** Checks every acknowledged write of the previous round against the restarted sandbox. */
async function verify(target: SignedCallTarget, paths: string[], expected: Expectations) {
  const rows = await listSessions(target, paths);
  for (const [id, { acked, inFlight }] of expected.names) {
    if (acked === undefined) continue;
    const row = rows.get(id);
    // A session whose delete has run its course is gone; its name no longer matters.
    if (!row) {
      expect(expected.deleted.has(id) || inFlight === 'delete', `session ${id} vanished`).toBe(true);
      continue;
    }
    expect([acked, inFlight]).toContain(row.name);
  }
  for (const id of expected.deleted) {
    const state = rows.get(id)?.state;
    if (state !== undefined) expect(['toDelete', 'doingDelete']).toContain(state);
  }
  for (const consumerKey of expected.consumerKeys) {
    // Unknown keys answer NOT_CREDENTIAL; a kept, still pending one INVALID_CREDENTIAL.
    const me = await ovhCall<{ errorCode?: string }>(target, { path: '/me', consumerKey });
    expect(me.body.errorCode).toBe('INVALID_CREDENTIAL');
  }
  return rows;
}

/** One round: concurrent writers until the seeded kill point, then SIGKILL. */
async function writeUntilKilled(
  started: SandboxProcess,
  rows: Map<string, SessionRow & { path: string }>,
  random: () => number,
  round: number,
): Promise<{ expected: Expectations; answered: number }> {
  const target = targetOf(started);
  const expected: Expectations = { names: new Map(), deleted: new Set(), consumerKeys: [] };
  const killAfter = 40 + Math.floor(random() * 260);
  let answered = 0;
  let killed = false;
  const acknowledge = () => {
    answered++;
    if (answered >= killAfter && !killed) {
      killed = true;
      started.child.kill('SIGKILL');
    }
  };
  const pool = [...rows.values()].filter((row) => row.state === 'done');
  const worker = async (index: number) => {
    const own = pool.filter((_, i) => i % WORKERS === index);
    for (let step = 0; !killed; step++) {
      const live = own.filter((row) => !expected.deleted.has(row.id));
      const session = live[step % Math.max(live.length, 1)];
      const draw = random();
      try {
        if (draw < 0.1 || !session) {
          const created = await fetch(`${started.line.endpoint}/auth/credential`, {
            method: 'POST',
            headers: { 'X-Ovh-Application': started.line.applicationKey },
            body: JSON.stringify({ accessRules: [{ method: 'GET', path: '/me' }] }),
          });
          const body = (await created.json()) as { consumerKey?: string };
          if (created.ok && body.consumerKey) {
            expected.consumerKeys.push(body.consumerKey);
            acknowledge();
          }
          continue;
        }
        const names = expected.names.get(session.id) ?? { acked: session.name };
        expected.names.set(session.id, names);
        const remove = draw < 0.13;
        names.inFlight = remove ? 'delete' : `r${round}-w${index}-s${step}`;
        const answer = await ovhCall(target, {
          method: remove ? 'DELETE' : 'PUT',
          path: `${session.path}/${session.id}`,
          body: remove ? undefined : { name: names.inFlight },
        });
        if (answer.status >= 200 && answer.status < 300) {
          if (remove) expected.deleted.add(session.id);
          else names.acked = names.inFlight;
          names.inFlight = undefined;
          acknowledge();
        } else {
          throw new Error(`unexpected ${answer.status}: ${JSON.stringify(answer.body)}`);
        }
      } catch (error) {
        // After the kill, calls fail with connection errors; before it, nothing may fail.
        if (!killed) throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, index) => worker(index)));
  await started.exited;
  return { expected, answered };
}

describe('--data survives SIGKILL', () => {
  it(`keeps every write answered 2xx over ${ROUNDS} killed rounds`, async () => {
    const dataFile = join(dir, 'state.json');
    const args = ['--data', dataFile, '--sessions', '40', '--task-duration', '3600'];
    const random = createSeededRandom(9009);
    let started = await startSandboxProcess(bin, args);
    running = started;
    const paths = await sessionPaths(targetOf(started));
    let rows = await listSessions(targetOf(started), paths);
    let totalAnswered = 0;
    let staleTempFiles = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const killedPid = started.child.pid;
      const { expected, answered } = await writeUntilKilled(started, rows, random, round);
      totalAnswered += answered;
      staleTempFiles += (await readdir(dir)).filter((name) => name.includes(`.${killedPid}.`)).length;

      started = await startSandboxProcess(bin, args);
      running = started;
      rows = await verify(targetOf(started), paths, expected);
      // Temp files of the killed process are removed before the restarted one listens.
      expect((await readdir(dir)).filter((name) => name.includes(`.${killedPid}.`))).toEqual([]);
    }
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
    // The rounds did write: at least the seeded minimum per round was answered.
    expect(totalAnswered).toBeGreaterThanOrEqual(ROUNDS * 40);
    console.info(
      `[data-file-kill] ${ROUNDS} rounds, ${totalAnswered} writes answered 2xx, all kept; ${staleTempFiles} kills left a temp file`,
    );
  }, 120_000);
});
