import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSandbox } from '../index.js';
import { openSwiftSession } from '../testing/openstack-auth.js';
import { ovhCall } from '../testing/ovh-call.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ovh-sandbox-state-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('--data persistence', () => {
  it('keeps keys and changes across a restart, written atomically and privately', async () => {
    const dataFile = join(dir, 'state.json');
    const first = await startSandbox({ dataFile, seed: 4 });
    const created = await fetch(`${first.endpoint}/auth/credential`, {
      method: 'POST',
      headers: { 'X-Ovh-Application': first.applicationKey },
      body: JSON.stringify({ accessRules: [{ method: 'GET', path: '/me' }] }),
    });
    const { consumerKey } = (await created.json()) as { consumerKey: string };
    const revoked = first.createCredential();
    await ovhCall(first, { method: 'DELETE', path: `/me/api/credential/${revoked.credentialId}` });
    await first.close();

    expect((await stat(dataFile)).mode & 0o777).toBe(0o600);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    // Another seed would give other keys: the file wins.
    const second = await startSandbox({ dataFile, seed: 99 });
    try {
      expect(second.applicationKey).toBe(first.applicationKey);
      expect(second.consumerKey).toBe(first.consumerKey);
      expect((await ovhCall(second, { path: '/me' })).status).toBe(200);
      const keys = second.state.auth.credentials.map((credential) => credential.consumerKey);
      expect(keys).toContain(consumerKey);
      expect(keys).not.toContain(revoked.consumerKey);
    } finally {
      await second.close();
    }
  });

  it('writes changes while running, not only on close', async () => {
    const dataFile = join(dir, 'live.json');
    const sandbox = await startSandbox({ dataFile });
    try {
      const { consumerKey } = sandbox.createCredential();
      await sandbox.flush();
      expect(await readFile(dataFile, 'utf8')).toContain(consumerKey);
    } finally {
      await sandbox.close();
    }
  });

  it('migrates a file written by version 1 (before Public Cloud projects), keeping its keys', async () => {
    // Written by the sandbox as it was before version 2 (`--seed 3 --sessions 2 --files 2`).
    const dataFile = join(dir, 'v1.json');
    await copyFile(new URL('./fixtures/state-v1.json', import.meta.url), dataFile);
    const before = JSON.parse(await readFile(dataFile, 'utf8'));
    const sandbox = await startSandbox({ dataFile, seed: 3 });
    try {
      expect(sandbox.consumerKey).toBe(before.auth.credentials[0].consumerKey);
      const projects = await ovhCall<string[]>(sandbox, { path: '/cloud/project' });
      expect(projects.body).toHaveLength(2);
      const legacy = await ovhCall<string[]>(sandbox, { path: '/cloud' });
      expect(legacy.body).toEqual(Object.keys(before.cloud.passports));
      await sandbox.flush();
      const after = JSON.parse(await readFile(dataFile, 'utf8'));
      expect(after.version).toBe(3);
      expect(Object.keys(after.publicCloud.projects)).toEqual(projects.body);
    } finally {
      await sandbox.close();
    }
  });

  it('migrates a version 2 file (before Cold Archive v1): its first project gains the seeded buckets', async () => {
    const dataFile = join(dir, 'v2.json');
    const first = await startSandbox({ dataFile, seed: 4, objects: 2 });
    const project = first.openstack.projectId;
    await first.close();
    const written = JSON.parse(await readFile(dataFile, 'utf8'));
    delete written.publicCloud.projects[project].s3['RBX-ARCHIVE'];
    written.version = 2;
    await writeFile(dataFile, JSON.stringify(written));
    const sandbox = await startSandbox({ dataFile, seed: 4, objects: 2 });
    try {
      const list = await ovhCall<Array<{ name: string; status: string; objectsCount: number }>>(sandbox, {
        path: `/cloud/project/${project}/region/RBX-ARCHIVE/coldArchive`,
      });
      expect(list.body.map(({ name, status, objectsCount }) => [name, status, objectsCount])).toEqual([
        ['cold-active', 'none', 2],
        ['cold-archiving', 'archiving', 2],
        ['cold-locked', 'archived', 2],
        ['cold-restored', 'restored', 2],
      ]);
      await sandbox.flush();
      expect(JSON.parse(await readFile(dataFile, 'utf8')).version).toBe(3);
    } finally {
      await sandbox.close();
    }
  });

  it('has a change on disk before it answers it', async () => {
    const dataFile = join(dir, 'acked.json');
    const sandbox = await startSandbox({ dataFile });
    try {
      const created = await fetch(`${sandbox.endpoint}/auth/credential`, {
        method: 'POST',
        headers: { 'X-Ovh-Application': sandbox.applicationKey },
        body: JSON.stringify({ accessRules: [{ method: 'GET', path: '/me' }] }),
      });
      const { consumerKey } = (await created.json()) as { consumerKey: string };
      // No flush: the answer itself promises the file holds the key.
      expect(await readFile(dataFile, 'utf8')).toContain(consumerKey);
    } finally {
      await sandbox.close();
    }
  });

  it('keeps uploaded object bytes beside the data file across a restart', async () => {
    const dataFile = join(dir, 'objects.json');
    const bytes = Buffer.from('bytes that must survive a restart, é');
    const first = await startSandbox({ dataFile });
    const session = await openSwiftSession(first);
    expect((await session.swift('/standard-gra/kept/file.txt', { method: 'PUT', body: bytes })).status).toBe(
      201,
    );
    await first.close();
    expect((await readdir(`${dataFile}.objects`)).filter((name) => !name.endsWith('.part'))).toHaveLength(1);

    const second = await startSandbox({ dataFile });
    try {
      expect(second.objectDir).toBe(`${dataFile}.objects`);
      const again = await openSwiftSession(second);
      const read = await again.swift('/standard-gra/kept/file.txt');
      expect(Buffer.from(await read.arrayBuffer()).equals(bytes)).toBe(true);
    } finally {
      await second.close();
    }
  });

  it('answers 500, not 200, when the change cannot be saved', async () => {
    const sub = join(dir, 'gone');
    await mkdir(sub);
    const sandbox = await startSandbox({ dataFile: join(sub, 'state.json') });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await rm(sub, { recursive: true });
      const created = await fetch(`${sandbox.endpoint}/auth/credential`, {
        method: 'POST',
        headers: { 'X-Ovh-Application': sandbox.applicationKey },
        body: JSON.stringify({ accessRules: [{ method: 'GET', path: '/me' }] }),
      });
      expect(created.status).toBe(500);
      expect(await created.text()).not.toContain('consumerKey');
      expect(errors.mock.calls.flat().join(' ')).toMatch(/Cannot write sandbox data file/);
    } finally {
      await sandbox.close().catch(() => undefined);
      errors.mockRestore();
    }
  });

  it('removes temp files of a killed sandbox on start, never those of a live one', async () => {
    const dataFile = join(dir, 'state.json');
    const first = await startSandbox({ dataFile });
    await first.close();
    // A pid above the kernel's pid_max cannot be running.
    const stale = `state.json.${2 ** 22 + 1}.3.tmp`;
    const live = `state.json.${process.pid}.999.tmp`;
    const other = 'state.json.backup.tmp';
    for (const name of [stale, live, other]) await writeFile(join(dir, name), '{"half":');
    const second = await startSandbox({ dataFile });
    await second.close();
    const names = await readdir(dir);
    expect(names).not.toContain(stale);
    expect(names).toEqual(expect.arrayContaining([live, other]));
  });

  it('refuses a truncated file instead of reading part of it', async () => {
    const dataFile = join(dir, 'cut.json');
    const first = await startSandbox({ dataFile });
    await first.close();
    const whole = await readFile(dataFile, 'utf8');
    await writeFile(dataFile, whole.slice(0, Math.floor(whole.length / 2)));
    await expect(startSandbox({ dataFile })).rejects.toThrow(
      /cut\.json is not valid JSON \(\d+ bytes, truncated\); it was not loaded/,
    );
    await writeFile(dataFile, '');
    await expect(startSandbox({ dataFile })).rejects.toThrow(/\(0 bytes, truncated\)/);
  });

  it('refuses a file of another version, or not JSON, with a clear error', async () => {
    const old = join(dir, 'old.json');
    await writeFile(old, JSON.stringify({ version: 0, auth: {} }));
    await expect(startSandbox({ dataFile: old })).rejects.toThrow(/version 0.*reads version 3/);
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{not json');
    await expect(startSandbox({ dataFile: broken })).rejects.toThrow(/not valid JSON/);
  });
});
