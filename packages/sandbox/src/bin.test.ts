/** The built `ovh-sandbox` program, spawned as users run it. */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSandboxBin, startSandboxProcess } from './testing/sandbox-process.js';

let bin: string;
let removeBuild: () => void;
beforeAll(() => {
  ({ bin, remove: removeBuild } = buildSandboxBin());
});
afterAll(() => removeBuild());

const start = (args: string[]) => startSandboxProcess(bin, args);

describe('ovh-sandbox', () => {
  it('prints exactly one JSON line, serves signed calls, closes cleanly on SIGTERM', async () => {
    const started = await start(['--port', '0', '--seed', '5']);
    expect(Object.keys(started.line).sort()).toEqual(
      ['account', 'applicationKey', 'applicationSecret', 'consumerKey', 'endpoint', 'openstack', 's3'].sort(),
    );
    const s3 = started.line.s3;
    expect(s3.accessKey).toMatch(/^[0-9a-f]{32}$/);
    expect(s3.secretKey).toMatch(/^[0-9a-f]{32}$/);
    expect(Object.keys(s3.endpoints).sort()).toEqual(['EU-WEST-PAR', 'RBX-ARCHIVE']);
    expect(s3.endpoints['EU-WEST-PAR']).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const openstack = started.line.openstack as Record<string, string>;
    expect(Object.keys(openstack).sort()).toEqual(
      [
        'authUrl',
        'password',
        'projectDomain',
        'projectId',
        'projectName',
        'region',
        'userDomain',
        'username',
      ].sort(),
    );
    expect(openstack.authUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v3$/);
    // The user's project is the first seeded project, its id the serviceName API v1 lists.
    const keystone = await fetch(`${openstack.authUrl}/auth/tokens`, {
      method: 'POST',
      body: JSON.stringify({
        auth: {
          identity: {
            methods: ['password'],
            password: {
              user: {
                name: openstack.username,
                domain: { name: openstack.userDomain },
                password: openstack.password,
              },
            },
          },
          scope: { project: { id: openstack.projectId } },
        },
      }),
    });
    expect(keystone.status).toBe(201);
    expect(started.line.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/1\.0$/);
    expect(started.line.account).toEqual({
      nichandle: expect.stringMatching(/-ovh$/),
      password: expect.any(String),
    });

    const time = await fetch(`${started.line.endpoint}/auth/time`);
    expect(time.status).toBe(200);

    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
    expect(started.stdout().trimEnd().split('\n')).toHaveLength(1);
  });

  it('flushes --data on SIGINT', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ovh-sandbox-bin-'));
    try {
      const dataFile = join(dir, 'state.json');
      const started = await start(['--data', dataFile]);
      started.child.kill('SIGINT');
      expect(await started.exited).toBe(0);
      expect(await readFile(dataFile, 'utf8')).toContain(String(started.line.consumerKey));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with a message on a bad flag', async () => {
    const child = spawn(process.execPath, [bin, '--faults', 'lots']);
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('--faults expects a rate between 0 and 1');
    expect(stdout).toBe('');
  });
});
