/**
 * rclone (Debian's package, scripts/install-system-deps.sh) with its swift backend, configured only
 * from what the sandbox's JSON line gives, works unchanged: lists, uploads in segments (into a
 * segments container it creates with policy PCA) and downloads sealed objects after obeying
 * Retry-After. Secrets go through the environment, never the command line.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHandle, startSandbox } from './index.js';
import { openSwiftSession } from './testing/openstack-auth.js';
import { runRclone, swiftRemoteEnvironment } from './testing/run-rclone.js';

let sandbox: SandboxHandle;
let dir: string;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 21, objects: 5, retrievalDelaySeconds: 2 });
  dir = await mkdtemp(join(tmpdir(), 'ovh-sandbox-rclone-'));
  await writeFile(join(dir, 'rclone.conf'), '');
});
afterAll(async () => {
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

function rcloneEnv(): NodeJS.ProcessEnv {
  return swiftRemoteEnvironment(sandbox.openstack, join(dir, 'rclone.conf'));
}

function rclone(...args: string[]): Promise<string> {
  return runRclone(args, rcloneEnv());
}

/** Sealed first (429), served at last (200), nothing else between. */
function expectRetriedUntilServed(statuses: number[]): void {
  expect(statuses[0]).toBe(429);
  expect(statuses.at(-1)).toBe(200);
  expect(statuses.slice(0, -1).every((status) => status === 429)).toBe(true);
}

describe('rclone against the sandbox’s Swift', () => {
  it('lists containers and a Cloud Archive container’s keys, slashes and non-ASCII included', async () => {
    const containers = JSON.parse(await rclone('lsjson', 'pca:')) as { Name: string }[];
    expect(containers.map((entry) => entry.Name)).toEqual(['archives-gra', 'standard-gra']);
    const standard = JSON.parse(await rclone('lsjson', '-R', '--files-only', 'pca:standard-gra')) as {
      Path: string;
      Size: number;
    }[];
    const project = sandbox.state.publicCloud.projects[sandbox.openstack.projectId]!;
    const seeded = Object.values(project.storage.GRA!.containers['standard-gra']!.objects).filter(
      (object) => !object.key.endsWith('/'),
    );
    expect(standard.map((entry) => entry.Path).sort()).toEqual(seeded.map((object) => object.key).sort());
    expect(standard.map((entry) => entry.Path)).toContain('photos/2026/été/plage-été.jpg');
  });

  it('uploads a file in segments into a PCA segments container, then downloads it after Retry-After', async () => {
    const bytes = randomBytes(2_600_000);
    await writeFile(join(dir, 'upload.bin'), bytes);
    await rclone('mkdir', 'pca:vault');
    await rclone('copyto', join(dir, 'upload.bin'), 'pca:vault/2026/upload.bin', '--swift-chunk-size', '1M');
    const session = await openSwiftSession(sandbox);
    const segments = await session.swift('/vault_segments', { method: 'HEAD' });
    expect(segments.headers.get('x-storage-policy')).toBe('PCA');
    expect(Number(segments.headers.get('x-container-object-count'))).toBe(3);
    expect((await session.swift('/vault', { method: 'HEAD' })).headers.get('x-storage-policy')).toBe('PCA');

    sandbox.clearRequests();
    await rclone('copyto', 'pca:vault/2026/upload.bin', join(dir, 'back.bin'), '--low-level-retries', '10');
    const back = await readFile(join(dir, 'back.bin'));
    expect(createHash('md5').update(back).digest('hex')).toBe(createHash('md5').update(bytes).digest('hex'));
    const gets = sandbox
      .requests()
      .filter((entry) => entry.method === 'GET' && entry.path.endsWith('/vault/2026/upload.bin'));
    expectRetriedUntilServed(gets.map((entry) => entry.status));
  });

  it('downloads a seeded sealed object once unsealed', async () => {
    sandbox.clearRequests();
    await rclone(
      'copyto',
      'pca:archives-gra/README.txt',
      join(dir, 'readme.txt'),
      '--low-level-retries',
      '10',
    );
    const project = sandbox.state.publicCloud.projects[sandbox.openstack.projectId]!;
    const readme = project.storage.GRA!.containers['archives-gra']!.objects['README.txt']!;
    const text = await readFile(join(dir, 'readme.txt'));
    expect(text.length).toBe(readme.bytes);
    expect(createHash('md5').update(text).digest('hex')).toBe(readme.etag);
    const statuses = sandbox
      .requests()
      .filter((entry) => entry.method === 'GET' && entry.path.endsWith('/README.txt'));
    expectRetriedUntilServed(statuses.map((entry) => entry.status));
  });

  it('purges a container holding a segmented upload: the segments go too, by bulk delete', async () => {
    await writeFile(join(dir, 'purge.bin'), randomBytes(2_600_000));
    await writeFile(join(dir, 'small.txt'), 'small');
    await rclone('copyto', join(dir, 'purge.bin'), 'pca:purged/big.bin', '--swift-chunk-size', '1M');
    await rclone('copyto', join(dir, 'small.txt'), 'pca:purged/small.txt');
    const session = await openSwiftSession(sandbox);
    const segmentCount = async () =>
      Number(
        (await session.swift('/purged_segments', { method: 'HEAD' })).headers.get('x-container-object-count'),
      );
    expect(await segmentCount()).toBe(3);
    sandbox.clearRequests();
    await rclone('purge', 'pca:purged');
    const purge = sandbox.requests();
    expect((await session.swift('/purged', { method: 'HEAD' })).status).toBe(404);
    expect(await segmentCount()).toBe(0);
    const bulk = purge.filter((entry) => entry.path.includes('bulk-delete'));
    // ncw/swift sends the older form, DELETE ?bulk-delete.
    expect(bulk.map((entry) => [entry.method, entry.status])).toEqual([['DELETE', 200]]);
    // Without bulk delete rclone met a 405 and left the segments behind, billed.
    expect(purge.filter((entry) => entry.method !== 'HEAD' && entry.status >= 400)).toEqual([]);
  });
});
