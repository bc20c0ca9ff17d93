import { createHash, createHmac, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHandle, startSandbox } from '../../index.js';
import { openSwiftSession, type SwiftSession } from '../../testing/openstack-auth.js';

let sandbox: SandboxHandle;
let session: SwiftSession;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 14, objects: 2, retrievalDelaySeconds: 30 });
  session = await openSwiftSession(sandbox);
  await session.swift('/big', { method: 'PUT' });
  await session.swift('/big_segments', { method: 'PUT' });
});
afterAll(() => sandbox.close());

const md5 = (bytes: Uint8Array | string) => createHash('md5').update(bytes).digest('hex');

async function uploadSegments(prefix: string, parts: Buffer[], container = 'big_segments') {
  for (const [index, part] of parts.entries()) {
    const put = await session.swift(`/${container}/${prefix}/${String(index).padStart(8, '0')}`, {
      method: 'PUT',
      body: part,
    });
    expect(put.status).toBe(201);
  }
}

describe('Swift large objects', () => {
  it('serves a DLO (X-Object-Manifest) as its segments in order, with ranges across them', async () => {
    const parts = [randomBytes(1000), randomBytes(1500), randomBytes(10)];
    await uploadSegments('movie.mkv/1', parts);
    const manifest = await session.swift('/big/movie.mkv', {
      method: 'PUT',
      body: '',
      headers: { 'X-Object-Manifest': 'big_segments/movie.mkv/1/' },
    });
    expect(manifest.status).toBe(201);
    const whole = Buffer.concat(parts);
    const get = await session.swift('/big/movie.mkv');
    expect(get.headers.get('x-object-manifest')).toBe('big_segments/movie.mkv/1/');
    expect(get.headers.get('etag')).toBe(`"${md5(parts.map((part) => md5(part)).join(''))}"`);
    expect(Buffer.from(await get.arrayBuffer()).equals(whole)).toBe(true);
    const range = await session.swift('/big/movie.mkv', { headers: { Range: 'bytes=990-2509' } });
    expect(range.status).toBe(206);
    expect(Buffer.from(await range.arrayBuffer()).equals(whole.subarray(990, 2510))).toBe(true);
    // The container counts the segments' bytes, not the manifest's.
    const listing = (await (await session.swift('/big?format=json')).json()) as {
      name: string;
      bytes: number;
    }[];
    expect(listing).toEqual([expect.objectContaining({ name: 'movie.mkv', bytes: 0 })]);
  });

  it('checks an SLO manifest’s segments, serves them, gives the manifest back and deletes it all', async () => {
    const parts = [randomBytes(2000), randomBytes(3000)];
    await uploadSegments('disk.img', parts);
    const segments = parts.map((part, index) => ({
      path: `/big_segments/disk.img/${String(index).padStart(8, '0')}`,
      etag: md5(part),
      size_bytes: part.length,
    }));
    const bad = await session.swift('/big/disk.img?multipart-manifest=put', {
      method: 'PUT',
      body: JSON.stringify([{ ...segments[0], etag: md5('nope') }, segments[1]]),
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Etag Mismatch');
    const put = await session.swift('/big/disk.img?multipart-manifest=put', {
      method: 'PUT',
      body: JSON.stringify(segments),
    });
    expect(put.status).toBe(201);
    const sloEtag = md5(parts.map((part) => md5(part)).join(''));
    expect(put.headers.get('etag')).toBe(`"${sloEtag}"`);
    const get = await session.swift('/big/disk.img');
    expect(get.headers.get('x-static-large-object')).toBe('True');
    expect(get.headers.get('content-length')).toBe('5000');
    expect(Buffer.from(await get.arrayBuffer()).equals(Buffer.concat(parts))).toBe(true);
    const listed = (await (await session.swift('/big?format=json&prefix=disk')).json()) as {
      bytes: number;
      hash: string;
    }[];
    expect(listed[0]).toMatchObject({ bytes: 5000, hash: sloEtag });
    const back = (await (await session.swift('/big/disk.img?multipart-manifest=get')).json()) as {
      name: string;
      hash: string;
    }[];
    expect(back.map((segment) => [segment.name, segment.hash])).toEqual(
      segments.map((segment) => [segment.path, segment.etag]),
    );
    const deleted = await session.swift('/big/disk.img?multipart-manifest=delete', {
      method: 'DELETE',
      headers: { Accept: 'application/json' },
    });
    expect(await deleted.json()).toMatchObject({ 'Number Deleted': 3, 'Number Not Found': 0 });
    expect((await session.swift('/big_segments/disk.img/00000000', { method: 'HEAD' })).status).toBe(404);
  });

  it('asks for every sealed PCA segment of a manifest before serving it', async () => {
    await session.swift('/vault', { method: 'PUT', headers: { 'X-Storage-Policy': 'PCA' } });
    await session.swift('/vault_segments', { method: 'PUT', headers: { 'X-Storage-Policy': 'PCA' } });
    const parts = [randomBytes(100), randomBytes(100)];
    await uploadSegments('archive.tar', parts, 'vault_segments');
    await session.swift('/vault/archive.tar', {
      method: 'PUT',
      body: '',
      headers: { 'X-Object-Manifest': 'vault_segments/archive.tar/' },
    });
    const first = await session.swift('/vault/archive.tar');
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('30');
    const segment = await session.swift('/vault_segments/archive.tar/00000001', { method: 'HEAD' });
    expect(segment.headers.get('x-ovh-retrieval-state')).toBe('unsealing');
    sandbox.clock.skewSeconds += 30;
    const ready = await session.swift('/vault/archive.tar');
    expect(ready.status).toBe(200);
    expect(Buffer.from(await ready.arrayBuffer()).equals(Buffer.concat(parts))).toBe(true);
  });
});

describe('Swift temp URLs', () => {
  it('honours a signature made with the account key until it expires', async () => {
    const key = 'secret-temp-key';
    expect(
      (await session.swift('', { method: 'POST', headers: { 'X-Account-Meta-Temp-URL-Key': key } })).status,
    ).toBe(204);
    const bytes = randomBytes(64);
    await session.swift('/big/shared file.bin', { method: 'PUT', body: bytes });
    const path = `/v1/AUTH_${sandbox.openstack.projectId}/big/shared file.bin`;
    const expires = sandbox.clock.nowSeconds() + 60;
    const sign = (method: string, algo = 'sha1') =>
      createHmac(algo, key).update(`${method}\n${expires}\n${path}`).digest('hex');
    const url = (signature: string, extra = '') =>
      `${sandbox.endpoints.swift.GRA}/v1/AUTH_${sandbox.openstack.projectId}/big/shared%20file.bin?temp_url_sig=${signature}&temp_url_expires=${expires}${extra}`;
    const got = await fetch(url(sign('GET')));
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);
    expect((await fetch(url(sign('GET', 'sha256')), { method: 'HEAD' })).status).toBe(200);
    const named = await fetch(url(sign('GET'), '&filename=report.bin'));
    expect(named.headers.get('content-disposition')).toContain('attachment; filename="report.bin"');
    expect((await fetch(url(sign('PUT')))).status).toBe(401);
    const good = sign('GET');
    expect((await fetch(url(`${good[0] === '0' ? '1' : '0'}${good.slice(1)}`))).status).toBe(401);
    sandbox.clock.skewSeconds += 61;
    expect((await fetch(url(sign('GET')))).status).toBe(401);
  });
});
