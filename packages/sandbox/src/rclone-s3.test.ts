/**
 * rclone (Debian's package) with its s3 backend, provider Other, path style, configured only from
 * the sandbox's `s3` entry through the environment (secrets never on a command line): lists,
 * uploads in parts, downloads byte for byte, restores a DEEP_ARCHIVE object, and reports
 * SignatureDoesNotMatch for a wrong secret.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHandle, startSandbox } from './index.js';
import { rcloneEnvironment, runRclone } from './testing/run-rclone.js';

let sandbox: SandboxHandle;
let dir: string;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 41, objects: 4, restoreDelaySeconds: 0 });
  dir = await mkdtemp(join(tmpdir(), 'ovh-sandbox-rclone-s3-'));
  await writeFile(join(dir, 'rclone.conf'), '');
});
afterAll(async () => {
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

function rcloneEnv(secret: string): NodeJS.ProcessEnv {
  return rcloneEnvironment({
    RCLONE_CONFIG: join(dir, 'rclone.conf'),
    RCLONE_CONFIG_OVH_TYPE: 's3',
    RCLONE_CONFIG_OVH_PROVIDER: 'Other',
    RCLONE_CONFIG_OVH_ACCESS_KEY_ID: sandbox.s3.accessKey,
    RCLONE_CONFIG_OVH_SECRET_ACCESS_KEY: secret,
    RCLONE_CONFIG_OVH_ENDPOINT: sandbox.s3.endpoints['EU-WEST-PAR']!,
    RCLONE_CONFIG_OVH_REGION: 'eu-west-par',
    RCLONE_CONFIG_OVH_FORCE_PATH_STYLE: 'true',
  });
}

function rclone(args: string[], secret = sandbox.s3.secretKey): Promise<string> {
  return runRclone(args, rcloneEnv(secret));
}

const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('hex');

describe('rclone’s s3 backend against the sandbox’s S3', () => {
  it('uploads in parts, lists and downloads byte for byte', async () => {
    const bytes = randomBytes(11 * 1024 * 1024 + 321);
    await writeFile(join(dir, 'big.bin'), bytes);
    await rclone(['mkdir', 'ovh:rclone-parts']);
    sandbox.clearRequests();
    await rclone([
      'copyto',
      join(dir, 'big.bin'),
      'ovh:rclone-parts/2026/big.bin',
      '--s3-chunk-size',
      '5M',
      '--s3-upload-cutoff',
      '5M',
    ]);
    const parts = sandbox
      .requests()
      .filter((entry) => entry.method === 'PUT' && entry.path.includes('partNumber='));
    expect(parts).toHaveLength(3);
    const listed = JSON.parse(await rclone(['lsjson', '-R', 'ovh:rclone-parts'])) as Array<{
      Path: string;
      Size: number;
    }>;
    expect(listed.filter((entry) => entry.Size >= 0).map((entry) => [entry.Path, entry.Size])).toContainEqual(
      ['2026/big.bin', bytes.length],
    );
    await rclone(['copyto', 'ovh:rclone-parts/2026/big.bin', join(dir, 'back.bin')]);
    expect(md5(await readFile(join(dir, 'back.bin')))).toBe(md5(bytes));
  });

  it('uploads as DEEP_ARCHIVE, is refused the download, restores it, then downloads it', async () => {
    const bytes = randomBytes(70_000);
    await writeFile(join(dir, 'cold.bin'), bytes);
    await rclone(['mkdir', 'ovh:rclone-cold']);
    await rclone([
      'copyto',
      join(dir, 'cold.bin'),
      'ovh:rclone-cold/cold.bin',
      '--s3-storage-class',
      'DEEP_ARCHIVE',
    ]);
    const object =
      sandbox.state.publicCloud.projects[sandbox.openstack.projectId]!.s3!['EU-WEST-PAR']!.containers[
        'rclone-cold'
      ]!.objects['cold.bin']!;
    expect(object.storageClass).toBe('DEEP_ARCHIVE');
    // rclone reads the storage class from HEAD and refuses by itself; the GET would be InvalidObjectState.
    await expect(
      rclone([
        'copyto',
        'ovh:rclone-cold/cold.bin',
        join(dir, 'refused.bin'),
        '--low-level-retries',
        '1',
        '--retries',
        '1',
      ]),
    ).rejects.toThrow(/restore first|InvalidObjectState/);
    const answer = JSON.parse(
      await rclone([
        'backend',
        'restore',
        'ovh:rclone-cold',
        '--include',
        'cold.bin',
        '-o',
        'priority=Standard',
        '-o',
        'lifetime=1',
      ]),
    ) as Array<{ Status: string }>;
    expect(answer.map((entry) => entry.Status)).toEqual(['OK']);
    expect(object.restore).toBeTruthy();
    // --restore-delay 0: restored at once on the sandbox clock.
    await rclone(['copyto', 'ovh:rclone-cold/cold.bin', join(dir, 'cold-back.bin')]);
    expect(md5(await readFile(join(dir, 'cold-back.bin')))).toBe(md5(bytes));
  });

  it('reports SignatureDoesNotMatch for a wrong secret', async () => {
    await expect(
      rclone(['lsjson', 'ovh:', '--low-level-retries', '1', '--retries', '1'], 'f'.repeat(32)),
    ).rejects.toThrow(/SignatureDoesNotMatch/);
  });
});
