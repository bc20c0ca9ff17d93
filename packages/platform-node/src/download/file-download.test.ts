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
import { type SandboxHandle, startSandbox } from '@ovh-pca/sandbox';
import { checkCutBodiesResumed } from '@ovh-pca/sandbox/testing/cut-bodies';
import { openSwiftSession, type SwiftSession } from '@ovh-pca/sandbox/testing/openstack-auth';
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
    const objects = Array.from({ length: 30 }, (_, index) => ({
      key: `faults/été/obj-${index}.bin`,
      bytes: randomBytes(300_000 + index * 30_011),
    }));
    for (const object of objects) await put(object.key, object.bytes);
    // A cut body is one fault in five: rounds (each checked byte for byte) until one was cut.
    let cuts = 0;
    for (let round = 0; round < 6 && cuts === 0; round += 1) {
      await rm(join(folder, 'faults'), { recursive: true, force: true });
      sandbox.clearRequests();
      sandbox.setBehaviour({ faultRate: 0.2 });
      for (const [index, object] of objects.entries()) {
        const result = await download(object.key, { attempts: 12 });
        expect(result).toMatchObject({
          outcome: 'downloaded',
          bytes: object.bytes.length,
          verification: 'md5',
        });
        const written = await readFile(join(folder, 'faults', 'été', `obj-${index}.bin`));
        expect(md5(written)).toBe(md5(object.bytes));
      }
      sandbox.setBehaviour({ faultRate: 0 });
      const log = sandbox.requests().filter((entry) => entry.protocol === 'swift' && entry.method === 'GET');
      expect(log.every((entry) => entry.range === undefined || /^bytes=\d+-\d+$/.test(entry.range))).toBe(
        true,
      );
      // Each cut body asked again with a Range from what had been written.
      const checked = checkCutBodiesResumed(log);
      expect(checked.problems).toEqual([]);
      cuts = checked.cuts;
      expect(await readdir(join(folder, 'faults', 'été'))).toHaveLength(objects.length);
    }
    expect(cuts).toBeGreaterThan(0);
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

/** Bounds of a `bytes=A-B` header. */
const boundsOf = (range: string | undefined) => {
  const match = /^bytes=(\d+)-(\d+)$/.exec(range ?? '');
  return match ? { start: Number(match[1]), end: Number(match[2]) + 1 } : undefined;
};
const KIB = 1024;
/** Small pieces so a few hundred KiB exercise what a gigabyte does (4 readers, 64 KiB pieces). */
const parallel = { streams: 4, parallelMinBytes: 1, pieceBytes: 64 * KIB } as const;

describe('downloadToFile in parallel pieces', () => {
  it('under 20% faults (mid-body drops included) is byte-exact; each cut piece resumes from its own bytes', async () => {
    const objects = Array.from({ length: 12 }, (_, index) => ({
      key: `pieces/faults/obj-${index}.bin`,
      bytes: randomBytes(640 * KIB + index * 7_919),
    }));
    for (const object of objects) await put(object.key, object.bytes);
    let cuts = 0;
    for (let round = 0; round < 6 && cuts === 0; round += 1) {
      await rm(join(folder, 'pieces'), { recursive: true, force: true });
      sandbox.clearRequests();
      sandbox.setBehaviour({ faultRate: 0.2 });
      for (const [index, object] of objects.entries()) {
        const result = await download(object.key, { ...parallel, attempts: 12 });
        expect(result).toMatchObject({
          outcome: 'downloaded',
          bytes: object.bytes.length,
          verification: 'md5',
        });
        const written = await readFile(join(folder, 'pieces', 'faults', `obj-${index}.bin`));
        expect(md5(written)).toBe(md5(object.bytes));
      }
      sandbox.setBehaviour({ faultRate: 0 });
      const log = sandbox.requests().filter((entry) => entry.protocol === 'swift' && entry.method === 'GET');
      for (const cut of log.filter((entry) => entry.fault === 'truncate' && entry.range !== undefined)) {
        const { start, end } = boundsOf(cut.range)!;
        const cutAt = start + Math.floor((end - start) / 2);
        // The same piece asked again, from a byte between its start and the cut, to its end.
        const resumed = log.slice(log.indexOf(cut) + 1).some((entry) => {
          const again = boundsOf(entry.range);
          return (
            entry.path === cut.path && again?.end === end && again.start >= start && again.start <= cutAt
          );
        });
        expect(resumed, `${cut.path} ${cut.range}`).toBe(true);
        cuts += 1;
      }
      // No piece is larger than asked, none crosses another: every range ends on a piece boundary.
      const ends = log.flatMap((entry) => (boundsOf(entry.range) ? [boundsOf(entry.range)!] : []));
      expect(ends.some((range) => range.end - range.start > parallel.pieceBytes)).toBe(false);
      expect(await readdir(join(folder, 'pieces', 'faults'))).toHaveLength(objects.length);
    }
    expect(cuts).toBeGreaterThan(0);
  });

  it('an interrupted parallel run: .part.json lists the complete pieces, the re-run asks only the others', async () => {
    const bytes = randomBytes(1024 * KIB);
    await put('pieces/resume.bin', bytes);
    const target = join(folder, 'pieces', 'resume.bin');
    const recordPath = `${partPathOf(target)}.json`;
    const stop = new AbortController();
    await expect(
      download('pieces/resume.bin', {
        ...parallel,
        signal: stop.signal,
        onProgress: ({ received }) => received >= 512 * KIB && stop.abort(new Error('interrupted')),
      }),
    ).rejects.toThrow('interrupted');
    await expect(stat(target)).rejects.toThrow();
    const record: { pieces: [number, number][]; done: number[] } = JSON.parse(
      await readFile(recordPath, 'utf8'),
    );
    expect(record.pieces).toHaveLength(16);
    const done = new Set(record.done);
    expect(done.size).toBeGreaterThan(0);
    expect(done.size).toBeLessThan(16);
    // Listed complete means on disk: those bytes are the object's.
    const partial = await readFile(partPathOf(target));
    for (const index of done) {
      const [start, end] = record.pieces[index]!;
      expect(partial.subarray(start, end).equals(bytes.subarray(start, end)), `piece ${index}`).toBe(true);
    }
    sandbox.clearRequests();
    const second = await download('pieces/resume.bin', parallel);
    expect(second).toMatchObject({ outcome: 'downloaded', resumedFrom: done.size * 64 * KIB });
    const asked = gets('pieces/resume.bin').map((entry) => boundsOf(entry.range)!.start);
    const missing = record.pieces.flatMap(([start], index) => (done.has(index) ? [] : [start]));
    expect(asked.sort((a, b) => a - b)).toEqual(missing);
    expect((await readFile(target)).equals(bytes)).toBe(true);
    expect(await readdir(join(folder, 'pieces'))).toEqual(['resume.bin']);
  });

  it('a kept piece corrupted on disk fails the read-back: discarded, read again from zero, exact', async () => {
    const bytes = randomBytes(512 * KIB);
    await put('pieces/corrupt.bin', bytes);
    const target = join(folder, 'pieces', 'corrupt.bin');
    const again = new AbortController();
    await expect(
      download('pieces/corrupt.bin', {
        ...parallel,
        streams: 2,
        signal: again.signal,
        onProgress: ({ received }) => received >= 256 * KIB && again.abort(new Error('interrupted')),
      }),
    ).rejects.toThrow('interrupted');
    const record = JSON.parse(await readFile(`${partPathOf(target)}.json`, 'utf8'));
    expect(record.done.length).toBeGreaterThan(0);
    const [start] = record.pieces[record.done[0]];
    const partial = await readFile(partPathOf(target));
    partial[start + 10] = partial[start + 10]! ^ 0xff;
    await writeFile(partPathOf(target), partial);
    sandbox.clearRequests();
    const result = await download('pieces/corrupt.bin', { ...parallel, streams: 2 });
    expect(result.resumedFrom).toBe(0);
    // The re-run read the missing pieces, failed the read-back, then read all 8 pieces again.
    const asked = gets('pieces/corrupt.bin').map((entry) => entry.range);
    expect(asked.slice(-8).sort()).toEqual(
      Array.from(
        { length: 8 },
        (_, index) => `bytes=${index * 64 * KIB}-${(index + 1) * 64 * KIB - 1}`,
      ).sort(),
    );
    expect((await readFile(target)).equals(bytes)).toBe(true);
  });

  it('an SLO is cut along its segments, each checked by its own MD5; a corrupted kept one is read again', async () => {
    const parts = [randomBytes(100 * KIB), randomBytes(150 * KIB), randomBytes(80 * KIB + 3)];
    for (const [index, part] of parts.entries()) await put(`pieces/slo-seg/${index}`, part);
    const manifest = parts.map((part, index) => ({
      path: `/archives-gra/pieces/slo-seg/${index}`,
      etag: md5(part),
      size_bytes: part.length,
    }));
    const response = await swift.swift('/archives-gra/pieces/slo.bin?multipart-manifest=put', {
      method: 'PUT',
      body: JSON.stringify(manifest),
    });
    expect(response.status).toBe(201);
    const whole = Buffer.concat(parts);
    const target = join(folder, 'pieces', 'slo.bin');
    const first = await download('pieces/slo.bin', parallel);
    expect(first.verification).toBe('segments');
    expect((await readFile(target)).equals(whole)).toBe(true);
    const bounds = [0, parts[0]!.length, parts[0]!.length + parts[1]!.length, whole.length];
    const pieces = gets('pieces/slo.bin').map((entry) => entry.range);
    expect(pieces.sort()).toEqual(
      [0, 1, 2].map((index) => `bytes=${bounds[index]}-${bounds[index + 1]! - 1}`).sort(),
    );
    // A partial file whose record says segments 0 and 2 are complete, segment 0 corrupted.
    await rm(target);
    const torn = Buffer.from(whole);
    torn[5] = torn[5]! ^ 0xff;
    torn.fill(0, bounds[1], bounds[2]);
    await writeFile(partPathOf(target), torn);
    const source = await cloud.openDownload(archive, 'pieces/slo.bin');
    await writeFile(
      `${partPathOf(target)}.json`,
      JSON.stringify({
        key: source.key,
        etag: source.etag,
        bytes: source.bytes,
        pieces: [0, 1, 2].map((index) => [bounds[index], bounds[index + 1]]),
        done: [0, 2],
      }),
    );
    sandbox.clearRequests();
    const second = await download('pieces/slo.bin', parallel);
    expect(second.resumedFrom).toBe(parts[2]!.length);
    expect(
      gets('pieces/slo.bin')
        .map((entry) => entry.range)
        .sort(),
    ).toEqual([0, 1].map((index) => `bytes=${bounds[index]}-${bounds[index + 1]! - 1}`).sort());
    expect((await readFile(target)).equals(whole)).toBe(true);
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
