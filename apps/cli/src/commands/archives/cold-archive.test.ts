/**
 * Cold Archive v1 and v2 as the built binary, as a new user (issue 12 "Done means"): what reaches
 * the sandbox, what never does, and where the S3 key lives (the keychain, never a file or output).
 * Bytes go in and out through API v1 presigned URLs (the transfer commands come with their own
 * suite). Time moves by the sandbox clock only.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OvhClient } from '@ovh-pca/core';
import { type SandboxHandle, startSandbox } from '@ovh-pca/sandbox';
import keytar from 'keytar';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../exit-codes.js';
import { makeTestHome, runBuiltCli, sandboxKeysEnv } from '../../testing/run-built-cli.js';

const DELAY = 3;
const DAY = 86_400;
let sandbox: SandboxHandle;
let home: Awaited<ReturnType<typeof makeTestHome>>;
let project: string;
let api: OvhClient;
const cli = (args: string[]) => runBuiltCli(args, { env: { ...home.env, ...sandboxKeysEnv(sandbox) } });

beforeAll(async () => {
  sandbox = await startSandbox({
    seed: 61,
    sessions: 1,
    files: 1,
    objects: 8,
    restoreDelaySeconds: DELAY,
    taskDurationSeconds: 1,
  });
  home = await makeTestHome();
  project = sandbox.openstack.projectId;
  api = new OvhClient({
    endpoint: sandbox.endpoint,
    applicationKey: sandbox.applicationKey,
    applicationSecret: sandbox.applicationSecret,
    consumerKey: sandbox.consumerKey,
  });
});
afterAll(async () => {
  await sandbox?.close();
  await home?.dispose();
});
beforeEach(() => sandbox.clearRequests());

const apiWrites = () =>
  sandbox
    .requests()
    .filter((entry) => entry.protocol === 'ovh' && (entry.method === 'POST' || entry.method === 'DELETE'))
    .map((entry) => `${entry.method} ${entry.path.replace(/^\/1\.0\/cloud\/project\/[^/]+/, '')}`);
const advance = (seconds: number) => {
  sandbox.clock.skewSeconds += seconds;
};

/** A presigned URL from API v1 (the route S3-less clients use), and the request it needs. */
async function presign(route: string, body: Record<string, unknown>) {
  return api.request<{ url: string; signedHeaders: Record<string, string> }>('POST', `${route}/presign`, {
    body,
  });
}

async function put(route: string, key: string, bytes: Buffer, storageClass?: string) {
  const signed = await presign(route, {
    method: 'PUT',
    object: key,
    expire: 600,
    ...(storageClass && { storageClass }),
  });
  const headers = Object.fromEntries(
    Object.entries(signed.signedHeaders).filter(([name]) => name !== 'Host'),
  );
  const answer = await fetch(signed.url, { method: 'PUT', body: bytes, headers });
  expect(answer.status).toBe(200);
}

async function get(route: string, key: string): Promise<{ status: number; bytes: Buffer }> {
  const signed = await presign(route, { method: 'GET', object: key, expire: 600 });
  const answer = await fetch(signed.url);
  return { status: answer.status, bytes: Buffer.from(await answer.arrayBuffer()) };
}

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe('Cold Archive v1 (cold-archive), as a new user', () => {
  const route = () => `/cloud/project/${project}/region/RBX-ARCHIVE/coldArchive/ca-cli`;
  const payload = Buffer.from(Array.from({ length: 70_000 }, (_, index) => (index * 31) % 251));

  it('creates a bucket with an S3 user and key it says it created, kept in the keychain only', async () => {
    const run = await cli([
      'archives',
      'create',
      `${project}/RBX-ARCHIVE/ca-cli`,
      '--product',
      'cold-archive',
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      product: 'cold-archive',
      region: 'RBX-ARCHIVE',
      state: 'none',
    });
    expect(run.stderr).toMatch(/Created object-storage user user-\S+ \(id \d+, "ovh-pca S3 access"/);
    expect(run.stderr).toMatch(/Created S3 credential [0-9a-f]{32} .*kept in the OS keychain/);
    const stored = JSON.parse(
      (await keytar.getPassword('ovh-pca', `s3:${sandbox.endpoint}:${project}`)) ?? '{}',
    );
    expect(stored.secretAccessKey).toMatch(/^[0-9a-f]{32}$/);
    expect(run.stdout + run.stderr).not.toContain(stored.secretAccessKey);
    for (const file of await filesUnder(home.home)) {
      expect((await readFile(file)).includes(stored.secretAccessKey), file).toBe(false);
    }
    // A second bucket reuses them: nothing more created.
    const again = await cli([
      'archives',
      'create',
      `${project}/RBX-ARCHIVE/ca-empty`,
      '--product',
      'cold-archive',
    ]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toMatch(/Created (object-storage user|S3 credential)/);
    expect(apiWrites().filter((line) => line.includes('/user'))).toHaveLength(2);
  });

  it('refuses, before any request, to archive an empty bucket (exit 2)', async () => {
    const run = await cli(['archives', 'archive', 'ca-empty', '--yes']);
    expect(run.code).toBe(ExitCode.usage);
    expect(run.stderr).toMatch(/empty/);
    expect(apiWrites()).toEqual([]);
  });

  it('archives with a lock after a preview; then destroy, a shorter lock and delete are refused with the date', async () => {
    await put(route(), 'backup/full.tar', payload);
    await put(route(), 'backup/notes.txt', Buffer.from('notes'));
    sandbox.clearRequests();
    const noTerminal = await cli(['archives', 'archive', 'ca-cli', '--lock-days', '30']);
    expect(noTerminal.code).toBe(ExitCode.usage);
    expect(apiWrites()).toEqual([]);

    const run = await cli([
      'archives',
      'archive',
      'ca-cli',
      '--lock-days',
      '30',
      '--yes',
      '--wait',
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/180 days/);
    expect(run.stderr).toMatch(/never shortened/);
    const archived = JSON.parse(run.stdout);
    expect(archived).toMatchObject({ state: 'archived', phase: 'offline' });
    expect(apiWrites()).toEqual(['POST /region/RBX-ARCHIVE/coldArchive/ca-cli/archive']);

    sandbox.clearRequests();
    const destroy = await cli(['archives', 'destroy', 'ca-cli', '--yes']);
    expect(destroy.code).toBe(ExitCode.usage);
    expect(destroy.stderr).toContain(`locked until ${archived.lockedUntil}`);
    const shorter = await cli(['archives', 'archive', 'ca-cli', '--lock-days', '5', '--yes']);
    expect(shorter.code).toBe(ExitCode.usage);
    expect(shorter.stderr).toMatch(/only be extended/);
    const remove = await cli(['archives', 'delete', 'ca-cli', '--yes']);
    expect(remove.code).toBe(ExitCode.usage);
    expect(remove.stderr).toMatch(/once flushed/);
    expect(apiWrites()).toEqual([]);

    const listed = await cli(['archives', 'list', '--product', 'cold-archive', '--json']);
    const row = (JSON.parse(listed.stdout) as Array<Record<string, unknown>>).find(
      (entry) => entry.name === 'ca-cli',
    );
    expect(row).toMatchObject({ state: 'archived', lockedUntil: archived.lockedUntil, restoredUntil: null });
  });

  it('restores the whole bucket (retrieve), reads it back byte for byte, flushes it once the lock ends, deletes it', async () => {
    const run = await cli(['retrieve', 'ca-cli', '--prefix', '', '--yes', '--wait', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/30 days/);
    const objects = JSON.parse(run.stdout) as Array<{ key: string; state: string; retrievableUntil: string }>;
    expect(objects.map((object) => [object.key, object.state])).toEqual([
      ['backup/full.tar', 'restored'],
      ['backup/notes.txt', 'restored'],
    ]);
    expect(objects[0]!.retrievableUntil).toBeTruthy();
    const again = await cli(['retrieve', 'ca-cli', 'backup/notes.txt', '--yes']);
    expect(again.code, again.stderr).toBe(0);
    expect(apiWrites()).toEqual(['POST /region/RBX-ARCHIVE/coldArchive/ca-cli/restore']);
    const back = await get(route(), 'backup/full.tar');
    expect(back.status).toBe(200);
    expect(back.bytes.equals(payload)).toBe(true);
    const listed = await cli(['archives', 'list', '--product', 'cold-archive', '--json']);
    const row = (JSON.parse(listed.stdout) as Array<Record<string, unknown>>).find(
      (entry) => entry.name === 'ca-cli',
    );
    expect(row?.restoredUntil).toBe(objects[0]!.retrievableUntil);

    advance(31 * DAY);
    sandbox.clearRequests();
    const flush = await cli(['archives', 'destroy', 'ca-cli', '--yes', '--wait', '--json']);
    expect(flush.code, flush.stderr).toBe(0);
    expect(flush.stderr).toMatch(/cannot be undone/);
    expect(JSON.parse(flush.stdout)).toMatchObject({ state: 'flushed' });
    const remove = await cli(['archives', 'delete', 'ca-cli', '--yes']);
    expect(remove.code, remove.stderr).toBe(0);
    expect(apiWrites()).toEqual([
      'POST /region/RBX-ARCHIVE/coldArchive/ca-cli/destroy',
      'DELETE /region/RBX-ARCHIVE/coldArchive/ca-cli',
    ]);
  });
});

describe('lifecycle steps and retrievals, re-run', () => {
  it('a re-run follows a step under way and sends nothing again', async () => {
    const route = `/cloud/project/${project}/region/RBX-ARCHIVE/coldArchive/ca-resume`;
    expect(
      (await cli(['archives', 'create', `${project}/RBX-ARCHIVE/ca-resume`, '--product', 'cold-archive']))
        .code,
    ).toBe(0);
    await put(route, 'one.txt', Buffer.from('one'));
    // An hour-long step: it moves on only when the test moves the sandbox clock.
    sandbox.setBehaviour({ restoreDelaySeconds: 3600 });
    sandbox.clearRequests();
    const started = await cli(['archives', 'archive', 'ca-resume', '--yes', '--json']);
    expect(started.code, started.stderr).toBe(0);
    expect(JSON.parse(started.stdout).state).toBe('archiving');
    let advanced = false;
    const resumed = await runBuiltCli(['archives', 'archive', 'ca-resume', '--yes', '--wait', '--json'], {
      env: { ...home.env, ...sandboxKeysEnv(sandbox) },
      onStderr: (text) => {
        if (!advanced && text.includes('nothing sent')) {
          advanced = true;
          advance(3601);
        }
      },
    });
    sandbox.setBehaviour({ restoreDelaySeconds: DELAY });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/already archiving: nothing sent/);
    expect(JSON.parse(resumed.stdout).state).toBe('archived');
    const done = await cli(['archives', 'archive', 'ca-resume', '--yes']);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stderr).toMatch(/already archived: nothing sent/);
    expect(apiWrites()).toEqual(['POST /region/RBX-ARCHIVE/coldArchive/ca-resume/archive']);
  });
});

describe('Cold Archive v2 (deep-archive), as a new user', () => {
  const route = () => `/cloud/project/${project}/region/EU-WEST-PAR/storage/deep-cli`;
  const payload = Buffer.from('deep archive bytes '.repeat(3000));

  it('an object put as DEEP_ARCHIVE is refused until retrieved for a day, then comes back byte for byte', async () => {
    const created = await cli([
      'archives',
      'create',
      `${project}/EU-WEST-PAR/deep-cli`,
      '--product',
      'deep-archive',
    ]);
    expect(created.code, created.stderr).toBe(0);
    await put(route(), 'cold/blob.bin', payload, 'DEEP_ARCHIVE');
    await put(route(), 'warm/readme.txt', Buffer.from('hi'));
    const listed = await cli(['objects', 'list', 'deep-cli', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(
      (JSON.parse(listed.stdout) as Array<{ key: string; state: string }>).map((o) => [o.key, o.state]),
    ).toEqual([
      ['cold/blob.bin', 'archived'],
      ['warm/readme.txt', 'available'],
    ]);
    expect((await get(route(), 'cold/blob.bin')).status).toBe(403);

    sandbox.clearRequests();
    const noDays = await cli(['retrieve', 'deep-cli', 'cold/blob.bin']);
    expect(noDays.code).toBe(ExitCode.usage);
    expect(noDays.stderr).toMatch(/--days N/);
    const badDays = await cli(['retrieve', 'deep-cli', 'cold/blob.bin', '--days', '0']);
    expect(badDays.code).toBe(ExitCode.usage);
    expect(apiWrites()).toEqual([]);

    const run = await cli(['retrieve', 'deep-cli', '--prefix', '', '--days', '1', '--wait', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const final = JSON.parse(run.stdout) as Array<{
      key: string;
      state: string;
      retrievableUntil: string | null;
    }>;
    expect(final.map((object) => [object.key, object.state])).toEqual([
      ['cold/blob.bin', 'restored'],
      ['warm/readme.txt', 'available'],
    ]);
    expect(Date.parse(final[0]!.retrievableUntil!)).toBeGreaterThan(sandbox.clock.nowMs());
    expect(apiWrites()).toEqual([
      `POST /region/EU-WEST-PAR/storage/deep-cli/object/cold%2Fblob%2Ebin/restore`,
    ]);
    const back = await get(route(), 'cold/blob.bin');
    expect(back.status).toBe(200);
    expect(back.bytes.equals(payload)).toBe(true);
  });
});
