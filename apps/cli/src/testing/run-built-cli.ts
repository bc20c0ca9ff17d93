import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bundle the global setup built. */
export const BUILT_CLI = fileURLToPath(new URL('../../dist/ovh-pca.cjs', import.meta.url));

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  /**
   * The Node that runs the bundle. By default the oldest supported one when the scripts give it
   * (OVH_PCA_LOWEST_NODE: what a clone's user may have), else the one running the tests.
   */
  node?: string;
  /** Text piped to stdin (stdin is then not a TTY, like cron). */
  stdin?: string;
  /** Called with all stderr so far after each chunk, e.g. to find the validation URL `login` prints. */
  onStderr?: (stderrSoFar: string, child: import('node:child_process').ChildProcess) => void;
  /** Called with the child as soon as it is started (to signal it once a state is reached). */
  onSpawn?: (child: import('node:child_process').ChildProcess) => void;
}

/**
 * Runs `node dist/ovh-pca.cjs ARGS` asynchronously (the sandbox lives in this process, so a
 * synchronous spawn would starve it). The child sees only the variables given plus PATH and the
 * D-Bus session, never the developer's OVH_* settings.
 */
export function runBuiltCli(args: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  const env: Record<string, string> = {};
  for (const name of ['PATH', 'DBUS_SESSION_BUS_ADDRESS', 'XDG_RUNTIME_DIR', 'XDG_DATA_HOME', 'TZ', 'LANG']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(
      options.node ?? process.env.OVH_PCA_LOWEST_NODE ?? process.execPath,
      [BUILT_CLI, ...args],
      {
        env,
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    options.onSpawn?.(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      options.onStderr?.(stderr, child);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/** A throwaway HOME with its config directory, removed by `dispose`. */
export async function makeTestHome(): Promise<{
  home: string;
  env: Record<string, string>;
  dispose(): Promise<void>;
}> {
  const home = await mkdtemp(join(tmpdir(), 'ovh-pca-cli-'));
  return {
    home,
    env: {
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      OVH_PCA_CONFIG_DIR: join(home, '.config', 'ovh-pca'),
      OVH_PCA_NO_BROWSER: '1',
    },
    dispose: () => rm(home, { recursive: true, force: true }),
  };
}

/** OVH_* variables for the sandbox's demo keys (full rights). */
export function sandboxKeysEnv(sandbox: {
  endpoint: string;
  applicationKey: string;
  applicationSecret: string;
  consumerKey: string;
}): Record<string, string> {
  return {
    OVH_ENDPOINT: sandbox.endpoint,
    OVH_APPLICATION_KEY: sandbox.applicationKey,
    OVH_APPLICATION_SECRET: sandbox.applicationSecret,
    OVH_CONSUMER_KEY: sandbox.consumerKey,
  };
}
