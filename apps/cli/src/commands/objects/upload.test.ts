import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type SandboxHandle, startSandbox } from '@ovh-pca/sandbox';
import { openSwiftSession, type SwiftSession } from '@ovh-pca/sandbox/testing/openstack-auth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../exit-codes.js';
import { BUILT_CLI, makeTestHome, runBuiltCli, sandboxKeysEnv } from '../../testing/run-built-cli.js';

// `upload`, as the built binary against the sandbox's API v1 and Swift (policy PCA), from real files.
const SEGMENT = 32 * 1024;

let sandbox: SandboxHandle;
let swift: SwiftSession;
let home: Awaited<ReturnType<typeof makeTestHome>>;
const env = () => ({ ...home.env, ...sandboxKeysEnv(sandbox) });
const cli = (args: string[]) => runBuiltCli(args, { env: env() });

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 41, sessions: 1, files: 1, objects: 3, retrievalDelaySeconds: 1 });
  swift = await openSwiftSession(sandbox);
  home = await makeTestHome();
});
afterAll(async () => {
  await sandbox?.close();
  await home?.dispose();
});
beforeEach(() => sandbox.clearRequests());

const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');
const encodeKey = (key: string) => key.split('/').map(encodeURIComponent).join('/');
const swiftPuts = () =>
  sandbox.requests().filter((entry) => entry.protocol === 'swift' && entry.method === 'PUT');

async function files(folder: string, entries: Record<string, Buffer>): Promise<string> {
  const root = join(home.home, folder);
  for (const [name, bytes] of Object.entries(entries)) {
    await mkdir(join(root, name, '..'), { recursive: true });
    await writeFile(join(root, name), bytes);
  }
  return root;
}

const shellQuote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/** The built CLI in a pseudo-terminal 120 columns wide (util-linux `script`), its output as a terminal shows it. */
function runInPty(args: string[]): Promise<{ code: number | null; output: string }> {
  const node = process.env.OVH_PCA_LOWEST_NODE ?? process.execPath;
  const command = `stty cols 120 rows 40; exec ${[node, BUILT_CLI, ...args].map(shellQuote).join(' ')}`;
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      env: { PATH: process.env.PATH, ...env() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
    });
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** A Cloud Archive container in GRA of the OpenStack user's project. */
async function createArchive(name: string): Promise<void> {
  const run = await cli([
    'archives',
    'create',
    `${sandbox.openstack.projectId}/GRA/${name}`,
    '--region',
    'GRA',
  ]);
  expect(run.code, run.stderr).toBe(0);
}

/** Plain Swift GET of a sealed object: asks, lets the sandbox clock pass the delay, reads. */
async function download(container: string, key: string): Promise<Buffer> {
  const path = `/${container}/${encodeKey(key)}`;
  const first = await swift.swift(path);
  if (first.status !== 200) {
    expect(first.status).toBe(429);
    await first.body?.cancel();
    sandbox.clock.skewSeconds += Number(first.headers.get('retry-after')) + 1;
  } else return Buffer.from(await first.arrayBuffer());
  const second = await swift.swift(path);
  expect(second.status).toBe(200);
  return Buffer.from(await second.arrayBuffer());
}

describe('upload', () => {
  it('uploads a folder (keys with its name and /, non-ASCII) and a file; --json; a re-run sends nothing', async () => {
    await createArchive('cli-uploads');
    const content = {
      'notes/é t é.txt': randomBytes(300),
      'notes/deep/big.bin': randomBytes(SEGMENT * 3 + 7),
    };
    const folder = await files('photos', content);
    const single = await files('single', { 'one.txt': randomBytes(10) });
    const args = [
      'upload',
      folder,
      join(single, 'one.txt'),
      'GRA/cli-uploads',
      '--prefix',
      'backups',
      '--segment-size',
      `${SEGMENT / 1024}KiB`,
      '--json',
    ];
    const run = await cli(args);
    expect(run.code, run.stderr).toBe(0);
    const rows = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(rows).toEqual([
      {
        key: 'backups/photos/notes/deep/big.bin',
        bytes: SEGMENT * 3 + 7,
        outcome: 'uploaded',
        segments: 4,
        segmentsSent: 4,
        segmentsReused: 0,
        etag: expect.stringMatching(/^[0-9a-f]{32}$/),
      },
      {
        key: 'backups/photos/notes/é t é.txt',
        bytes: 300,
        outcome: 'uploaded',
        segments: 0,
        segmentsSent: 0,
        segmentsReused: 0,
        etag: md5(content['notes/é t é.txt']),
      },
      expect.objectContaining({ key: 'backups/one.txt', outcome: 'uploaded' }),
    ]);
    const policy = await swift.swift('/cli-uploads_segments', { method: 'HEAD' });
    expect(policy.headers.get('x-storage-policy')).toBe('PCA');
    expect(await download('cli-uploads', 'backups/photos/notes/deep/big.bin')).toEqual(
      content['notes/deep/big.bin'],
    );
    expect(await download('cli-uploads', 'backups/photos/notes/é t é.txt')).toEqual(
      content['notes/é t é.txt'],
    );

    sandbox.clearRequests();
    const again = await cli(args.filter((arg) => arg !== '--json'));
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/backups\/one\.txt\s+10 B\s+unchanged/);
    expect(again.stderr).toMatch(/cli-uploads: 0 uploaded \(0 B\), 3 already there\./);
    expect(swiftPuts()).toEqual([]);
  });

  it('a new version of a segmented file says how many old segments it deleted; --json counts them', async () => {
    await createArchive('cli-versions');
    const folder = await files('versions', { 'disk.img': randomBytes(SEGMENT * 2 + 5) });
    const args = ['upload', join(folder, 'disk.img'), 'GRA/cli-versions', '--segment-size', String(SEGMENT)];
    const first = await cli(args);
    expect(first.code, first.stderr).toBe(0);
    await files('versions', { 'disk.img': randomBytes(SEGMENT * 4) });
    const second = await cli(args);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(
      /cli-versions: 1 uploaded \(.+\), 0 already there, 3 segment\(s\) of replaced objects deleted\./,
    );
    await files('versions', { 'disk.img': randomBytes(SEGMENT * 3) });
    const third = await cli([...args, '--json']);
    expect(third.code, third.stderr).toBe(0);
    expect(JSON.parse(third.stdout)).toEqual([
      expect.objectContaining({ key: 'disk.img', outcome: 'uploaded', segments: 3, staleSegmentsDeleted: 4 }),
    ]);
    const listing = await swift.swift('/cli-versions_segments?format=json');
    expect(((await listing.json()) as unknown[]).length).toBe(3);
  });

  it('shows its progress on a terminal (a real pty)', async () => {
    await createArchive('cli-tty');
    const folder = await files('tty', { 'a.bin': randomBytes(SEGMENT * 2 + 1) });
    const run = await runInPty(['upload', folder, 'cli-tty', '--segment-size', String(SEGMENT)]);
    expect(run.code, run.output).toBe(ExitCode.ok);
    expect(run.output).toMatch(/Uploading: .* of 65\.5 kB \(\d+%\), [01] of 1 file\(s\) done/);
    expect(run.output).toMatch(/cli-tty: 1 uploaded \(65\.5 kB\), 0 already there\./);
  });

  it('Ctrl-C mid-upload exits 130; the re-run keeps the whole segments already sent', async () => {
    await createArchive('cli-resume');
    const segment = 4096;
    const folder = await files('resume', { 'many.bin': randomBytes(segment * 120) });
    const args = ['upload', folder, 'cli-resume', '--segment-size', String(segment), '--json'];
    // Slow answers keep the upload going long enough to be interrupted after a few segments.
    sandbox.setBehaviour({ latencyMs: 40 });
    const segmentsCreated = () =>
      swiftPuts()
        .filter((entry) => entry.status === 201 && entry.path.includes('/cli-resume_segments/'))
        .map((entry) => entry.path);
    try {
      const run = runBuiltCli(args, {
        env: env(),
        onSpawn: (child) => {
          void expect
            .poll(() => segmentsCreated().length, { timeout: 60_000, interval: 20 })
            .toBeGreaterThanOrEqual(3)
            .then(() => child.kill('SIGINT'));
        },
      });
      const interrupted = await run;
      expect(interrupted.code, interrupted.stderr).toBe(ExitCode.interrupted);
      expect(interrupted.stderr).toMatch(/Interrupted/);
    } finally {
      sandbox.setBehaviour({ latencyMs: 0 });
    }
    const before = segmentsCreated();
    expect(before.length).toBeGreaterThanOrEqual(3);
    expect(before.length).toBeLessThan(120);
    const manifest = await swift.swift('/cli-resume/resume/many.bin', { method: 'HEAD' });
    expect(manifest.status).toBe(404);

    sandbox.clearRequests();
    const again = await cli(args);
    expect(again.code, again.stderr).toBe(0);
    const [row] = JSON.parse(again.stdout) as Array<{ segmentsSent: number; segmentsReused: number }>;
    // Every segment answered 201 before is kept (a PUT cut by the interrupt may have landed too).
    expect(row!.segmentsReused).toBeGreaterThanOrEqual(before.length);
    expect(row!.segmentsSent).toBe(120 - row!.segmentsReused);
    const sentNow = segmentsCreated();
    expect(sentNow).toHaveLength(row!.segmentsSent);
    expect(sentNow.filter((path) => before.includes(path))).toEqual([]);
  });

  it('refuses a segments container with another storage policy: exit 2, no object sent', async () => {
    await createArchive('cli-trap');
    await swift.swift('/cli-trap_segments', { method: 'PUT' });
    const folder = await files('trap', {
      'small.txt': randomBytes(5),
      'large.bin': randomBytes(SEGMENT * 2),
    });
    sandbox.clearRequests();
    const run = await cli(['upload', folder, 'cli-trap', '--segment-size', String(SEGMENT)]);
    expect(run.code).toBe(ExitCode.usage);
    expect(run.stderr).toMatch(/"cli-trap_segments" has the storage policy PCS, not PCA/);
    expect(swiftPuts()).toEqual([]);
  });

  it('a legacy PCA service takes no upload: a clear refusal, nothing sent to Swift', async () => {
    const list = await cli(['archives', 'list', '--product', 'legacy-pca', '--json']);
    const [legacy] = JSON.parse(list.stdout) as Array<{ name: string }>;
    const folder = await files('legacy', { 'x.txt': randomBytes(5) });
    sandbox.clearRequests();
    const run = await cli(['upload', folder, legacy!.name]);
    expect(run.code).toBe(ExitCode.usage);
    expect(run.stderr).toMatch(/legacy-pca archives take no uploads/);
    expect(sandbox.requests().filter((entry) => entry.protocol === 'swift')).toEqual([]);
  });

  it.each([
    [['upload', 'cli-uploads'], /upload PATH\.\.\. ARCHIVE/],
    [['upload', '/no/such/file', 'cli-uploads'], /Cannot upload "\/no\/such\/file": no such file or folder/],
    [['upload', '.', 'a/b/c/d'], /expected NAME, REGION\/NAME or PROJECT\/REGION\/NAME/],
    [['upload', '.', 'cli-uploads', '--segment-size', '0'], /--segment-size "0" is not a size/],
    [
      ['upload', '.', 'cli-uploads', '--segment-threshold', 'lots'],
      /--segment-threshold "lots" is not a size/,
    ],
    [['upload', '.', 'cli-uploads', '--prefix', 'p'.repeat(1025)], /1025 bytes, at most 1024/],
  ])('bad input %j: exit 2, a message, nothing sent', async (args, message) => {
    const run = await cli(args);
    expect(run.code, run.stderr).toBe(ExitCode.usage);
    expect(run.stderr).toMatch(message);
    expect(sandbox.requests()).toEqual([]);
  });

  it('a key over 1,024 bytes: exit 2 naming the file, nothing sent', async () => {
    const deep = join(home.home, 'long', ...Array.from({ length: 6 }, () => 'd'.repeat(200)));
    await mkdir(deep, { recursive: true });
    await writeFile(join(deep, 'file.txt'), 'x');
    const run = await cli(['upload', join(home.home, 'long'), 'cli-uploads']);
    expect(run.code).toBe(ExitCode.usage);
    expect(run.stderr).toMatch(
      /Invalid object key: 1\d{3} bytes, at most 1024 allowed \(from ".*file\.txt"\)/,
    );
    expect(sandbox.requests()).toEqual([]);
    await rm(join(home.home, 'long'), { recursive: true, force: true });
  });
});
