import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SandboxHandle, startSandbox } from '@ovh-pca/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../exit-codes.js';
import { makeTestHome, runBuiltCli, sandboxKeysEnv } from '../../testing/run-built-cli.js';

// `upload` and `download` on Cold Archive v2 (DEEP_ARCHIVE objects of an EU-WEST-PAR bucket) and
// v1 (an RBX-ARCHIVE bucket), as the built binary against the sandbox's API v1 and S3 listeners.
// S3 credentials are created through API v1 and kept in the keychain (with-keyring.sh).
let sandbox: SandboxHandle;
let home: Awaited<ReturnType<typeof makeTestHome>>;
let folder: string;
const cli = (args: string[]) => runBuiltCli(args, { env: { ...home.env, ...sandboxKeysEnv(sandbox) } });
const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');
const MIB = 1024 * 1024;
const s3Requests = () => sandbox.requests().filter((entry) => entry.protocol === 's3');

async function advanceClock(seconds: number): Promise<void> {
  const answer = await fetch(`${new URL(sandbox.url).origin}/_sandbox/clock`, {
    method: 'POST',
    body: JSON.stringify({ advanceSeconds: seconds }),
  });
  expect(answer.status).toBe(200);
}

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 71, sessions: 1, files: 1, objects: 2, restoreDelaySeconds: 600 });
  home = await makeTestHome();
  folder = await mkdtemp(join(tmpdir(), 'ovh-pca-s3-cli-'));
});
afterAll(async () => {
  await sandbox?.close();
  await home?.dispose();
  await rm(folder, { recursive: true, force: true });
});

describe('S3 transfers in the CLI', () => {
  it('v2: uploads as DEEP_ARCHIVE in parts, refuses the download until retrieved for a day, then byte for byte', async () => {
    const big = randomBytes(11 * MIB + 17);
    const small = randomBytes(40_000);
    await writeFile(join(folder, 'big.bin'), big);
    await writeFile(join(folder, 'small.bin'), small);
    const archive = 'EU-WEST-PAR/deep-archive-par';
    const up = await cli([
      'upload',
      join(folder, 'big.bin'),
      join(folder, 'small.bin'),
      archive,
      '--prefix',
      'g2',
      '--storage-class',
      'DEEP_ARCHIVE',
      '--segment-size',
      '5MiB',
      '--json',
    ]);
    expect(up.code, up.stderr).toBe(0);
    const uploaded = JSON.parse(up.stdout) as Array<{ key: string; outcome: string; segments: number }>;
    expect(uploaded.map((row) => [row.key, row.outcome, row.segments])).toEqual([
      ['g2/big.bin', 'uploaded', 3],
      ['g2/small.bin', 'uploaded', 0],
    ]);
    expect(up.stderr).toContain('Created object-storage user');
    const puts = s3Requests().filter((entry) => entry.method === 'PUT' && entry.status === 200);
    expect(puts.filter((entry) => entry.path.includes('partNumber='))).toHaveLength(3);

    // A re-run sends nothing (HEADs only on the S3 side).
    sandbox.clearRequests();
    const again = await cli([
      'upload',
      join(folder, 'big.bin'),
      archive,
      '--prefix',
      'g2',
      '--storage-class',
      'DEEP_ARCHIVE',
      '--json',
    ]);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)[0]).toMatchObject({ outcome: 'unchanged' });
    expect(s3Requests().map((entry) => entry.method)).toEqual(['HEAD']);

    const refused = await cli(['download', archive, 'g2/big.bin', '-o', join(folder, 'out', 'big.bin')]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('retrieve it first');
    expect(refused.stderr).toContain('--days N');

    const retrieve = await cli(['retrieve', archive, 'g2/big.bin', '--days', '1']);
    expect(retrieve.code, retrieve.stderr).toBe(0);
    await advanceClock(601);
    sandbox.clearRequests();
    const down = await cli([
      'download',
      archive,
      'g2/big.bin',
      '-o',
      join(folder, 'out', 'big.bin'),
      '--json',
    ]);
    expect(down.code, down.stderr).toBe(0);
    expect(JSON.parse(down.stdout)).toMatchObject({ downloaded: 1, failed: 0 });
    expect(JSON.parse(down.stdout).objects[0]).toMatchObject({ verification: 'md5' });
    expect(md5(await readFile(join(folder, 'out', 'big.bin')))).toBe(md5(big));
  });

  it('v1: uploads into a bucket not archived yet and downloads it back; --storage-class is refused there', async () => {
    const bytes = randomBytes(300_000);
    await writeFile(join(folder, 'v1.bin'), bytes);
    const bucket = `${sandbox.openstack.projectId}/RBX-ARCHIVE/g2-v1-bucket`;
    const create = await cli(['archives', 'create', bucket, '--product', 'cold-archive']);
    expect(create.code, create.stderr).toBe(0);

    sandbox.clearRequests();
    const wrong = await cli(['upload', join(folder, 'v1.bin'), bucket, '--storage-class', 'DEEP_ARCHIVE']);
    expect(wrong.code).toBe(ExitCode.usage);
    expect(wrong.stderr).toContain('--storage-class is for Cold Archive v2');
    expect(s3Requests()).toEqual([]);
    const bad = await cli(['upload', join(folder, 'v1.bin'), bucket, '--storage-class', 'GLACIER']);
    expect(bad.code).toBe(ExitCode.usage);

    const up = await cli(['upload', join(folder, 'v1.bin'), bucket]);
    expect(up.code, up.stderr).toBe(0);
    const down = await cli(['download', bucket, 'v1.bin', '-o', join(folder, 'v1-out.bin')]);
    expect(down.code, down.stderr).toBe(0);
    expect(md5(await readFile(join(folder, 'v1-out.bin')))).toBe(md5(bytes));

    // Archived: downloads say to restore the bucket first, uploads are refused; no S3 request.
    const archived = await cli(['archives', 'archive', bucket, '--yes']);
    expect(archived.code, archived.stderr).toBe(0);
    await advanceClock(601);
    sandbox.clearRequests();
    const refused = await cli(['download', bucket, 'v1.bin', '-o', join(folder, 'v1-again.bin')]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('is archived: restore the bucket first');
    const upload = await cli(['upload', join(folder, 'v1.bin'), bucket]);
    expect(upload.code).toBe(ExitCode.usage);
    expect(upload.stderr).toContain('takes new objects only before it is archived');
    expect(s3Requests()).toEqual([]);
  });
});
