import { spawn } from 'node:child_process';
import { type SandboxHandle, startSandbox } from '@ovh-pca/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_CLI, makeTestHome, sandboxKeysEnv } from './testing/run-built-cli.js';

let sandbox: SandboxHandle;
let home: Awaited<ReturnType<typeof makeTestHome>>;

beforeAll(async () => {
  sandbox = await startSandbox({ sessions: 2, files: 1, seed: 4 });
  home = await makeTestHome();
});
afterAll(async () => {
  await sandbox?.close();
  await home?.dispose();
});

describe('the built binary as a process', () => {
  it('ends quietly with exit 0 when the reader of stdout has gone (`ovh-pca -l | head -0`)', async () => {
    const child = spawn(process.execPath, [BUILT_CLI, '-l', '--json'], {
      env: { PATH: process.env.PATH, ...home.env, ...sandboxKeysEnv(sandbox) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Close the read end before the CLI can write: its first write then fails with EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
    });
    expect(stderr).toBe('');
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    // It got as far as asking the API, so the write really happened after the pipe closed.
    expect(sandbox.requests().some((entry) => entry.path.startsWith('/1.0/cloud'))).toBe(true);
  });
});
