/**
 * The sandbox as its own process (the built `ovh-sandbox` bin, as a user starts it), so its CPU and
 * memory never mix with the tools measured, plus the admin routes a benchmark needs: the request
 * log, the behaviour knobs and the clock. Nothing here is logged or counted by the sandbox.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SandboxHandle } from '@ovh-pca/sandbox';

const SANDBOX_BIN = fileURLToPath(
  new URL('../../../../packages/sandbox/bin/ovh-sandbox.cjs', import.meta.url),
);

/** What the sandbox prints on start (packages/sandbox/README.md). */
export interface SandboxLine {
  endpoint: string;
  applicationKey: string;
  applicationSecret: string;
  consumerKey: string;
  openstack: SandboxHandle['openstack'];
  s3: SandboxHandle['s3'];
}

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  protocol: 'ovh' | 'keystone' | 'swift' | 's3';
  region?: string;
}

export interface BehaviourKnobs {
  latencyMs?: number;
  retrievalDelaySeconds?: number;
  restoreDelaySeconds?: number;
}

export interface SandboxProcess {
  line: SandboxLine;
  pid: number;
  requests(): Promise<LoggedRequest[]>;
  clearRequests(): Promise<void>;
  setBehaviour(knobs: BehaviourKnobs): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `ovh-sandbox ARGS` and resolves once it printed its start line. */
export async function startSandboxProcess(args: readonly string[]): Promise<SandboxProcess> {
  const child = spawn(process.execPath, [SANDBOX_BIN, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const line = await new Promise<SandboxLine>((resolve, reject) => {
    let stdout = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const end = stdout.indexOf('\n');
      if (end >= 0) resolve(JSON.parse(stdout.slice(0, end)) as SandboxLine);
    });
    child.on('exit', (code) => reject(new Error(`ovh-sandbox exited ${code} before starting: ${stderr}`)));
  });
  const origin = new URL(line.endpoint).origin;
  const admin = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${origin}/_sandbox/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`sandbox ${method} ${path}: ${response.status} ${await response.text()}`);
    return response;
  };
  return {
    line,
    pid: child.pid!,
    requests: async () => (await (await admin('GET', 'requests')).json()) as LoggedRequest[],
    clearRequests: async () => void (await admin('DELETE', 'requests')),
    setBehaviour: async (knobs) => void (await admin('POST', 'behaviour', knobs)),
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Requests of a log counted by protocol, e.g. `ovh 5, swift 11`. */
export function countByProtocol(log: readonly LoggedRequest[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of log) counts[entry.protocol] = (counts[entry.protocol] ?? 0) + 1;
  return counts;
}
