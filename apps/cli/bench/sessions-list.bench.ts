/**
 * `pnpm bench`: `sessions list` against a sandbox holding 1 000 sessions with 25 ms of latency per
 * request, three ways: ovh-pca as shipped, ovh-pca with batching off, and a one-request-at-a-time
 * N+1 walk like the Perl script's. Then `ovh-pca --version` start-up against `node -e 0`.
 * Prints numbers; asserts nothing.
 */
import { spawn } from 'node:child_process';
import { OvhClient } from '@ovh-pca/core';
import { type SandboxHandle, startSandbox } from '@ovh-pca/sandbox';
import { buildCli } from '../build.mjs';
import { BUILT_CLI, makeTestHome, runBuiltCli, sandboxKeysEnv } from '../src/testing/run-built-cli.js';

const TOTAL_SESSIONS = 1000;
const LATENCY_MS = 25;
const STARTUP_RUNS = 20;

interface Measure {
  label: string;
  wallMs: number;
  requests: number;
  sessions: number;
}

await buildCli({ quiet: true });
const sandbox = await startSandboxWith(TOTAL_SESSIONS);
const home = await makeTestHome();
try {
  const env = { ...home.env, ...sandboxKeysEnv(sandbox) };
  const results: Measure[] = [];
  results.push(await measureCli('ovh-pca sessions list (as shipped)', env));
  results.push(
    await measureCli('ovh-pca sessions list (OVH_PCA_BATCH=off)', { ...env, OVH_PCA_BATCH: 'off' }),
  );
  results.push(await measureNPlusOne());

  const limit = Math.ceil(TOTAL_SESSIONS / 50) + 5;
  console.log(`\nsessions list: ${TOTAL_SESSIONS} sessions, ${LATENCY_MS} ms latency per request`);
  console.log(table(results));
  const shipped = results[0]!;
  const walk = results[2]!;
  console.log(
    `speed-up vs N+1: ${(walk.wallMs / shipped.wallMs).toFixed(1)}× (goal ≥ 20×); ` +
      `requests: ${shipped.requests} (goal ≤ ceil(N/50)+5 = ${limit})`,
  );

  const cliStart = await medianStartMs([BUILT_CLI, '--version']);
  const nodeStart = await medianStartMs(['-e', '0']);
  console.log(
    `\nstart-up, median of ${STARTUP_RUNS}: ovh-pca --version ${cliStart.toFixed(0)} ms, node -e 0 ${nodeStart.toFixed(0)} ms ` +
      `→ ${(cliStart / nodeStart).toFixed(2)}× (goal ≤ 2×)`,
  );
} finally {
  await sandbox.close();
  await home.dispose();
}

/** A sandbox whose PCA services hold exactly `total` sessions between them. */
async function startSandboxWith(total: number): Promise<SandboxHandle> {
  const probe = await startSandbox({ sessions: 1, files: 1, seed: 1 });
  const serviceCount = countServices(probe);
  await probe.close();
  const handle = await startSandbox({
    sessions: Math.ceil(total / serviceCount),
    files: 1,
    seed: 1,
    latencyMs: LATENCY_MS,
  });
  let extra = countSessions(handle) - total;
  for (const passport of Object.values(handle.state.cloud.passports)) {
    for (const service of Object.values(passport.pcaServices)) {
      for (const id of Object.keys(service.sessions)) {
        if (extra <= 0) break;
        delete service.sessions[id];
        extra--;
      }
    }
  }
  return handle;
}

async function measureCli(label: string, env: Record<string, string>): Promise<Measure> {
  sandbox.clearRequests();
  const started = performance.now();
  const run = await runBuiltCli(['sessions', 'list', '--json'], { env });
  const wallMs = performance.now() - started;
  if (run.code !== 0) throw new Error(`${label} failed: ${run.stderr}`);
  return { label, wallMs, requests: sandbox.requests().length, sessions: JSON.parse(run.stdout).length };
}

/** What the Perl script did: every passport, every service, every session, one GET at a time. */
async function measureNPlusOne(): Promise<Measure> {
  sandbox.clearRequests();
  const client = new OvhClient({ ...sandboxKeysEnvAsOptions(), batch: 'off', concurrency: 1 });
  const started = performance.now();
  let sessions = 0;
  for (const passport of await client.get<string[]>('/cloud')) {
    for (const pca of await client.get<string[]>(`/cloud/${passport}/pca`)) {
      for (const id of await client.get<string[]>(`/cloud/${passport}/pca/${pca}/sessions`)) {
        await client.get(`/cloud/${passport}/pca/${pca}/sessions/${id}`);
        sessions++;
      }
    }
  }
  const wallMs = performance.now() - started;
  return {
    label: 'N+1 walk, one request at a time (Perl)',
    wallMs,
    requests: sandbox.requests().length,
    sessions,
  };
}

function sandboxKeysEnvAsOptions() {
  return {
    endpoint: sandbox.endpoint,
    applicationKey: sandbox.applicationKey,
    applicationSecret: sandbox.applicationSecret,
    consumerKey: sandbox.consumerKey,
  };
}

async function medianStartMs(args: string[]): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < STARTUP_RUNS; run++) {
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, args, { stdio: 'ignore' });
      child.on('error', reject);
      child.on('close', () => resolve());
    });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return (times[STARTUP_RUNS / 2 - 1]! + times[STARTUP_RUNS / 2]!) / 2;
}

function countServices(handle: SandboxHandle): number {
  return Object.values(handle.state.cloud.passports).reduce(
    (sum, passport) => sum + Object.keys(passport.pcaServices).length,
    0,
  );
}

function countSessions(handle: SandboxHandle): number {
  let count = 0;
  for (const passport of Object.values(handle.state.cloud.passports)) {
    for (const service of Object.values(passport.pcaServices)) count += Object.keys(service.sessions).length;
  }
  return count;
}

function table(rows: Measure[]): string {
  const width = Math.max(...rows.map((row) => row.label.length));
  const lines = rows.map(
    (row) =>
      `  ${row.label.padEnd(width)}  ${(row.wallMs / 1000).toFixed(2).padStart(7)} s  ${String(row.requests).padStart(5)} requests  ${row.sessions} sessions`,
  );
  return [`  ${'run'.padEnd(width)}  ${'wall'.padStart(9)}  ${'requests'.padStart(14)}`, ...lines].join('\n');
}
