/**
 * Runs one command the way a user would, under GNU time (Debian's `time`, for the peak resident
 * memory of the process tree), with stdout into a file (a 100,000-row listing never sits in this
 * process) and the wall time measured here.
 */
import { spawn } from 'node:child_process';
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

export interface TimedRun {
  code: number | null;
  wallMs: number;
  /** Largest resident set of the command, MB (10⁶ bytes), as GNU time reports it. */
  peakRssMb: number;
  stdoutFile: string;
  stderr: string;
}

export interface TimedRunOptions {
  /** The whole environment of the command (nothing is inherited). */
  env: NodeJS.ProcessEnv;
  /** Where stdout and GNU time's report go. */
  dir: string;
  name: string;
}

export async function timedRun(
  command: string,
  args: readonly string[],
  options: TimedRunOptions,
): Promise<TimedRun> {
  const stdoutFile = join(options.dir, `${options.name}.stdout`);
  const report = join(options.dir, `${options.name}.time`);
  const stdout = await open(stdoutFile, 'w');
  let stderr = '';
  const started = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(GNU_TIME, ['-f', '%M', '-o', report, command, ...args], {
      env: options.env,
      stdio: ['ignore', stdout.fd, 'pipe'],
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-8000);
    });
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new Error(`${GNU_TIME} missing: run scripts/install-system-deps.sh`)
          : error,
      ),
    );
    child.on('close', resolve);
  });
  const wallMs = performance.now() - started;
  await stdout.close();
  // GNU time writes "Command exited with non-zero status N" before its format line.
  const maxRssKb = Number((await readFile(report, 'utf8')).trim().split('\n').at(-1));
  await rm(report, { force: true });
  return { code, wallMs, peakRssMb: (maxRssKb * 1024) / 1e6, stdoutFile, stderr };
}

/** The run's stdout as text (a listing's JSON). */
export function readStdout(run: TimedRun): Promise<string> {
  return readFile(run.stdoutFile, 'utf8');
}

/** Throws with the command's own message when it failed. */
export function expectSuccess(run: TimedRun, what: string): TimedRun {
  if (run.code !== 0) {
    const tail = run.stderr.trim().split('\n').slice(-5).join('\n  ');
    throw new Error(`${what} exited ${run.code}:\n  ${tail}`);
  }
  return run;
}
