// The setup scripts on a fresh machine: a failing step names itself, its error and the fix.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const stepLibrary = join(root, 'scripts/lib/step.sh');
const scratch = mkdtempSync(join(tmpdir(), 'ovh-pca-setup-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function bash(script: string, env: NodeJS.ProcessEnv = {}, cwd = root) {
  const result = spawnSync('bash', ['-c', script], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, TMPDIR: scratch, ...env },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A port nothing listens on: bound by the system, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** What a fresh clone holds that the install step reads: manifests, lockfile and scripts. */
function freshCheckout(): string {
  const target = mkdtempSync(join(scratch, 'clone-'));
  for (const file of ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', '.npmrc']) {
    cpSync(join(root, file), join(target, file));
  }
  cpSync(join(root, 'scripts'), join(target, 'scripts'), {
    recursive: true,
    filter: (source) => !source.includes('node_modules') && !source.includes('.cache'),
  });
  for (const group of ['packages', 'apps']) {
    for (const name of readdirSync(join(root, group))) {
      const manifest = join(root, group, name, 'package.json');
      if (!existsSync(manifest)) continue;
      mkdirSync(join(target, group, name), { recursive: true });
      cpSync(manifest, join(target, group, name, 'package.json'));
    }
  }
  return target;
}

describe('a named step', () => {
  it('is quiet when its command succeeds', () => {
    const run = bash(`source ${stepLibrary}; step "say hello" sh -c 'echo chatter; echo noise >&2'`);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('==> say hello\n');
  });

  it('names itself, shows the output and the error, and keeps the exit status', () => {
    const run = bash(
      `source ${stepLibrary}; set -e; step "compile" sh -c 'echo step one; echo "error: no compiler" >&2; echo done; exit 3'; echo unreachable`,
    );
    expect(run.status).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('    step one\n');
    expect(run.stderr).toContain('step "compile" failed: error: no compiler (exit 3)\n');
    expect(run.stderr).toMatch(/full output: \S+ovh-pca-step\.\w+\n$/);
  });

  it('passes stdout through as it comes when live, and still names the error', () => {
    const run = bash(
      `source ${stepLibrary}; step_live "run" sh -c 'echo data-line; echo "Error: sandbox exited early" >&2; exit 4'`,
    );
    expect(run.status).toBe(4);
    expect(run.stdout).toBe('data-line\n');
    expect(run.stderr).toContain('Error: sandbox exited early\n');
    expect(run.stderr).toContain('step "run" failed: Error: sandbox exited early (exit 4)\n');
  });

  it.skipIf(spawnSync('sh', ['-c', 'command -v apt-get']).status !== 0)(
    'explains a Debian package apt does not know',
    () => {
      // apt-get's simulation mode: the real lookup and the real message, nothing installed.
      const run = bash(
        `source ${stepLibrary}; step "install Debian packages" apt-get install -s -y ovh-pca-no-such-package`,
      );
      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain(
        'step "install Debian packages" failed: E: Unable to locate package ovh-pca-no-such-package',
      );
      expect(run.stderr).toContain("fix: apt does not know one of the packages: run 'apt-get update'");
    },
  );
});

describe('demo.sh on a fresh clone', () => {
  it('with the package registry unreachable, exits non-zero naming the step and the error', async () => {
    const clone = freshCheckout();
    const registry = `http://127.0.0.1:${await closedPort()}/`;
    const run = bash(
      'bash scripts/demo.sh',
      {
        npm_config_registry: registry,
        npm_config_store_dir: join(clone, 'empty-store'),
        npm_config_cache_dir: join(clone, 'empty-cache'),
        // One try, not pnpm's back-off over a minute: the failure is the same, only sooner.
        npm_config_fetch_retries: '0',
      },
      clone,
    );
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/step "install JavaScript dependencies" failed: .*ECONNREFUSED/);
    expect(run.stderr).toContain(`fix: the package registry (${registry}) cannot be reached`);
    expect(existsSync(join(clone, 'node_modules', '.bin', 'turbo'))).toBe(false);
  });
});
