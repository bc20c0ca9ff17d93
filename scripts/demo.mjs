// The main job, end to end: start the sandbox (a local OVH API), then drive the built ovh-pca
// against it the way a user would. Credentials travel in the environment, never in argv.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const root = new URL('..', import.meta.url).pathname;
const sandboxBin = join(root, 'packages/sandbox/bin/ovh-sandbox.cjs');
const cliBin = join(root, 'apps/cli/bin/ovh-pca.cjs');

const sandbox = spawn(
  process.execPath,
  [sandboxBin, '--port', '0', '--sessions', '6', '--task-duration', '1'],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const firstLine = await new Promise((resolve, reject) => {
  createInterface({ input: sandbox.stdout }).once('line', resolve);
  sandbox.once('exit', (code) => reject(new Error(`sandbox exited early (code ${code})`)));
});
const sandboxInfo = JSON.parse(firstLine);
const configDir = mkdtempSync(join(tmpdir(), 'ovh-pca-demo-'));
const env = {
  ...process.env,
  OVH_PCA_CONFIG_DIR: configDir,
  OVH_ENDPOINT: sandboxInfo.endpoint,
  OVH_APPLICATION_KEY: sandboxInfo.applicationKey,
  OVH_APPLICATION_SECRET: sandboxInfo.applicationSecret,
  OVH_CONSUMER_KEY: sandboxInfo.consumerKey,
};

function ovhPca(title, args, { quiet = false } = {}) {
  console.log(`\n$ ovh-pca ${args.join(' ')}    # ${title}`);
  const result = spawnSync(process.execPath, [cliBin, ...args], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (!quiet) process.stdout.write(result.stdout);
  if (result.status !== 0) throw new Error(`ovh-pca ${args.join(' ')} exited with ${result.status}`);
  return result.stdout;
}

try {
  console.log(`Sandbox listening at ${sandboxInfo.endpoint}`);
  ovhPca('where the settings come from (secrets never printed)', ['whoami']);
  ovhPca('the archive services of the account', ['services', 'list']);
  ovhPca('every session of every service, by start date', ['sessions', 'list']);
  ovhPca('total usage, per service', ['usage']);
  const sessions = JSON.parse(
    ovhPca('the same list as JSON, for scripts', ['sessions', 'list', '--json'], { quiet: true }),
  );
  console.log(`(${sessions.length} sessions; exact bytes and ISO dates)`);
  const restorable = sessions.find((session) => session.state === 'done');
  if (!restorable) throw new Error('the sandbox seeded no finished session to restore');
  ovhPca('one session in full', ['sessions', 'show', restorable.id]);
  ovhPca('restore a session and wait for its task to finish', [
    'sessions',
    'restore',
    restorable.id,
    '--yes',
    '--wait',
  ]);
  ovhPca('restore tasks and their status', ['tasks', 'list', '--function', 'restore']);
  ovhPca('what a retention policy would delete (preview only)', [
    'sessions',
    'prune',
    '--older-than',
    '365d',
    '--dry-run',
  ]);
  ovhPca('the Perl script flag still works: -s prints the total size', ['-s']);
} finally {
  sandbox.kill('SIGTERM');
  rmSync(configDir, { recursive: true, force: true });
}
