/**
 * rclone (Debian's package), s3 backend, against the RBX-ARCHIVE listener and the seeded Cold
 * Archive v1 buckets: listing works in every state, copying out works once restored and is refused
 * (InvalidObjectState) while archived, writing into an archived bucket is refused (AccessDenied).
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHandle, startSandbox } from './index.js';
import { rcloneEnvironment, runRclone } from './testing/run-rclone.js';

let sandbox: SandboxHandle;
let dir: string;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 43, objects: 3 });
  dir = await mkdtemp(join(tmpdir(), 'ovh-sandbox-rclone-cold-'));
  await writeFile(join(dir, 'rclone.conf'), '');
});
afterAll(async () => {
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

const rclone = (args: string[]) =>
  runRclone(
    [...args, '--low-level-retries', '1', '--retries', '1'],
    rcloneEnvironment({
      RCLONE_CONFIG: join(dir, 'rclone.conf'),
      RCLONE_CONFIG_COLD_TYPE: 's3',
      RCLONE_CONFIG_COLD_PROVIDER: 'Other',
      RCLONE_CONFIG_COLD_ACCESS_KEY_ID: sandbox.s3.accessKey,
      RCLONE_CONFIG_COLD_SECRET_ACCESS_KEY: sandbox.s3.secretKey,
      RCLONE_CONFIG_COLD_ENDPOINT: sandbox.s3.endpoints['RBX-ARCHIVE']!,
      RCLONE_CONFIG_COLD_REGION: 'rbx-archive',
      RCLONE_CONFIG_COLD_FORCE_PATH_STYLE: 'true',
    }),
  );

const objectsOf = (bucket: string) =>
  sandbox.state.publicCloud.projects[sandbox.openstack.projectId]!.s3!['RBX-ARCHIVE']!.containers[bucket]!
    .objects;

describe('rclone on Cold Archive v1 buckets', () => {
  it('lists every seeded bucket and the objects of an archived one', async () => {
    const buckets = (JSON.parse(await rclone(['lsjson', 'cold:'])) as Array<{ Path: string }>).map(
      (b) => b.Path,
    );
    expect(buckets).toEqual(
      expect.arrayContaining(['cold-active', 'cold-archiving', 'cold-locked', 'cold-restored']),
    );
    const listed = JSON.parse(await rclone(['lsjson', '-R', '--files-only', 'cold:cold-locked'])) as Array<{
      Path: string;
      Size: number;
    }>;
    expect(listed.map((entry) => entry.Path).sort()).toEqual(
      Object.keys(objectsOf('cold-locked'))
        .filter((key) => !key.endsWith('/'))
        .sort(),
    );
  });

  it('copies out of a restored bucket byte for byte, and is refused while archived', async () => {
    const restored = objectsOf('cold-restored')['README.txt']!;
    await rclone(['copyto', 'cold:cold-restored/README.txt', join(dir, 'readme.txt')]);
    const bytes = await readFile(join(dir, 'readme.txt'));
    expect(bytes.length).toBe(restored.bytes);
    const remote = (await rclone(['md5sum', 'cold:cold-restored/README.txt'])).split(' ')[0];
    expect(remote).toBe(createHash('md5').update(bytes).digest('hex'));
    sandbox.clearRequests();
    // rclone words the S3 InvalidObjectState error as "Object in GLACIER, restore first".
    await expect(rclone(['copyto', 'cold:cold-locked/README.txt', join(dir, 'locked.txt')])).rejects.toThrow(
      /restore first|InvalidObjectState/,
    );
    const gets = sandbox
      .requests()
      .filter((entry) => entry.method === 'GET' && entry.path.startsWith('/cold-locked/README.txt'));
    expect(gets.map((entry) => entry.status)).toEqual([403]);
  });

  it('writes into an active bucket, and is refused writing into an archived one', async () => {
    await writeFile(join(dir, 'new.txt'), 'new bytes');
    await rclone(['copyto', join(dir, 'new.txt'), 'cold:cold-active/new.txt']);
    expect(objectsOf('cold-active')['new.txt']?.bytes).toBe(9);
    await expect(rclone(['copyto', join(dir, 'new.txt'), 'cold:cold-locked/new.txt'])).rejects.toThrow(
      /AccessDenied/,
    );
  });
});
