import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Archive,
  CloudArchiveBackend,
  type DownloadSource,
  ObjectChecksumError,
  OvhClient,
  ValidationError,
} from '@ovh-pca/core';
import { openSwiftSession, type SandboxHandle, type SwiftSession, startSandbox } from '@ovh-pca/sandbox';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { downloadToFile, partPathOf } from './file-download.js';
import { objectFilePath } from './object-file-path.js';

// The file download writer against the sandbox's Swift (Cloud Archive), real files, real faults.
let sandbox: SandboxHandle;
let swift: SwiftSession;
let cloud: CloudArchiveBackend;
let archive: Archive;
let folder: string;

const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');
const put = async (key: string, body: Uint8Array | string, headers: Record<string, string> = {}) => {
  const response = await swift.swift(`/archives-gra/${key.split('/').map(encodeURIComponent).join('/')}`, {
    method: 'PUT',
    body,
    headers,
  });
  expect(response.status, key).toBe(201);
};
/** The ranged GETs of one object (a GET without Range is the unseal request of a sealed one). */
const gets = (key: string) =>
  sandbox
    .requests()
    .filter(
      (entry) =>
        entry.protocol === 'swift' &&
        entry.method === 'GET' &&
        entry.range !== undefined &&
        entry.path.endsWith(`/archives-gra/${key.split('/').map(encodeURIComponent).join('/')}`),
    );
const download = (key: string, extra: Partial<Parameters<typeof downloadToFile>[0]> = {}) =>
  downloadToFile({
    target: objectFilePath(folder, key).path,
    open: (signal) => cloud.openDownload(archive, key, { signal }),
    retryBaseMs: 5,
    ...extra,
  });

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 51, objects: 4, retrievalDelaySeconds: 0 });
  swift = await openSwiftSession(sandbox);
  const client = new OvhClient({
    endpoint: sandbox.endpoint,
    applicationKey: sandbox.applicationKey,
    applicationSecret: sandbox.applicationSecret,
    consumerKey: sandbox.consumerKey,
    retries: 8,
    retryBaseDelayMs: 5,
    maxRetryDelayMs: 1000,
  });
  cloud = new CloudArchiveBackend({ client });
  archive = (await cloud.listArchives()).find((entry) => entry.name === 'archives-gra')!;
});
afterAll(async () => {
  await sandbox?.close();
});
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'ovh-pca-download-'));
  sandbox.clearRequests();
});
afterEach(async () => {
  sandbox.setBehaviour({ faultRate: 0 });
  await rm(folder, { recursive: true, force: true });
});

describe('downloadToFile', () => {
  it('under 20% faults (mid-body drops included) every file is byte-exact; drops resume with Range', async () => {
    // Large enough that a body cut in half has delivered bytes before the drop (fetch discards
    // what it had queued but not handed out when the connection errors).
    const objects = Array.from({ length: 16 }, (_, index) => ({
      key: `faults/été/obj-${index}.bin`,
      bytes: randomBytes(1_000_000 + index * 100_003),
    }));
    for (const object of objects) await put(object.key, object.bytes);
    sandbox.clearRequests();
    sandbox.setBehaviour({ faultRate: 0.2 });
    for (const object of objects) {
      const result = await download(object.key, { attempts: 12 });
      expect(result).toMatchObject({
        outcome: 'downloaded',
        bytes: object.bytes.length,
        verification: 'md5',
      });
      const written = await readFile(join(folder, 'faults', 'été', `obj-${objects.indexOf(object)}.bin`));
      expect(md5(written)).toBe(md5(object.bytes));
    }
    const log = sandbox.requests().filter((entry) => entry.protocol === 'swift' && entry.method === 'GET');
    const cut = log.filter((entry) => entry.fault === 'truncate');
    expect(cut.length).toBeGreaterThan(0);
    // After each cut body, the next read of that object starts past zero.
    const resumed = log.filter((entry) => entry.range !== undefined && !entry.range.startsWith('bytes=0-'));
    expect(resumed.length).toBeGreaterThan(0);
    expect(log.every((entry) => entry.range === undefined || /^bytes=\d+-\d+$/.test(entry.range))).toBe(true);
    expect(await readdir(join(folder, 'faults', 'été'))).toHaveLength(objects.length);
  });

  it('an interrupted run leaves only the .part; the re-run re-hashes it and asks only the rest', async () => {
    const bytes = randomBytes(3 * 1024 * 1024);
    await put('resume/big.bin', bytes);
    const stop = new AbortController();
    const first = download('resume/big.bin', {
      signal: stop.signal,
      onProgress: ({ received }) => {
        if (received >= 1024 * 1024) stop.abort(new Error('interrupted'));
      },
    });
    await expect(first).rejects.toThrow('interrupted');
    const target = join(folder, 'resume', 'big.bin');
    await expect(stat(target)).rejects.toThrow();
    const kept = (await stat(partPathOf(target))).size;
    expect(kept).toBeGreaterThanOrEqual(1024 * 1024);
    expect(kept).toBeLessThan(bytes.length);
    sandbox.clearRequests();
    const second = await download('resume/big.bin');
    expect(second).toMatchObject({ outcome: 'downloaded', resumedFrom: kept, reads: 1 });
    expect(gets('resume/big.bin').map((entry) => entry.range)).toEqual([`bytes=${kept}-${bytes.length - 1}`]);
    expect((await readFile(target)).equals(bytes)).toBe(true);
    expect(await readdir(join(folder, 'resume'))).toEqual(['big.bin']);
  });

  it('an object replaced between runs is downloaded again from zero, never spliced', async () => {
    const old = randomBytes(2 * 1024 * 1024);
    await put('replaced/file.bin', old);
    const stop = new AbortController();
    await expect(
      download('replaced/file.bin', {
        signal: stop.signal,
        onProgress: ({ received }) => received > 0 && stop.abort(new Error('interrupted')),
      }),
    ).rejects.toThrow('interrupted');
    const fresh = randomBytes(2 * 1024 * 1024);
    await put('replaced/file.bin', fresh);
    sandbox.clearRequests();
    const result = await download('replaced/file.bin');
    expect(result.resumedFrom).toBe(0);
    expect(gets('replaced/file.bin').map((entry) => entry.range)).toEqual([`bytes=0-${fresh.length - 1}`]);
    expect((await readFile(join(folder, 'replaced', 'file.bin'))).equals(fresh)).toBe(true);
  });

  it('an object replaced during a run: If-Match answers 412 and the download restarts from zero', async () => {
    const old = randomBytes(1024 * 1024);
    const fresh = randomBytes(1024 * 1024 + 5);
    await put('during/file.bin', old);
    let opened = 0;
    const result = await download('during/file.bin', {
      open: async (signal) => {
        const source = await cloud.openDownload(archive, 'during/file.bin', { signal });
        // Replaced on the server right after the first description.
        if (++opened === 1) await put('during/file.bin', fresh);
        return source;
      },
    });
    expect(opened).toBe(2);
    expect(gets('during/file.bin').map((entry) => entry.status)).toEqual([412, 206]);
    expect(result).toMatchObject({ bytes: fresh.length, resumedFrom: 0 });
    expect((await readFile(join(folder, 'during', 'file.bin'))).equals(fresh)).toBe(true);
  });

  it('a corrupted .part fails its MD5: discarded, downloaded again from zero, then exact', async () => {
    const bytes = randomBytes(2 * 1024 * 1024);
    await put('corrupt/file.bin', bytes);
    const stop = new AbortController();
    await expect(
      download('corrupt/file.bin', {
        signal: stop.signal,
        onProgress: ({ received }) => received >= 1024 * 1024 && stop.abort(new Error('interrupted')),
      }),
    ).rejects.toThrow('interrupted');
    const part = partPathOf(join(folder, 'corrupt', 'file.bin'));
    const kept = await readFile(part);
    kept[10] = kept[10]! ^ 0xff;
    await writeFile(part, kept);
    sandbox.clearRequests();
    const result = await download('corrupt/file.bin');
    expect(result.resumedFrom).toBe(0);
    expect(gets('corrupt/file.bin').map((entry) => entry.range)).toEqual([
      `bytes=${kept.length}-${bytes.length - 1}`,
      `bytes=0-${bytes.length - 1}`,
    ]);
    expect((await readFile(join(folder, 'corrupt', 'file.bin'))).equals(bytes)).toBe(true);
  });

  it('refuses bytes whose MD5 is not the listed one, keeping nothing', async () => {
    const bytes = randomBytes(4096);
    await put('refused/file.bin', bytes);
    const lying = async (signal?: AbortSignal): Promise<DownloadSource> => {
      const source = await cloud.openDownload(archive, 'refused/file.bin', { signal });
      return { ...source, checksums: [{ start: 0, end: bytes.length, md5: md5(Buffer.from('other')) }] };
    };
    await expect(download('refused/file.bin', { open: lying })).rejects.toBeInstanceOf(ObjectChecksumError);
    expect(await readdir(join(folder, 'refused'))).toEqual([]);
  });

  it('skips a file already complete and identical; replaces one that differs', async () => {
    const bytes = randomBytes(100_000);
    await put('skip/file.bin', bytes);
    expect((await download('skip/file.bin')).outcome).toBe('downloaded');
    sandbox.clearRequests();
    expect((await download('skip/file.bin')).outcome).toBe('skipped');
    expect(gets('skip/file.bin')).toEqual([]);
    await writeFile(join(folder, 'skip', 'file.bin'), randomBytes(100_000));
    expect((await download('skip/file.bin')).outcome).toBe('downloaded');
    expect((await readFile(join(folder, 'skip', 'file.bin'))).equals(bytes)).toBe(true);
  });

  it('downloads an SLO checked segment by segment, and an empty object', async () => {
    const parts = [randomBytes(300_000), randomBytes(200_001)];
    for (const [index, part] of parts.entries()) await put(`slo-seg/${index}`, part);
    const manifest = parts.map((part, index) => ({
      path: `/archives-gra/slo-seg/${index}`,
      etag: md5(part),
      size_bytes: part.length,
    }));
    const response = await swift.swift('/archives-gra/slo/whole.bin?multipart-manifest=put', {
      method: 'PUT',
      body: JSON.stringify(manifest),
    });
    expect(response.status).toBe(201);
    const result = await download('slo/whole.bin');
    expect(result.verification).toBe('segments');
    expect((await readFile(join(folder, 'slo', 'whole.bin'))).equals(Buffer.concat(parts))).toBe(true);
    await put('empty/zero.bin', '');
    expect((await download('empty/zero.bin')).bytes).toBe(0);
    expect((await stat(join(folder, 'empty', 'zero.bin'))).size).toBe(0);
  });
});

describe('objectFilePath', () => {
  it('maps / to subfolders and keeps non-ASCII names', () => {
    expect(objectFilePath('/data', '写真/バックアップ/アルバム 01.tar')).toEqual({
      kind: 'file',
      path: '/data/写真/バックアップ/アルバム 01.tar',
    });
    expect(objectFilePath('/data', 'dir/')).toEqual({ kind: 'folder', path: '/data/dir' });
  });

  it.each([
    ['../etc/passwd', /"\.\." segment/],
    ['a/../../b', /"\.\." segment/],
    ['/etc/passwd', /absolute/],
    ['a//b', /empty path segment/],
    ['./a', /"\." segment/],
    ['a\u0000b', /NUL/],
    ['', /empty/],
  ])('refuses %j', (key, message) => {
    expect(() => objectFilePath('/data', key)).toThrow(ValidationError);
    expect(() => objectFilePath('/data', key)).toThrow(message);
  });

  it('refuses what Windows cannot name, there only', () => {
    expect(() => objectFilePath('C:\\data', 'a\\..\\b', 'win32')).toThrow(/Windows/);
    expect(() => objectFilePath('C:\\data', 'c:/x', 'win32')).toThrow(/Windows/);
    expect(objectFilePath('/data', 'a\\b', 'linux').path).toBe('/data/a\\b');
  });
});
