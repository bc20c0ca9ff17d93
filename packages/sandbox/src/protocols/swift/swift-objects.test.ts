import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHandle, startSandbox } from '../../index.js';
import { openSwiftSession, type SwiftSession } from '../../testing/openstack-auth.js';

let sandbox: SandboxHandle;
let session: SwiftSession;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 12, objects: 4 });
  session = await openSwiftSession(sandbox);
  await session.swift('/work', { method: 'PUT' });
});
afterAll(() => sandbox.close());

const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');

/** A body fetch must stream (no length known in advance): chunked transfer encoding. */
function streamOf(bytes: Uint8Array, pieces = 7): ReadableStream<Uint8Array> {
  const size = Math.ceil(bytes.length / pieces);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + size));
      offset += size;
    },
  });
}

describe('Swift objects', () => {
  it('streams a PUT to disk, answers its MD5 as ETag, and gives the same bytes back', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const put = await session.swift('/work/deep/path/été 2026/写真.bin', {
      method: 'PUT',
      body: streamOf(bytes),
      duplex: 'half',
      headers: { 'Content-Type': 'image/x-test', 'X-Object-Meta-Origin': 'camera' },
    } as RequestInit);
    expect(put.status).toBe(201);
    expect(put.headers.get('etag')).toBe(md5(bytes));
    const get = await session.swift(
      `/work/deep/path/${encodeURIComponent('été 2026')}/${encodeURIComponent('写真.bin')}`,
    );
    expect(get.status).toBe(200);
    expect(get.headers.get('content-type')).toBe('image/x-test');
    expect(get.headers.get('x-object-meta-origin')).toBe('camera');
    expect(get.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await get.arrayBuffer()).equals(bytes)).toBe(true);
    const files = (await import('node:fs/promises')).readdir(sandbox.objectDir);
    expect((await files).filter((name) => !name.endsWith('.part'))).toHaveLength(1);
  });

  it('refuses an upload whose sent ETag does not match with 422, keeping nothing', async () => {
    const bytes = randomBytes(1000);
    const put = await session.swift('/work/checked', {
      method: 'PUT',
      body: bytes,
      headers: { ETag: md5(Buffer.from('other')) },
    });
    expect(put.status).toBe(422);
    expect((await session.swift('/work/checked', { method: 'HEAD' })).status).toBe(404);
    const ok = await session.swift('/work/checked', {
      method: 'PUT',
      body: bytes,
      headers: { ETag: `"${md5(bytes)}"` },
    });
    expect(ok.status).toBe(201);
  });

  it('answers ranges with 206 and Content-Range, 416 past the end, HEAD without a body', async () => {
    const bytes = randomBytes(5000);
    await session.swift('/work/ranged', { method: 'PUT', body: bytes });
    const middle = await session.swift('/work/ranged', { headers: { Range: 'bytes=100-199' } });
    expect(middle.status).toBe(206);
    expect(middle.headers.get('content-range')).toBe('bytes 100-199/5000');
    expect(Buffer.from(await middle.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true);
    const tail = await session.swift('/work/ranged', { headers: { Range: 'bytes=4990-' } });
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(4990))).toBe(true);
    const suffix = await session.swift('/work/ranged', { headers: { Range: 'bytes=-3' } });
    expect(Buffer.from(await suffix.arrayBuffer()).equals(bytes.subarray(4997))).toBe(true);
    const past = await session.swift('/work/ranged', { headers: { Range: 'bytes=5000-' } });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe('bytes */5000');
    const head = await session.swift('/work/ranged', { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe('5000');
    expect(head.headers.get('etag')).toBe(md5(bytes));
    expect(head.headers.has('x-ovh-retrieval-state')).toBe(false);
  });

  it('copies with COPY and with PUT X-Copy-From, and deletes', async () => {
    const bytes = randomBytes(2048);
    await session.swift('/work/original', {
      method: 'PUT',
      body: bytes,
      headers: { 'X-Object-Meta-Kept': 'yes' },
    });
    const copy = await session.swift('/work/original', {
      method: 'COPY',
      headers: { Destination: 'work/copies/one' },
    });
    expect(copy.status).toBe(201);
    const put = await session.swift('/work/copies/two', {
      method: 'PUT',
      headers: { 'X-Copy-From': '/work/original', 'Content-Length': '0' },
    });
    expect(put.status).toBe(201);
    for (const key of ['one', 'two']) {
      const got = await session.swift(`/work/copies/${key}`);
      expect(got.headers.get('x-object-meta-kept')).toBe('yes');
      expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);
    }
    expect((await session.swift('/work/copies/one', { method: 'DELETE' })).status).toBe(204);
    expect((await session.swift('/work/copies/one', { method: 'DELETE' })).status).toBe(404);
    expect(
      (await session.swift('/work/original', { method: 'COPY', headers: { Destination: 'nowhere/x' } }))
        .status,
    ).toBe(404);
  });

  it('refuses an upload over max_file_size with 413 and one without a length with 411', async () => {
    const { request } = await import('node:http');
    const send = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const url = new URL(`${session.accountUrl()}/work/huge`);
        const req = request(
          url,
          { method: 'PUT', headers: { 'X-Auth-Token': session.token, ...headers } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end();
      });
    expect(await send({ 'Content-Length': String(5_368_709_123) })).toBe(413);
    // Neither Content-Length nor Transfer-Encoding: only a raw request can say that.
    const { connect } = await import('node:net');
    const url = new URL(`${session.accountUrl()}/work/huge`);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () => {
        socket.write(
          `PUT ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nX-Auth-Token: ${session.token}\r\nConnection: close\r\n\r\n`,
        );
      });
      let answer = '';
      socket.on('data', (piece) => {
        answer += piece.toString();
      });
      socket.on('end', () => resolve(answer));
      socket.on('error', reject);
    });
    expect(raw.split('\r\n')[0]).toBe('HTTP/1.1 411 Length Required');
    expect((await session.swift('/work/huge', { method: 'HEAD' })).status).toBe(404);
  });

  it('replaces metadata with POST', async () => {
    await session.swift('/work/meta', {
      method: 'PUT',
      body: 'm',
      headers: { 'X-Object-Meta-A': '1', 'X-Object-Meta-B': '2' },
    });
    expect(
      (await session.swift('/work/meta', { method: 'POST', headers: { 'X-Object-Meta-C': '3' } })).status,
    ).toBe(202);
    const head = await session.swift('/work/meta', { method: 'HEAD' });
    expect(head.headers.get('x-object-meta-c')).toBe('3');
    expect(head.headers.has('x-object-meta-a')).toBe(false);
  });

  it('serves a seeded generated object whose bytes match its ETag, and a range of the gigabyte one', async () => {
    const readme = await session.swift('/standard-gra/README.txt');
    const bytes = Buffer.from(await readme.arrayBuffer());
    expect(bytes.length).toBe(12);
    expect(md5(bytes)).toBe(readme.headers.get('etag'));
    const again = Buffer.from(await (await session.swift('/standard-gra/README.txt')).arrayBuffer());
    expect(again.equals(bytes)).toBe(true);
    // The gigabyte object sits in a PCA container: unseal it first, on the sandbox clock.
    const key = '/archives-gra/backups/db/dump-2026-03-14.sql.gz';
    expect((await session.swift(key)).status).toBe(429);
    sandbox.clock.skewSeconds += sandbox.settings.retrievalDelaySeconds;
    const size = 1024 ** 3;
    const end = await session.swift(key, {
      headers: { Range: `bytes=${size - 1024 * 1024 - 8}-${size - 1}` },
    });
    expect(end.status).toBe(206);
    const tail = Buffer.from(await end.arrayBuffer());
    expect(tail.length).toBe(1024 * 1024 + 8);
    // Every 1 MiB chunk is stamped with its index, so two chunks never repeat.
    expect(tail.subarray(8, 16).equals(tail.subarray(0, 8))).toBe(false);
  });

  it('answers If-Match: 412 once the object changed, the range as usual while it matches', async () => {
    const first = randomBytes(4000);
    await session.swift('/work/conditional', { method: 'PUT', body: first });
    const matching = await session.swift('/work/conditional', {
      headers: { Range: 'bytes=1000-', 'If-Match': `"${md5(first)}"` },
    });
    expect(matching.status).toBe(206);
    expect(Buffer.from(await matching.arrayBuffer()).equals(first.subarray(1000))).toBe(true);
    await session.swift('/work/conditional', { method: 'PUT', body: randomBytes(4000) });
    const changed = await session.swift('/work/conditional', {
      headers: { Range: 'bytes=1000-', 'If-Match': md5(first) },
    });
    expect(changed.status).toBe(412);
    await changed.body?.cancel();
    const any = await session.swift('/work/conditional', { method: 'HEAD', headers: { 'If-Match': '*' } });
    expect(any.status).toBe(200);
  });
});
