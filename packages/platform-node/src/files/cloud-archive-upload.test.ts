import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Archive,
  CloudArchiveBackend,
  type FetchLike,
  OvhClient,
  type UploadedObject,
  type UploadOptions,
  ValidationError,
} from '@ovh-pca/core';
import { type SandboxHandle, startSandbox } from '@ovh-pca/sandbox';
import { openSwiftSession, type SwiftSession } from '@ovh-pca/sandbox/testing/openstack-auth';
import { runRclone, swiftRemoteEnvironment } from '@ovh-pca/sandbox/testing/run-rclone';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { collectUploadSources } from './upload-sources.js';

// Uploads into Cloud Archive through the real backend, from real files, into the sandbox's Swift
// (policy PCA), checked with plain Swift calls and the sandbox's request log.
const SEGMENT = 64 * 1024;
const RETRIEVAL_DELAY_SECONDS = 1;

let sandbox: SandboxHandle;
let swift: SwiftSession;
let dir: string;
let archiveName = 0;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 5, objects: 2, retrievalDelaySeconds: RETRIEVAL_DELAY_SECONDS });
  swift = await openSwiftSession(sandbox);
  dir = await mkdtemp(join(tmpdir(), 'ovh-pca-upload-'));
});
afterAll(async () => {
  await sandbox?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});
beforeEach(() => sandbox.setBehaviour({ faultRate: 0 }));

const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');

function backend(fetchLike?: FetchLike): CloudArchiveBackend {
  const client = new OvhClient({
    endpoint: sandbox.endpoint,
    applicationKey: sandbox.applicationKey,
    applicationSecret: sandbox.applicationSecret,
    consumerKey: sandbox.consumerKey,
    retryBaseDelayMs: 5,
    maxRetryDelayMs: 1000,
  });
  return new CloudArchiveBackend({ client, fetch: fetchLike });
}

/** A fresh Cloud Archive container in the first project's GRA (the OpenStack user's project). */
async function freshArchive(cloud: CloudArchiveBackend): Promise<Archive> {
  archiveName += 1;
  return cloud.createArchive({
    project: sandbox.openstack.projectId,
    region: 'GRA',
    name: `uploads-${archiveName}`,
  });
}

async function writeFileOf(name: string, bytes: Buffer, mtimeSeconds = 1_700_000_000): Promise<string> {
  const path = join(dir, name);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, bytes);
  await utimes(path, mtimeSeconds, mtimeSeconds);
  return path;
}

async function upload(
  cloud: CloudArchiveBackend,
  archive: Archive,
  paths: string[],
  options: UploadOptions & { prefix?: string } = {},
): Promise<UploadedObject[]> {
  const sources = await collectUploadSources(paths, { prefix: options.prefix });
  return cloud.uploadObjects(archive, sources, { segmentSize: SEGMENT, ...options });
}

const encodeKey = (key: string) => key.split('/').map(encodeURIComponent).join('/');

/** Plain Swift GET of a sealed object: asks for it, lets the sandbox clock pass the delay, reads it. */
async function download(container: string, key: string): Promise<Buffer> {
  const path = `/${encodeURIComponent(container)}/${encodeKey(key)}`;
  const first = await swift.swift(path);
  if (first.status === 200) return Buffer.from(await first.arrayBuffer());
  expect(first.status).toBe(429);
  await first.body?.cancel();
  sandbox.clock.skewSeconds += Number(first.headers.get('retry-after')) + 1;
  const second = await swift.swift(path);
  expect(second.status).toBe(200);
  return Buffer.from(await second.arrayBuffer());
}

/** The keys in an archive's segments container. */
async function segmentKeysOf(archive: Archive): Promise<string[]> {
  const listing = await swift.swift(`/${archive.name}_segments?format=json`);
  return ((await listing.json()) as Array<{ name: string }>).map((entry) => entry.name);
}

const swiftLog = () => sandbox.requests().filter((entry) => entry.protocol === 'swift');
const puts = () => swiftLog().filter((entry) => entry.method === 'PUT');
const createdPaths = () =>
  puts()
    .filter((entry) => entry.status === 201)
    .map((entry) => decodeURIComponent(entry.path.split('?')[0]!.replace(/^\/v1\/[^/]+\//, '')));

describe('Cloud Archive upload', () => {
  it('sends a small file in one PUT with its mtime; it comes back byte for byte', async () => {
    const cloud = backend();
    const archive = await freshArchive(cloud);
    const bytes = randomBytes(5000);
    const path = await writeFileOf('small/report é.pdf', bytes);
    sandbox.clearRequests();
    const [result] = await upload(cloud, archive, [path], { prefix: 'docs' });
    expect(result).toEqual({
      key: 'docs/report é.pdf',
      bytes: 5000,
      outcome: 'uploaded',
      segments: 0,
      segmentsSent: 0,
      segmentsReused: 0,
      etag: md5(bytes),
    });
    expect(createdPaths()).toEqual([`${archive.name}/docs/report é.pdf`]);
    const head = await swift.swift(`/${archive.name}/${encodeKey('docs/report é.pdf')}`, { method: 'HEAD' });
    expect(head.headers.get('x-object-meta-mtime')).toBe('1700000000.000000');
    expect(await download(archive.name, 'docs/report é.pdf')).toEqual(bytes);
  });

  it('sends a large file as PCA segments under an SLO manifest; it comes back byte for byte', async () => {
    const cloud = backend();
    const archive = await freshArchive(cloud);
    const bytes = randomBytes(SEGMENT * 4 + 123);
    const path = await writeFileOf('large/disk.img', bytes);
    sandbox.clearRequests();
    const [result] = await upload(cloud, archive, [path]);
    expect(result).toMatchObject({
      key: 'disk.img',
      outcome: 'uploaded',
      segments: 5,
      segmentsSent: 5,
      segmentsReused: 0,
    });

    const segments = await swift.swift(`/${archive.name}_segments`, { method: 'HEAD' });
    expect(segments.status).toBe(204);
    expect(segments.headers.get('x-storage-policy')).toBe('PCA');
    const created = puts().find((entry) => entry.path.endsWith(`/${archive.name}_segments`));
    expect(created?.status).toBe(201);

    const manifest = await swift.swift(`/${archive.name}/disk.img?multipart-manifest=get`);
    const listed = (await manifest.json()) as Array<{ name: string; hash: string; bytes: number }>;
    const prefix = `/${archive.name}_segments/disk.img/slo/1700000000.000000/${bytes.length}/${SEGMENT}/`;
    expect(listed).toEqual(
      [0, 1, 2, 3, 4].map((index) => {
        const part = bytes.subarray(index * SEGMENT, (index + 1) * SEGMENT);
        return expect.objectContaining({
          name: `${prefix}${String(index).padStart(8, '0')}`,
          hash: md5(part),
          bytes: part.length,
        });
      }),
    );
    const etags = listed.map((entry) => entry.hash).join('');
    expect(result!.etag).toBe(createHash('md5').update(etags).digest('hex'));
    expect(await download(archive.name, 'disk.img')).toEqual(bytes);
  });

  it('sends every streamed PUT with redirects refused, so fetch never keeps the bytes it sent', async () => {
    // Following redirects makes Node's fetch tee a streamed body and hold all of it (undici#4058):
    // 1 GiB uploads peaked at 600 MB. The real fetch carries each call; the test reads its options.
    const streamedPuts: Array<RequestInit['redirect']> = [];
    const cloud = backend((input, init) => {
      if (init?.method === 'PUT' && init.body instanceof ReadableStream) streamedPuts.push(init.redirect);
      return fetch(input, init);
    });
    const archive = await freshArchive(cloud);
    const path = await writeFileOf('redirects/disk.img', randomBytes(SEGMENT * 2 + 7));
    const [result] = await upload(cloud, archive, [path]);
    expect(result).toMatchObject({ outcome: 'uploaded', segments: 3 });
    expect(streamedPuts.length).toBeGreaterThanOrEqual(3);
    expect(new Set(streamedPuts)).toEqual(new Set(['error']));
  });

  it('edges: an empty file, one of exactly the threshold (one PUT), one byte more (two segments)', async () => {
    const cloud = backend();
    const archive = await freshArchive(cloud);
    const at = randomBytes(SEGMENT);
    const over = randomBytes(SEGMENT + 1);
    await writeFileOf('edges/empty.txt', Buffer.alloc(0));
    await writeFileOf('edges/at.bin', at);
    await writeFileOf('edges/over.bin', over);
    const results = await upload(cloud, archive, [join(dir, 'edges')]);
    expect(results.map((result) => [result.key, result.outcome, result.segments])).toEqual([
      ['edges/at.bin', 'uploaded', 0],
      ['edges/empty.txt', 'uploaded', 0],
      ['edges/over.bin', 'uploaded', 2],
    ]);
    expect(results[1]!.etag).toBe(md5(Buffer.alloc(0)));
    expect(await download(archive.name, 'edges/empty.txt')).toEqual(Buffer.alloc(0));
    expect(await download(archive.name, 'edges/at.bin')).toEqual(at);
    expect(await download(archive.name, 'edges/over.bin')).toEqual(over);
  });

  it('a re-run of a finished upload sends nothing: one HEAD per file', async () => {
    const cloud = backend();
    const archive = await freshArchive(cloud);
    const small = await writeFileOf('rerun/a.txt', randomBytes(100));
    const large = await writeFileOf('rerun/b.bin', randomBytes(SEGMENT * 2 + 1));
    await upload(cloud, archive, [join(dir, 'rerun')]);
    sandbox.clearRequests();
    const again = await upload(cloud, archive, [small, large], { prefix: 'rerun' });
    expect(again.map((result) => [result.key, result.outcome])).toEqual([
      ['rerun/a.txt', 'unchanged'],
      ['rerun/b.bin', 'unchanged'],
    ]);
    expect(puts()).toEqual([]);
    expect(swiftLog().filter((entry) => entry.method === 'HEAD')).toHaveLength(2);
  });

  it('a new version of a segmented file deletes the segments it replaced; other keys keep theirs', async () => {
    const cloud = backend();
    const archive = await freshArchive(cloud);
    const segmentKeys = () => segmentKeysOf(archive);
    const first = randomBytes(SEGMENT * 3 + 10);
    const path = await writeFileOf('versions/disk.img', first, 1_700_000_000);
    const neighbour = await writeFileOf('versions/other.img', randomBytes(SEGMENT * 2 + 1));
    await upload(cloud, archive, [path, neighbour]);
    const neighbourSegments = (await segmentKeys()).filter((key) => key.startsWith('other.img/'));
    expect(neighbourSegments).toHaveLength(3);

    // A larger new version, another mtime: new segment names; the 4 old ones go once it stands.
    const second = randomBytes(SEGMENT * 5);
    await writeFileOf('versions/disk.img', second, 1_700_000_600);
    sandbox.clearRequests();
    const [replaced] = await upload(cloud, archive, [path]);
    expect(replaced).toMatchObject({ outcome: 'uploaded', segments: 5, segmentsSent: 5 });
    expect(replaced).toMatchObject({ staleSegmentsDeleted: 4, staleSegmentsLeft: 0 });
    const deletes = swiftLog().filter((entry) => entry.method === 'DELETE');
    expect(deletes).toHaveLength(4);
    const manifestPut = swiftLog().findIndex((entry) => entry.path.includes('multipart-manifest=put'));
    expect(swiftLog().findIndex((entry) => entry.method === 'DELETE')).toBeGreaterThan(manifestPut);
    const left = await segmentKeys();
    expect(left.filter((key) => key.startsWith('disk.img/'))).toEqual(
      [0, 1, 2, 3, 4].map(
        (index) =>
          `disk.img/slo/1700000600.000000/${second.length}/${SEGMENT}/${String(index).padStart(8, '0')}`,
      ),
    );
    expect(left.filter((key) => key.startsWith('other.img/'))).toEqual(neighbourSegments);
    expect(await download(archive.name, 'disk.img')).toEqual(second);

    // Replaced by a small file (one PUT): every segment of the large one goes.
    const small = randomBytes(100);
    await writeFileOf('versions/disk.img', small, 1_700_001_200);
    const [plain] = await upload(cloud, archive, [path]);
    expect(plain).toMatchObject({ outcome: 'uploaded', segments: 0, staleSegmentsDeleted: 5 });
    expect((await segmentKeys()).filter((key) => key.startsWith('disk.img/'))).toEqual([]);
    expect(await download(archive.name, 'disk.img')).toEqual(small);
  });

  it('replacing a large object rclone uploaded (a DLO) deletes its segments, never a foreign prefix', async () => {
    const cloud = backend();
    const archive = await freshArchive(cloud);
    const segmentKeys = () => segmentKeysOf(archive);
    await writeFile(join(dir, 'rclone.conf'), '');
    const env = swiftRemoteEnvironment(sandbox.openstack, join(dir, 'rclone.conf'));
    // rclone's own large uploads: DLOs over `<key>/<time>/<size>/NNNNNNNN`, one a prefix-neighbour.
    const rcloneFile = await writeFileOf('dlo/source.bin', randomBytes(2.5 * 1024 * 1024));
    for (const key of ['disk.img', 'disk.img.old']) {
      await runRclone(['copyto', rcloneFile, `pca:${archive.name}/${key}`, '--swift-chunk-size', '1M'], env);
    }
    const head = await swift.swift(`/${archive.name}/disk.img`, { method: 'HEAD' });
    expect(head.headers.get('x-object-manifest')).toMatch(new RegExp(`^${archive.name}_segments/disk.img/`));
    const rcloneSegments = await segmentKeys();
    expect(rcloneSegments.filter((key) => key.startsWith('disk.img/'))).toHaveLength(3);
    expect(rcloneSegments.filter((key) => key.startsWith('disk.img.old/'))).toHaveLength(3);

    const second = randomBytes(SEGMENT * 2 + 5);
    const path = await writeFileOf('dlo/disk.img', second, 1_700_000_000);
    const [replaced] = await upload(cloud, archive, [path]);
    expect(replaced).toMatchObject({ outcome: 'uploaded', segments: 3, staleSegmentsDeleted: 3 });
    const left = await segmentKeys();
    expect(left.filter((key) => key.startsWith('disk.img/'))).toEqual(
      [0, 1, 2].map(
        (index) =>
          `disk.img/slo/1700000000.000000/${second.length}/${SEGMENT}/${String(index).padStart(8, '0')}`,
      ),
    );
    expect(left.filter((key) => key.startsWith('disk.img.old/'))).toHaveLength(3);
    expect(await download(archive.name, 'disk.img')).toEqual(second);

    // A DLO made by hand over a prefix other objects' segments may share: replaced, nothing deleted.
    const shared = `/${archive.name}_segments/shared/part-1`;
    expect((await swift.swift(shared, { method: 'PUT', body: randomBytes(10) })).status).toBe(201);
    const manifest = await swift.swift(`/${archive.name}/handmade.bin`, {
      method: 'PUT',
      headers: { 'X-Object-Manifest': `${archive.name}_segments/shared/` },
      body: '',
    });
    expect(manifest.status).toBe(201);
    const [handmade] = await upload(cloud, archive, [await writeFileOf('dlo/handmade.bin', randomBytes(50))]);
    expect(handmade).toMatchObject({ outcome: 'uploaded', segments: 0 });
    expect(handmade?.staleSegmentsDeleted).toBeUndefined();
    expect(await segmentKeys()).toContain('shared/part-1');
  });

  it('an interrupted upload resumes: whole segments already there are kept, the rest are sent', async () => {
    const cloud = backend();
    const archive = await freshArchive(cloud);
    const bytes = randomBytes(SEGMENT * 6);
    const path = await writeFileOf('resume/video.mkv', bytes);
    const stop = new AbortController();
    sandbox.clearRequests();
    await expect(
      upload(cloud, archive, [path], {
        concurrency: 1,
        signal: stop.signal,
        // Midway through the third segment.
        onProgress: (event) => {
          if (event.sentBytes >= SEGMENT * 2.5) stop.abort(new Error('interrupted'));
        },
      }),
    ).rejects.toThrow('interrupted');
    const before = createdPaths().filter((name) => name.startsWith(`${archive.name}_segments/`));
    expect(before).toHaveLength(2);
    const manifestBefore = await swift.swift(`/${archive.name}/video.mkv`, { method: 'HEAD' });
    expect(manifestBefore.status).toBe(404);

    sandbox.clearRequests();
    const [result] = await upload(cloud, archive, [path]);
    expect(result).toMatchObject({ outcome: 'uploaded', segments: 6, segmentsSent: 4, segmentsReused: 2 });
    const sent = createdPaths();
    expect(sent.filter((name) => before.includes(name))).toEqual([]);
    expect(sent.filter((name) => name.startsWith(`${archive.name}_segments/`))).toHaveLength(4);
    expect(sent).toContain(`${archive.name}/video.mkv`);
    expect(await download(archive.name, 'video.mkv')).toEqual(bytes);
  });

  it('a segment of the right size but other bytes is sent again (size and MD5 must match)', async () => {
    const cloud = backend();
    const archive = await freshArchive(cloud);
    const bytes = randomBytes(SEGMENT * 3);
    const path = await writeFileOf('mismatch/data.bin', bytes);
    const prefix = `data.bin/slo/1700000000.000000/${bytes.length}/${SEGMENT}/`;
    await swift.swift(`/${archive.name}_segments`, { method: 'PUT', headers: { 'X-Storage-Policy': 'PCA' } });
    const wrong = randomBytes(SEGMENT);
    await swift.swift(`/${archive.name}_segments/${prefix}00000000`, { method: 'PUT', body: wrong });
    await swift.swift(`/${archive.name}_segments/${prefix}00000001`, {
      method: 'PUT',
      body: bytes.subarray(SEGMENT, SEGMENT * 2),
    });
    sandbox.clearRequests();
    const [result] = await upload(cloud, archive, [path]);
    expect(result).toMatchObject({ outcome: 'uploaded', segmentsSent: 2, segmentsReused: 1 });
    expect(createdPaths()).toEqual(
      expect.arrayContaining([
        `${archive.name}_segments/${prefix}00000000`,
        `${archive.name}_segments/${prefix}00000002`,
      ]),
    );
    expect(createdPaths()).not.toContain(`${archive.name}_segments/${prefix}00000001`);
    expect(await download(archive.name, 'data.bin')).toEqual(bytes);
  });

  it('refuses a segments container with another storage policy before sending a byte', async () => {
    const cloud = backend();
    const archive = await freshArchive(cloud);
    // Created the way a careless client does: no X-Storage-Policy, so the standard PCS price.
    await swift.swift(`/${archive.name}_segments`, { method: 'PUT' });
    const small = await writeFileOf('policy/small.txt', randomBytes(10));
    const large = await writeFileOf('policy/large.bin', randomBytes(SEGMENT * 2));
    sandbox.clearRequests();
    const refused = upload(cloud, archive, [small, large]);
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toThrow(
      /storage policy PCS, not PCA: segments there would be billed at the standard/,
    );
    expect(puts()).toEqual([]);
  });

  it('under 20% faults (drops and cut bodies included) every object and segment is written once, byte-exact', async () => {
    const cloud = backend();
    const archive = await freshArchive(cloud);
    const files = new Map<string, Buffer>();
    for (let index = 0; index < 10; index += 1) {
      const bytes = randomBytes(index % 2 === 0 ? 3000 + index : SEGMENT * 8 + index);
      files.set(`faults/file-${index}.bin`, bytes);
      await writeFileOf(`faults/file-${index}.bin`, bytes);
    }
    sandbox.clearRequests();
    sandbox.setBehaviour({ faultRate: 0.2 });
    const results = await upload(cloud, archive, [join(dir, 'faults')]);
    sandbox.setBehaviour({ faultRate: 0 });
    expect(results.map((result) => result.outcome)).toEqual(Array(10).fill('uploaded'));
    const faults = swiftLog().filter((entry) => entry.fault !== undefined);
    const putFaults = faults.filter((entry) => entry.method === 'PUT').map((entry) => entry.fault);
    expect(putFaults.filter((fault) => fault === 'drop' || fault === 'truncate').length).toBeGreaterThan(0);

    const created = createdPaths().filter((name) => name !== `${archive.name}_segments`);
    // Five plain objects, five manifests, 5 × 9 segments: each written exactly once.
    expect(created).toHaveLength(5 + 5 + 45);
    expect(new Set(created).size).toBe(created.length);
    for (const [key, bytes] of files) expect(await download(archive.name, key)).toEqual(bytes);

    sandbox.clearRequests();
    sandbox.setBehaviour({ faultRate: 0.2 });
    const again = await upload(cloud, archive, [join(dir, 'faults')]);
    sandbox.setBehaviour({ faultRate: 0 });
    expect(again.map((result) => result.outcome)).toEqual(Array(10).fill('unchanged'));
    expect(puts()).toEqual([]);
  });

  it('a file that changes after it was found fails alone; the others are uploaded', async () => {
    const cloud = backend();
    const archive = await freshArchive(cloud);
    const kept = await writeFileOf('changing/kept.txt', randomBytes(100));
    const shrinking = await writeFileOf('changing/shrinking.bin', randomBytes(SEGMENT * 2));
    const sources = await collectUploadSources([shrinking, kept]);
    await writeFile(shrinking, randomBytes(10));
    sandbox.clearRequests();
    const results = await cloud.uploadObjects(archive, sources, { segmentSize: SEGMENT });
    expect(results.map((result) => [result.key, result.outcome])).toEqual([
      ['shrinking.bin', 'failed'],
      ['kept.txt', 'uploaded'],
    ]);
    expect(results[0]!.error?.message).toMatch(/changed while it was being read/);
    expect(createdPaths().filter((name) => name.startsWith(`${archive.name}/`))).toEqual([
      `${archive.name}/kept.txt`,
    ]);
  });

  it('a PUT whose answer was lost is checked with a HEAD and not sent again', async () => {
    // The request reaches the sandbox and is stored; its answer never reaches the client.
    const lost = new Set<string>();
    const losing: FetchLike = async (input, init) => {
      const response = await fetch(input, init);
      const path = decodeURIComponent(new URL(input).pathname);
      const loseIt =
        init?.method === 'PUT' && response.status === 201 && /(lost\.txt|00000001|big\.bin)$/.test(path);
      if (loseIt && !lost.has(path)) {
        lost.add(path);
        await response.body?.cancel();
        throw new TypeError('fetch failed');
      }
      return response;
    };
    const cloud = backend(losing);
    const archive = await freshArchive(cloud);
    const small = randomBytes(2000);
    const large = randomBytes(SEGMENT * 3);
    const smallPath = await writeFileOf('lost/lost.txt', small);
    const largePath = await writeFileOf('lost/big.bin', large);
    sandbox.clearRequests();
    const results = await upload(cloud, archive, [smallPath, largePath]);
    expect(results.map((result) => result.outcome)).toEqual(['uploaded', 'uploaded']);
    // Small object, segment 1 and the manifest each lost one answer.
    expect(lost.size).toBe(3);
    const created = createdPaths();
    expect(created.filter((name) => name.endsWith('lost.txt'))).toHaveLength(1);
    expect(created.filter((name) => name.endsWith('00000001'))).toHaveLength(1);
    expect(created.filter((name) => name === `${archive.name}/big.bin`)).toHaveLength(1);
    const heads = swiftLog()
      .filter((entry) => entry.method === 'HEAD')
      .map((entry) => decodeURIComponent(entry.path));
    expect(heads.filter((path) => path.endsWith('00000001'))).toHaveLength(1);
    expect(await download(archive.name, 'lost.txt')).toEqual(small);
    expect(await download(archive.name, 'big.bin')).toEqual(large);
  });

  it('an independent client (rclone, swift backend) reads a segmented upload back, with its mtime', async () => {
    const cloud = backend();
    const archive = await freshArchive(cloud);
    const bytes = randomBytes(SEGMENT * 3 + 99);
    const path = await writeFileOf('rclone/video.mp4', bytes, 1_650_000_000);
    const [result] = await upload(cloud, archive, [path]);
    expect(result).toMatchObject({ outcome: 'uploaded', segments: 4 });
    await writeFile(join(dir, 'rclone.conf'), '');
    const env = swiftRemoteEnvironment(sandbox.openstack, join(dir, 'rclone.conf'));
    const listed = JSON.parse(await runRclone(['lsjson', `pca:${archive.name}`], env)) as Array<{
      Path: string;
      Size: number;
      ModTime: string;
    }>;
    expect(listed.map(({ Path, Size }) => ({ Path, Size }))).toEqual([
      { Path: 'video.mp4', Size: bytes.length },
    ]);
    expect(Date.parse(listed[0]!.ModTime)).toBe(1_650_000_000_000);
    // Sealed: rclone obeys the short Retry-After, then reads every segment through the manifest.
    const back = join(dir, 'rclone-back.mp4');
    await runRclone(['copyto', `pca:${archive.name}/video.mp4`, back, '--low-level-retries', '10'], env);
    expect((await readFile(back)).equals(bytes)).toBe(true);
  });
});
