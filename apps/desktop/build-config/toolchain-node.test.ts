// scripts/use-node.sh, the pinned Node that Electron's tooling needs: driven for real (bash, npm)
// against a local stand-in of the npm registry serving a small `node-<os>-<arch>` package, in a
// throwaway copy of the repository's root whose floor (engines) is above this machine's Node.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP_ROOT } from './package-app.js';

const run = promisify(execFile);
const PINNED = '99.1.0';
const PACKAGE = `node-${process.platform}-${process.arch}`;
const machineMajor = process.versions.node.split('.')[0];

let work: string;
let registry: Server;
let registryUrl: string;
/** What the stand-in registry serves: tarball bytes, and the integrity its metadata announces. */
const served: { tarball: Buffer; integrity: string } = { tarball: Buffer.alloc(0), integrity: '' };
const requests: string[] = [];

async function makeNodePackage(): Promise<Buffer> {
  const root = join(work, 'pkg-src');
  await mkdir(join(root, 'package', 'bin'), { recursive: true });
  await mkdir(join(root, 'package', 'include', 'node'), { recursive: true });
  // A stand-in `node` that answers --version like the pinned one and runs the real Node otherwise.
  await writeFile(
    join(root, 'package', 'bin', 'node'),
    `#!/bin/sh\n[ "$1" = --version ] && { echo v${PINNED}; exit 0; }\nexec "${process.execPath}" "$@"\n`,
    { mode: 0o755 },
  );
  await writeFile(join(root, 'package', 'include', 'node', 'node_api.h'), '/* headers */\n');
  await writeFile(join(root, 'package', 'package.json'), JSON.stringify({ name: PACKAGE, version: PINNED }));
  const tarball = join(root, 'node.tgz');
  await run('tar', ['-czf', tarball, '-C', root, 'package']);
  return readFile(tarball);
}

/** A copy of the repository root's files use-node.sh reads, with a floor above this machine's Node. */
async function makeRepo(name: string): Promise<string> {
  const repo = join(work, name);
  await mkdir(join(repo, 'scripts'), { recursive: true });
  await mkdir(join(repo, 'apps', 'cli'), { recursive: true });
  await copyFile(
    join(DESKTOP_ROOT, '..', '..', 'scripts', 'use-node.sh'),
    join(repo, 'scripts', 'use-node.sh'),
  );
  await writeFile(join(repo, 'package.json'), '{\n  "engines": {\n    "node": ">=99.0"\n  }\n}\n');
  await writeFile(join(repo, '.node-version'), `${PINNED}\n`);
  // The CLI's oldest line is this machine's: its Node is then the one the CLI tests run on.
  await writeFile(
    join(repo, 'apps', 'cli', 'package.json'),
    `{ "engines": { "node": ">=${machineMajor}.0" } }\n`,
  );
  return repo;
}

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Sources use-node.sh in bash, then prints what a calling script would see. */
async function sourceUseNode(repo: string, cache: string, registryAddress = registryUrl): Promise<Outcome> {
  const script =
    'source scripts/use-node.sh --lowest-node || exit 1; ' +
    'echo "node=$(command -v node) version=$(node --version)"; ' +
    'echo "lowest=$OVH_PCA_LOWEST_NODE"; echo "nodedir=$npm_config_nodedir"';
  try {
    const { stdout, stderr } = await run('bash', ['-c', script], {
      cwd: repo,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        OVH_PCA_TOOLCHAIN_DIR: cache,
        npm_config_registry: registryAddress,
        npm_config_cache: join(work, `npm-cache-${Math.random().toString(36).slice(2)}`),
        npm_config_update_notifier: 'false',
        // npm retries a download that fails its integrity check, with pauses of 10 s and more.
        npm_config_fetch_retries: '0',
      },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ovh-pca-use-node-'));
  served.tarball = await makeNodePackage();
  served.integrity = `sha512-${createHash('sha512').update(served.tarball).digest('base64')}`;
  registry = createServer((request, response) => {
    requests.push(request.url ?? '');
    const base = `http://127.0.0.1:${(registry.address() as AddressInfo).port}`;
    if (request.url === `/${PACKAGE}`) {
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify({
          name: PACKAGE,
          'dist-tags': { latest: PINNED },
          versions: {
            [PINNED]: {
              name: PACKAGE,
              version: PINNED,
              dist: { tarball: `${base}/${PACKAGE}/-/${PACKAGE}-${PINNED}.tgz`, integrity: served.integrity },
            },
          },
        }),
      );
    } else if (request.url === `/${PACKAGE}/-/${PACKAGE}-${PINNED}.tgz`) {
      response.end(served.tarball);
    } else {
      response.statusCode = 404;
      response.end('{}');
    }
  });
  await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
  registryUrl = `http://127.0.0.1:${(registry.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise((resolve) => registry?.close(resolve));
  if (work) await rm(work, { recursive: true, force: true });
});

describe('scripts/use-node.sh', () => {
  it('fetches the pinned Node once, checked against the registry, and reuses it with no registry at all', async () => {
    const repo = await makeRepo('repo-fetch');
    const cache = join(work, 'cache-fetch');
    const first = await sourceUseNode(repo, cache);
    expect(first.stderr).toContain(`fetching Node ${PINNED} (${PACKAGE}) from the npm registry`);
    expect(first.code).toBe(0);
    const installed = join(cache, `${PACKAGE}-v${PINNED}`);
    expect(first.stdout).toContain(`node=${installed}/bin/node version=v${PINNED}`);
    expect((await readFile(join(installed, '.integrity'), 'utf8')).trim()).toBe(served.integrity);
    // Only the final directory is left: no half-unpacked download.
    expect(await readdir(cache)).toEqual([`${PACKAGE}-v${PINNED}`]);

    const second = await sourceUseNode(repo, cache, 'http://127.0.0.1:9/');
    expect(second.code).toBe(0);
    expect(second.stderr).not.toContain('fetching');
    expect(second.stdout).toContain(`version=v${PINNED}`);
  });

  it("names the CLI's oldest Node and builds native modules with its headers", async () => {
    const repo = await makeRepo('repo-lowest');
    const outcome = await sourceUseNode(repo, join(work, 'cache-lowest'));
    expect(outcome.code).toBe(0);
    const machineNode = (await run('bash', ['-c', 'command -v node'])).stdout.trim();
    expect(outcome.stdout).toContain(`lowest=${machineNode}\n`);
    const prefix = dirname(dirname(await realpath(machineNode)));
    expect(outcome.stdout).toContain(`nodedir=${prefix}\n`);
    await expect(readFile(join(prefix, 'include', 'node', 'node_api.h'))).resolves.toBeDefined();
  });

  it('refuses a download whose bytes differ from what the registry announced, keeping nothing', async () => {
    const repo = await makeRepo('repo-tampered');
    const cache = join(work, 'cache-tampered');
    const genuine = served.tarball;
    served.tarball = Buffer.concat([genuine, Buffer.from('tampered')]);
    try {
      const outcome = await sourceUseNode(repo, cache);
      expect(outcome.code).not.toBe(0);
      expect(outcome.stderr).toMatch(
        new RegExp(`use-node: step "(download|verify) ${PACKAGE}@${PINNED}" failed`),
      );
      expect(await readdir(cache)).toEqual([]);
    } finally {
      served.tarball = genuine;
    }
  });

  it('stops with the step named when the pinned version is not on the registry', async () => {
    const repo = await makeRepo('repo-missing');
    await writeFile(join(repo, '.node-version'), '99.9.9\n');
    const outcome = await sourceUseNode(repo, join(work, 'cache-missing'));
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain(`use-node: step "look up ${PACKAGE}@99.9.9 on the npm registry" failed`);
    expect(outcome.stdout).toBe('');
  });

  it('stops on a .node-version that is not an exact version', async () => {
    const repo = await makeRepo('repo-bad-pin');
    await writeFile(join(repo, '.node-version'), 'lts/*\n');
    const outcome = await sourceUseNode(repo, join(work, 'cache-bad-pin'));
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain(
      'use-node: step "read .node-version" failed: expected X.Y.Z, found "lts/*"',
    );
    expect(requests.filter((url) => url.includes('lts'))).toEqual([]);
  });
});
