import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PROBE = fileURLToPath(new URL('./keychain-probe.ts', import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Runs the keychain probe in a child process with the given environment and resolves its JSON
 * line as soon as it is printed, then kills the child (a hung keychain call would keep it alive).
 */
export function runProbe(mode: 'read' | 'lazy', env: Record<string, string | undefined>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', PROBE, mode], {
      cwd: PACKAGE_DIR,
      env: env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n')[0];
      if (stdout.includes('\n') && line) {
        child.kill('SIGKILL');
        resolve(JSON.parse(line));
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!stdout.includes('\n')) reject(new Error(`probe exited with ${code} and no answer: ${stderr}`));
    });
  });
}
