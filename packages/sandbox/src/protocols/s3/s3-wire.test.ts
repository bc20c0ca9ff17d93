/**
 * The S3 wire where no client on this machine goes: signed aws-chunked bodies (with and without a
 * trailer), checksum mismatches, UNSIGNED-PAYLOAD, S3's XML error shape, and the sandbox's faults on
 * S3. Requests are signed by an independent test signer (testing/s3-sign.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHandle, startSandbox } from '../../index.js';
import { signedChunkedBody, signS3 } from '../../testing/s3-sign.js';

let sandbox: SandboxHandle;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 51, objects: 2 });
});
afterAll(async () => {
  await sandbox.close();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

function send(method: string, path: string, headers: Record<string, string>, body?: Buffer): Promise<Answer> {
  const url = new URL(path, sandbox.s3.endpoints['EU-WEST-PAR']);
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const pieces: Buffer[] = [];
      res.on('data', (piece: Buffer) => pieces.push(piece));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(pieces).toString(),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

function signed(method: string, path: string, payloadHash: string, headers: Record<string, string> = {}) {
  return signS3({
    method,
    url: new URL(path, sandbox.s3.endpoints['EU-WEST-PAR']),
    headers,
    payloadHash,
    accessKey: sandbox.s3.accessKey,
    secretKey: sandbox.s3.secretKey,
    region: 'eu-west-par',
    date: new Date(sandbox.clock.nowMs()),
  });
}

const crc32Base64 = (bytes: Buffer) => {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(crc32(bytes) >>> 0);
  return out.toString('base64');
};
const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('hex');

beforeAll(async () => {
  const made = signed('PUT', '/wire', createHash('sha256').update('').digest('hex'));
  expect((await send('PUT', '/wire', made.headers)).status).toBe(200);
});

describe('S3 uploads on the wire', () => {
  it('takes a signed aws-chunked body and refuses one whose chunk was changed', async () => {
    const chunks = [randomBytes(65_536), randomBytes(1000)];
    const whole = Buffer.concat(chunks);
    const lengths = {
      'content-encoding': 'aws-chunked',
      'x-amz-decoded-content-length': String(whole.length),
    };
    const sig = signed('PUT', '/wire/chunked.bin', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD', lengths);
    const body = signedChunkedBody(sig, chunks);
    const ok = await send(
      'PUT',
      '/wire/chunked.bin',
      { ...sig.headers, 'content-length': String(body.length) },
      body,
    );
    expect(ok.status).toBe(200);
    expect(ok.headers.etag).toBe(`"${md5(whole)}"`);

    const tampered = Buffer.from(body);
    tampered[200] = tampered[200]! ^ 0xff;
    const refused = await send(
      'PUT',
      '/wire/tampered.bin',
      { ...sig.headers, 'content-length': String(tampered.length) },
      tampered,
    );
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('<Code>SignatureDoesNotMatch</Code>');
  });

  it('checks a signed trailer and its CRC32', async () => {
    const chunks = [randomBytes(10_000)];
    const headers = {
      'content-encoding': 'aws-chunked',
      'x-amz-decoded-content-length': String(chunks[0]!.length),
      'x-amz-trailer': 'x-amz-checksum-crc32',
    };
    const sig = signed('PUT', '/wire/trailer.bin', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER', headers);
    const good = signedChunkedBody(sig, chunks, ['x-amz-checksum-crc32', crc32Base64(chunks[0]!)]);
    const ok = await send(
      'PUT',
      '/wire/trailer.bin',
      { ...sig.headers, 'content-length': String(good.length) },
      good,
    );
    expect(ok.status).toBe(200);
    expect(ok.headers['x-amz-checksum-crc32']).toBe(crc32Base64(chunks[0]!));

    const badSig = signed(
      'PUT',
      '/wire/trailer-bad.bin',
      'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
      headers,
    );
    const bad = signedChunkedBody(badSig, chunks, ['x-amz-checksum-crc32', 'AAAAAA==']);
    const refused = await send(
      'PUT',
      '/wire/trailer-bad.bin',
      { ...badSig.headers, 'content-length': String(bad.length) },
      bad,
    );
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('<Code>BadDigest</Code>');
  });

  it('checks a SHA-256 checksum header with UNSIGNED-PAYLOAD, and answers S3’s XML error shape', async () => {
    const bytes = randomBytes(5000);
    const sha = createHash('sha256').update(bytes).digest('base64');
    const ok = signed('PUT', '/wire/unsigned.bin', 'UNSIGNED-PAYLOAD', { 'x-amz-checksum-sha256': sha });
    expect((await send('PUT', '/wire/unsigned.bin', ok.headers, bytes)).status).toBe(200);
    const wrong = signed('PUT', '/wire/unsigned-bad.bin', 'UNSIGNED-PAYLOAD', {
      'x-amz-checksum-sha256': createHash('sha256').update('other').digest('base64'),
    });
    const refused = await send('PUT', '/wire/unsigned-bad.bin', wrong.headers, bytes);
    expect(refused.status).toBe(400);
    expect(refused.headers['content-type']).toBe('application/xml');
    expect(refused.headers['x-amz-request-id']).toMatch(/^[0-9A-F]{16}$/);
    expect(refused.text).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<Error><Code>BadDigest<\/Code><Message>[^<]+<\/Message><Resource>\/wire\/unsigned-bad.bin<\/Resource><RequestId>[0-9A-F]{16}<\/RequestId><\/Error>$/,
    );
    const missing = await send(
      'HEAD',
      '/wire/unsigned-bad.bin',
      signed('HEAD', '/wire/unsigned-bad.bin', 'UNSIGNED-PAYLOAD').headers,
    );
    expect(missing.status).toBe(404);
  });

  it('answers the sandbox’s faults in S3’s shape', async () => {
    sandbox.setBehaviour({ faultRate: 1 });
    try {
      const statuses = new Set<number>();
      for (let i = 0; i < 30 && statuses.size < 2; i++) {
        const sig = signed('GET', '/wire', 'UNSIGNED-PAYLOAD');
        const answer = await send('GET', '/wire', sig.headers).catch(() => ({
          status: -1,
          headers: {},
          text: '',
        }));
        statuses.add(answer.status);
        if (answer.status >= 500)
          expect(answer.text).toMatch(/<Code>(InternalError|ServiceUnavailable)<\/Code>/);
      }
      expect([...statuses].every((status) => status !== 200)).toBe(true);
    } finally {
      sandbox.setBehaviour({ faultRate: 0 });
    }
    const entries = sandbox.requests().filter((entry) => entry.protocol === 's3' && entry.fault);
    expect(entries.length).toBeGreaterThan(0);
  });
});
