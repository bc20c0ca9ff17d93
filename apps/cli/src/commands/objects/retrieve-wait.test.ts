import { type SandboxHandle, startSandbox } from '@ovh-pca/sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../exit-codes.js';
import { makeTestHome, runBuiltCli, sandboxKeysEnv } from '../../testing/run-built-cli.js';
import { containerObjects, unsealRequests } from '../../testing/sandbox-facts.js';

// What `retrieve --wait` costs, counted in the sandbox's request log (counts, never times): at most
// N + 100 requests for N sealed objects, state polls through listings that honour the server's
// delay; interrupted and run again, it goes on where it was (each object asked once).
const OBJECTS = 300;
const RETRIEVAL_DELAY_SECONDS = 6;

let sandbox: SandboxHandle;
let home: Awaited<ReturnType<typeof makeTestHome>>;
const env = () => ({ ...home.env, ...sandboxKeysEnv(sandbox) });

beforeAll(async () => {
  sandbox = await startSandbox({
    seed: 53,
    sessions: 2,
    files: 1,
    objects: OBJECTS,
    retrievalDelaySeconds: RETRIEVAL_DELAY_SECONDS,
  });
  home = await makeTestHome();
});
afterAll(async () => {
  await sandbox?.close();
  await home?.dispose();
});
beforeEach(() => sandbox.clearRequests());

const swift = () => sandbox.requests().filter((entry) => entry.protocol === 'swift');
const listings = () =>
  swift().filter((entry) => entry.method === 'GET' && entry.path.includes('format=json'));
const unsealGets = () => unsealRequests(sandbox);

const sealedKeys = (name: string) =>
  containerObjects(sandbox, name)
    .filter((object) => object.sealed)
    .map((object) => object.key);

describe(`retrieve --wait of ${OBJECTS} objects`, () => {
  it('at most N+100 requests in all, polls by listing (no HEAD), not more often than the delay asks', async () => {
    const sealed = sealedKeys('archives-bhs').length;
    const run = await runBuiltCli(['retrieve', 'BHS/archives-bhs', '--prefix', '', '--wait', '--json'], {
      env: env(),
    });
    expect(run.code, run.stderr).toBe(0);
    const rows = JSON.parse(run.stdout) as Array<{ state: string }>;
    expect(rows).toHaveLength(OBJECTS);
    expect(new Set(rows.map((row) => row.state))).toEqual(new Set(['unsealed']));
    const all = sandbox.requests();
    expect(all.length).toBeLessThanOrEqual(sealed + 100);
    expect(all.filter((entry) => entry.method === 'HEAD')).toEqual([]);
    expect(unsealGets()).toHaveLength(sealed);
    // Two listings before the GETs; then the waiter lists again only once the first objects' delay
    // has passed (never polling in between), and each round covers every object due within a poll
    // interval, so the rounds follow how long the unseal GETs took to send, not the object count.
    // The log's times are whole seconds on the sandbox clock.
    const seconds = (entry: { time: string }) => Date.parse(entry.time) / 1000;
    const gets = unsealGets();
    const firstGet = seconds(gets[0]!);
    const getSpread = seconds(gets.at(-1)!) - firstGet + 1;
    const waits = listings().slice(2);
    expect(waits.length).toBeGreaterThanOrEqual(1);
    expect(seconds(waits[0]!)).toBeGreaterThanOrEqual(firstGet + RETRIEVAL_DELAY_SECONDS - 1);
    expect(waits.length).toBeLessThanOrEqual(Math.ceil(getSpread / 2) + 2);
    process.stderr.write(
      `retrieve --wait of ${sealed} sealed objects: ${all.length} requests (${listings().length} listings, ${unsealGets().length} unseal GETs)\n`,
    );
  }, 120_000);

  it('interrupted, then run again: goes on where it was, each sealed object asked once', async () => {
    const sealed = sealedKeys('cold-backups');
    sandbox.setBehaviour({ latencyMs: 20 });
    const first = await runBuiltCli(['retrieve', 'cold-backups', '--prefix', '', '--wait'], {
      env: env(),
      onSpawn: (child) => {
        const timer = setInterval(() => {
          if (unsealGets().length >= 60) {
            clearInterval(timer);
            child.kill('SIGINT');
          }
        }, 5);
        child.on('exit', () => clearInterval(timer));
      },
    }).finally(() => sandbox.setBehaviour({ latencyMs: 0 }));
    expect(first.code, first.stderr).toBe(ExitCode.interrupted);
    const askedFirst = new Set(unsealGets().map((entry) => entry.path));
    expect(askedFirst.size).toBeGreaterThanOrEqual(60);
    expect(askedFirst.size).toBeLessThan(sealed.length);

    sandbox.clearRequests();
    const second = await runBuiltCli(['retrieve', 'cold-backups', '--prefix', '', '--wait', '--json'], {
      env: env(),
    });
    expect(second.code, second.stderr).toBe(0);
    expect(new Set((JSON.parse(second.stdout) as Array<{ state: string }>).map((row) => row.state))).toEqual(
      new Set(['unsealed']),
    );
    const askedSecond = unsealGets().map((entry) => entry.path);
    // Only the ones the first run never reached; together, every sealed object exactly once.
    expect(askedSecond.filter((path) => askedFirst.has(path))).toEqual([]);
    expect(askedFirst.size + askedSecond.length).toBe(sealed.length);
  }, 120_000);
});
