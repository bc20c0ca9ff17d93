import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudArchiveBackend, OvhClient } from '@ovh-pca/core';
import { downloadToFile, partPathOf } from '@ovh-pca/platform-node';
import { openSwiftSession, type SandboxHandle, type SwiftSession, startSandbox } from '@ovh-pca/sandbox';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../exit-codes.js';
import { makeTestHome, runBuiltCli, sandboxKeysEnv } from '../../testing/run-built-cli.js';

// `download`, as the built binary against the sandbox's API v1 and Swift, into real folders.
let sandbox: SandboxHandle;
let swift: SwiftSession;
let home: Awaited<ReturnType<typeof makeTestHome>>;
let folder: string;
const cli = (args: string[]) => runBuiltCli(args, { env: { ...home.env, ...sandboxKeysEnv(sandbox) } });
const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');
const encodeKey = (key: string) => key.split('/').map(encodeURIComponent).join('/');

async function put(key: string, body: Uint8Array | string): Promise<void> {
  const response = await swift.swift(`/archives-gra/${encodeKey(key)}`, { method: 'PUT', body });
  expect(response.status, key).toBe(201);
}
const swiftGets = (key: string) =>
  sandbox
    .requests()
    .filter(
      (entry) =>
        entry.protocol === 'swift' && entry.method === 'GET' && entry.path.endsWith(`/${encodeKey(key)}`),
    );

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 61, sessions: 2, files: 1, objects: 6, retrievalDelaySeconds: 0 });
  swift = await openSwiftSession(sandbox);
  home = await makeTestHome();
});
afterAll(async () => {
  await sandbox?.close();
  await home?.dispose();
});
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'ovh-pca-dl-cli-'));
  sandbox.clearRequests();
});
afterEach(async () => {
  sandbox.setBehaviour({ retrievalDelaySeconds: 0 });
  await rm(folder, { recursive: true, force: true });
});

describe('download', () => {
  it('downloads a prefix into subfolders, byte for byte, with a --json summary; a re-run skips them', async () => {
    const files = {
      'dl1/photos/été/plage.jpg': randomBytes(700_000),
      'dl1/写真/アルバム 01.tar': randomBytes(123_457),
      'dl1/readme.txt': Buffer.from('hello\n'),
    };
    for (const [key, bytes] of Object.entries(files)) await put(key, bytes);
    const run = await cli(['download', 'archives-gra', '--prefix', 'dl1/', '-o', folder, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ downloaded: 3, skipped: 0, notReady: 0, failed: 0, target: folder });
    expect(report.archive).toMatch(/\/GRA\/archives-gra$/);
    expect(Object.keys(report.objects[0])).toEqual([
      'key',
      'path',
      'bytes',
      'outcome',
      'resumedFrom',
      'verification',
      'readyAt',
      'error',
    ]);
    for (const [key, bytes] of Object.entries(files)) {
      expect(md5(await readFile(join(folder, ...key.split('/'))))).toBe(md5(bytes));
    }
    expect(await readdir(join(folder, 'dl1'))).toEqual(
      expect.arrayContaining(['photos', '写真', 'readme.txt']),
    );
    sandbox.clearRequests();
    const again = await cli(['download', 'archives-gra', '--prefix', 'dl1/', '-o', folder, '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ downloaded: 0, skipped: 3 });
    expect(sandbox.requests().filter((entry) => entry.range !== undefined)).toEqual([]);
  });

  it('writes one key to the file -o names, and prints a summary line without --json', async () => {
    const bytes = randomBytes(50_000);
    await put('dl2/one.bin', bytes);
    const target = join(folder, 'renamed.bin');
    const run = await cli(['download', 'GRA/archives-gra', 'dl2/one.bin', '-o', target]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/1 downloaded \(50\.0 kB\)/);
    expect((await readFile(target)).equals(bytes)).toBe(true);
    expect(await readdir(folder)).toEqual(['renamed.bin']);
  });

  it('resumes the .part an interrupted run left: one Range from where it stopped', async () => {
    const bytes = randomBytes(3 * 1024 * 1024);
    await put('dl3/big.bin', bytes);
    // The interrupted run: the same writer, stopped after its first megabyte.
    const client = new OvhClient({
      endpoint: sandbox.endpoint,
      applicationKey: sandbox.applicationKey,
      applicationSecret: sandbox.applicationSecret,
      consumerKey: sandbox.consumerKey,
    });
    const cloud = new CloudArchiveBackend({ client });
    const archive = (await cloud.listArchives()).find((entry) => entry.name === 'archives-gra')!;
    const target = join(folder, 'dl3', 'big.bin');
    const stop = new AbortController();
    await expect(
      downloadToFile({
        target,
        open: (signal) => cloud.openDownload(archive, 'dl3/big.bin', { signal }),
        signal: stop.signal,
        onProgress: ({ received }) => received >= 1024 * 1024 && stop.abort(new Error('interrupted')),
      }),
    ).rejects.toThrow('interrupted');
    const kept = (await stat(partPathOf(target))).size;
    sandbox.clearRequests();
    const run = await cli(['download', 'archives-gra', 'dl3/big.bin', '-o', `${folder}/`, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).objects[0]).toMatchObject({ outcome: 'downloaded', resumedFrom: kept });
    expect(swiftGets('dl3/big.bin').map((entry) => entry.range)).toEqual([
      `bytes=${kept}-${bytes.length - 1}`,
    ]);
    expect((await readFile(target)).equals(bytes)).toBe(true);
    expect(await readdir(join(folder, 'dl3'))).toEqual(['big.bin']);
  });

  it('a sealed object: exit 1, its ready time, nothing written; --wait retrieves it, then downloads', async () => {
    await put('dl4/sealed.bin', randomBytes(1000));
    sandbox.setBehaviour({ retrievalDelaySeconds: 600 });
    const before = sandbox.clock.nowMs();
    const refused = await cli(['download', 'archives-gra', 'dl4/sealed.bin', '-o', folder, '--json']);
    expect(refused.code).toBe(ExitCode.failed);
    const report = JSON.parse(refused.stdout);
    expect(report).toMatchObject({ downloaded: 0, notReady: 1 });
    expect(Date.parse(report.objects[0].readyAt)).toBeGreaterThanOrEqual(before + 599_000);
    expect(refused.stderr).toContain(`dl4/sealed.bin: sealed, unsealing, ready at`);
    expect(refused.stderr).toContain(report.objects[0].readyAt);
    expect(refused.stderr).toMatch(/--wait/);
    expect(await readdir(folder)).toEqual([]);

    const bytes = randomBytes(2000);
    await put('dl4/wait.bin', bytes);
    sandbox.setBehaviour({ retrievalDelaySeconds: 2 });
    sandbox.clearRequests();
    const waited = await cli(['download', 'archives-gra', 'dl4/wait.bin', '-o', folder, '--wait', '--json']);
    expect(waited.code, waited.stderr).toBe(0);
    expect(JSON.parse(waited.stdout)).toMatchObject({ downloaded: 1 });
    expect((await readFile(join(folder, 'dl4', 'wait.bin'))).equals(bytes)).toBe(true);
    expect(swiftGets('dl4/wait.bin').map((entry) => entry.status)).toEqual([429, 206]);
  });

  it('some ready, some sealed: the ready ones are written, exit 3', async () => {
    await put('dl5/a.bin', 'a');
    await put('dl5/b.bin', 'b');
    // a is unsealed now; then b is sealed with a long delay.
    expect((await cli(['download', 'archives-gra', 'dl5/a.bin', '-o', folder])).code).toBe(0);
    sandbox.setBehaviour({ retrievalDelaySeconds: 600 });
    const run = await cli(['download', 'archives-gra', '--prefix', 'dl5/', '-o', folder, '--json']);
    expect(run.code).toBe(ExitCode.partial);
    expect(JSON.parse(run.stdout).objects.map((object: { outcome: string }) => object.outcome)).toEqual([
      'skipped',
      'not-ready',
    ]);
  });

  it.each([
    [['download', 'archives-gra'], /KEY\.\.\. or --prefix/],
    [['download', 'archives-gra', '../escape'], /cannot be downloaded: it has a "\.\." segment/],
    [['download', 'archives-gra', '/etc/passwd'], /absolute path/],
    [['download', 'archives-gra', 'a//b'], /empty path segment/],
    [['download', 'archives-gra', ''], /must not be empty/],
    [['download', 'archives-gra', 'k'.repeat(1025)], /1025 bytes, at most 1024/],
    [['download', 'a/b/c/d', 'k'], /expected NAME, REGION\/NAME or PROJECT\/REGION\/NAME/],
  ])('bad input %j: exit 2, a message, nothing sent', async (args, message) => {
    const run = await cli([...args, '-o', folder]);
    expect(run.code).toBe(ExitCode.usage);
    expect(run.stderr).toMatch(message);
    expect(sandbox.requests()).toEqual([]);
  });

  it('-o naming a file with several objects: exit 2, nothing sent', async () => {
    const file = join(folder, 'existing');
    await writeFile(file, 'x');
    const run = await cli(['download', 'archives-gra', 'a', 'b', '-o', file]);
    expect(run.code).toBe(ExitCode.usage);
    expect(run.stderr).toMatch(/is a file: with several objects/);
    expect(sandbox.requests()).toEqual([]);
  });

  it('a legacy PCA archive: a clear refusal, exit 2, no download attempted', async () => {
    const passport = Object.values(sandbox.state.cloud.passports)[0]!;
    const service = Object.values(passport.pcaServices)[0]!;
    const session = Object.keys(service.sessions)[0]!;
    const run = await cli([
      'download',
      `${passport.serviceName}/${service.serviceName}`,
      session,
      '-o',
      folder,
    ]);
    expect(run.code).toBe(ExitCode.usage);
    expect(run.stderr).toMatch(/legacy-pca archives cannot be downloaded.*SFTP/);
    expect(sandbox.requests().filter((entry) => entry.protocol === 'swift')).toEqual([]);
    expect(await readdir(folder)).toEqual([]);
  });
});
