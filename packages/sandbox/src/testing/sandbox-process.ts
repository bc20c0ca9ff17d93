/**
 * Test helper: the `ovh-sandbox` program built from the current source and spawned as users run
 * it. Each test file builds its own bundle in a temp directory, so files running in parallel never
 * read one another's half-written bundle (and the test never checks a stale `dist/`).
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const entry = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin.ts');

/** Bundles src/bin.ts like the package's build script; returns the bundle and a cleanup. */
export function buildSandboxBin(): { bin: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'ovh-sandbox-bin-build-'));
  const bin = join(dir, 'ovh-sandbox.cjs');
  buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: bin,
    logLevel: 'warning',
  });
  return { bin, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The JSON line the program prints on start. */
export interface StartLine {
  endpoint: string;
  applicationKey: string;
  applicationSecret: string;
  consumerKey: string;
  account: { nichandle: string; password: string };
  /** The OpenStack (Keystone + Swift) user of the first seeded project. */
  openstack: Record<string, string>;
  /** S3 credentials of that same user and each S3 region's endpoint. */
  s3: { accessKey: string; secretKey: string; endpoints: Record<string, string> };
}

export interface SandboxProcess {
  child: ChildProcessWithoutNullStreams;
  line: StartLine;
  stdout: () => string;
  stderr: () => string;
  /** Exit code, or null when killed by a signal. */
  exited: Promise<number | null>;
}

/** Spawns the bundle and resolves once it has printed its start line. */
export function startSandboxProcess(bin: string, args: string[]): Promise<SandboxProcess> {
  const child = spawn(process.execPath, [bin, ...args]);
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const before = stdout;
      stdout += chunk.toString();
      if (!before.includes('\n') && stdout.includes('\n')) {
        resolve({
          child,
          line: JSON.parse(stdout.split('\n')[0]!) as StartLine,
          stdout: () => stdout,
          stderr: () => stderr,
          exited,
        });
      }
    });
    child.on('exit', (code) => reject(new Error(`exited ${code} before printing: ${stderr}`)));
  });
}
