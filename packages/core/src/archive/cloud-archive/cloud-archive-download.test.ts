import { createHash, randomBytes } from 'node:crypto';
import { openSwiftSession, type SwiftSession } from '@ovh-pca/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../archive-entities.js';
import { ArchiveNotFoundError } from '../archive-errors.js';
import { type DownloadSource, ObjectChangedError, ObjectNotReadyError } from '../object-download.js';
import { type ArchiveSandbox, startArchiveSandbox } from '../testing/archive-sandbox.js';
import { CloudArchiveBackend } from './cloud-archive-backend.js';

// The download side of Cloud Archive against the sandbox's Swift: HEAD, manifests, ranges, If-Match.
let kit: ArchiveSandbox;
let swift: SwiftSession;
let cloud: CloudArchiveBackend;
let archive: Archive;

const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');
const put = async (path: string, init: RequestInit = {}) => {
  const response = await swift.swift(path, { method: 'PUT', ...init });
  expect(response.status, path).toBe(201);
};
const readAll = async (source: DownloadSource, start = 0, end = source.bytes) =>
  Buffer.from(await new Response(await source.openRange(start, end)).arrayBuffer());
const swiftGets = () =>
  kit.sandbox.requests().filter((entry) => entry.protocol === 'swift' && entry.method === 'GET');

beforeAll(async () => {
  kit = await startArchiveSandbox({ seed: 41, objects: 8, retrievalDelaySeconds: 0 });
  swift = await openSwiftSession(kit.sandbox);
  cloud = new CloudArchiveBackend({ client: kit.client() });
  archive = (await cloud.listArchives()).find((entry) => entry.name === 'archives-gra')!;
});
afterAll(async () => {
  await kit?.close();
});

describe('Cloud Archive download', () => {
  it('declares the download capability', () => {
    expect(cloud.capabilities).toContain('download');
  });

  it('describes a plain object by HEAD (MD5 = ETag) and reads any range of it', async () => {
    const bytes = randomBytes(300_000);
    await put('/archives-gra/dl/plain été.bin', { body: bytes });
    const source = await cloud.openDownload(archive, 'dl/plain été.bin');
    expect(source).toMatchObject({ key: 'dl/plain été.bin', bytes: bytes.length, verification: 'md5' });
    expect(source.checksums).toEqual([{ start: 0, end: bytes.length, md5: md5(bytes) }]);
    expect((await readAll(source)).equals(bytes)).toBe(true);
    expect((await readAll(source, 1000, 2000)).equals(bytes.subarray(1000, 2000))).toBe(true);
    expect((await readAll(source, bytes.length, bytes.length)).length).toBe(0);
  });

  it('reads an SLO and lists its segment MD5s (the manifest ETag is not the body MD5)', async () => {
    const parts = [randomBytes(100_000), randomBytes(50_000), randomBytes(7)];
    for (const [index, part] of parts.entries()) await put(`/standard-gra/slo-seg/${index}`, { body: part });
    const manifest = parts.map((part, index) => ({
      path: `/standard-gra/slo-seg/${index}`,
      etag: md5(part),
      size_bytes: part.length,
    }));
    await put('/archives-gra/dl/big.slo?multipart-manifest=put', { body: JSON.stringify(manifest) });
    const source = await cloud.openDownload(archive, 'dl/big.slo');
    const whole = Buffer.concat(parts);
    expect(source.verification).toBe('segments');
    expect(source.etag).not.toContain(md5(whole));
    expect(source.checksums).toEqual([
      { start: 0, end: 100_000, md5: md5(parts[0]!) },
      { start: 100_000, end: 150_000, md5: md5(parts[1]!) },
      { start: 150_000, end: 150_007, md5: md5(parts[2]!) },
    ]);
    expect((await readAll(source)).equals(whole)).toBe(true);
    expect((await readAll(source, 99_990, 100_010)).equals(whole.subarray(99_990, 100_010))).toBe(true);
  });

  it('reads a DLO, its segments listed from the manifest prefix', async () => {
    const parts = [randomBytes(4000), randomBytes(3000)];
    for (const [index, part] of parts.entries()) await put(`/standard-gra/dlo-seg/${index}`, { body: part });
    await put('/archives-gra/dl/big.dlo', { headers: { 'X-Object-Manifest': 'standard-gra/dlo-seg/' } });
    const source = await cloud.openDownload(archive, 'dl/big.dlo');
    expect(source.verification).toBe('segments');
    expect(source.checksums.map((range) => range.md5)).toEqual(parts.map(md5));
    expect((await readAll(source)).equals(Buffer.concat(parts))).toBe(true);
  });

  it('refuses a range of an object replaced since it was described: If-Match → ObjectChangedError', async () => {
    await put('/archives-gra/dl/replaced', { body: randomBytes(5000) });
    const source = await cloud.openDownload(archive, 'dl/replaced');
    await put('/archives-gra/dl/replaced', { body: randomBytes(5000) });
    kit.sandbox.clearRequests();
    await expect(source.openRange(2500, 5000)).rejects.toBeInstanceOf(ObjectChangedError);
    expect(swiftGets().map((entry) => entry.status)).toEqual([412]);
  });

  it('answers a sealed object with ObjectNotReadyError and its ready time, having started unsealing', async () => {
    kit.sandbox.setBehaviour({ retrievalDelaySeconds: 900 });
    try {
      await put('/archives-gra/dl/sealed', { body: randomBytes(10) });
      const before = kit.sandbox.clock.nowMs();
      const error = await cloud.openDownload(archive, 'dl/sealed').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ObjectNotReadyError);
      const notReady = error as ObjectNotReadyError;
      expect(notReady.state).toBe('unsealing');
      expect(Date.parse(notReady.readyAt!)).toBeGreaterThanOrEqual(before + 899_000);
      expect(notReady.message).toContain('ready at');
      const listed = await cloud.listObjects(archive, { prefix: 'dl/sealed' });
      expect(listed.map((object) => object.state)).toEqual(['unsealing']);
    } finally {
      kit.sandbox.setBehaviour({ retrievalDelaySeconds: 0 });
    }
  });

  it('an unknown key is ArchiveNotFoundError', async () => {
    await expect(cloud.openDownload(archive, 'dl/none')).rejects.toBeInstanceOf(ArchiveNotFoundError);
  });
});
