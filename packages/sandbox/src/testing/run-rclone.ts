/**
 * Test helper: runs Debian's rclone (scripts/install-system-deps.sh) with a remote configured
 * through the environment only, so secrets never reach a command line. AWS_CA_BUNDLE is unset:
 * rclone would refuse to start on this machine's value.
 */
import { execFile } from 'node:child_process';

export function rcloneEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { AWS_CA_BUNDLE: _ignored, ...env } = process.env;
  return { ...env, ...extra };
}

export function runRclone(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('rclone', args, { env, timeout: 60_000 }, (error, stdout, stderr) => {
      if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') {
        reject(new Error('rclone is not installed: run scripts/install-system-deps.sh'));
      } else if (error) reject(new Error(`rclone ${args.join(' ')} failed: ${stderr}`));
      else resolve(stdout);
    });
  });
}
