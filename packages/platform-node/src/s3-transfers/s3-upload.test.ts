import { createHash } from 'node:crypto';
import { GetObjectCommand, HeadObjectCommand, ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it } from 'vitest';
import { multipartEtag } from './s3-etag.js';
import { MIB } from './s3-part-plan.js';
import { MD5_METADATA, uploadToS3 } from './s3-upload.js';
import { startLossyProxy } from './testing/lossy-proxy.js';
import {
  fileUploadSource,
  type S3TransferSandbox,
  s3ClientOf,
  startS3TransferSandbox,
} from './testing/s3-transfer-sandbox.js';

const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('hex');

let kit: S3TransferSandbox;
afterEach(async () => {
  await kit?.close();
});

async function objectBytes(key: string): Promise<Buffer> {
  const answer = await kit.client.send(new GetObjectCommand({ Bucket: kit.bucket, Key: key }));
  return Buffer.from(await answer.Body!.transformToByteArray());
}

/** Successful part PUTs per part number, and completions, from the sandbox's request log. */
function partPuts(key: string): { parts: Map<number, number>; completions: number; puts: number } {
  const parts = new Map<number, number>();
  let completions = 0;
  let puts = 0;
  const path = `/${kit.bucket}/${encodeURIComponent(key).replace(/%2F/g, '/')}`;
  for (const entry of kit.s3Requests()) {
    if (entry.status !== 200 || (!entry.path.startsWith(`${path}?`) && entry.path !== path)) continue;
    const query = new URLSearchParams(entry.path.split('?')[1] ?? '');
    if (entry.method === 'PUT' && query.has('partNumber')) {
      const number = Number(query.get('partNumber'));
      parts.set(number, (parts.get(number) ?? 0) + 1);
    } else if (entry.method === 'POST' && query.has('uploadId')) completions += 1;
    else if (entry.method === 'PUT' && !query.has('uploadId')) puts += 1;
  }
  return { parts, completions, puts };
}

async function upload(key: string, path: string, options: Partial<Parameters<typeof uploadToS3>[0]> = {}) {
  return uploadToS3({
    client: kit.client,
    bucket: kit.bucket,
    source: await fileUploadSource(path, key),
    ...options,
  });
}

describe('uploadToS3', () => {
  it('sends a small file in one PUT checked against its MD5, and a re-run sends nothing', async () => {
    kit = await startS3TransferSandbox({ seed: 3 });
    const { path, bytes } = await kit.file('small.bin', 300_000);
    const first = await upload('dir/small é.bin', path);
    expect(first).toMatchObject({
      multipart: false,
      parts: 1,
      unchanged: false,
      etag: md5(bytes),
    });
    expect((await objectBytes('dir/small é.bin')).equals(bytes)).toBe(true);

    kit.sandbox.clearRequests();
    const again = await upload('dir/small é.bin', path);
    expect(again.unchanged).toBe(true);
    expect(kit.s3Requests().map((entry) => entry.method)).toEqual(['HEAD']);
  });

  it('uploads a large file in parts, as DEEP_ARCHIVE, with the multipart ETag of its parts', async () => {
    kit = await startS3TransferSandbox({ seed: 4 });
    const { path, bytes } = await kit.file('large.bin', 12 * MIB + 123);
    const result = await upload('large.bin', path, { storageClass: 'DEEP_ARCHIVE', partBytes: 5 * MIB });
    const expected = multipartEtag([
      md5(bytes.subarray(0, 5 * MIB)),
      md5(bytes.subarray(5 * MIB, 10 * MIB)),
      md5(bytes.subarray(10 * MIB)),
    ]);
    expect(result).toMatchObject({ multipart: true, parts: 3, partsReused: 0, etag: expected });
    const head = await kit.client.send(new HeadObjectCommand({ Bucket: kit.bucket, Key: 'large.bin' }));
    expect(head.StorageClass).toBe('DEEP_ARCHIVE');
    expect(head.ETag).toBe(`"${expected}"`);
    expect(head.Metadata?.[MD5_METADATA]).toBe(createHash('md5').update(bytes).digest('base64'));
    expect(partPuts('large.bin')).toMatchObject({ completions: 1 });
  });

  it('resumes an interrupted upload: the parts already there are kept, the rest sent once', async () => {
    kit = await startS3TransferSandbox({ seed: 5 });
    const { path, bytes } = await kit.file('resume.bin', 21 * MIB);
    const stop = new AbortController();
    const interrupted = upload('resume.bin', path, {
      partBytes: 5 * MIB,
      concurrency: 1,
      signal: stop.signal,
      onProgress: (progress) => {
        if (progress.partsDone >= 2) stop.abort(new Error('interrupted'));
      },
    });
    await expect(interrupted).rejects.toThrow();
    const before = partPuts('resume.bin');
    expect(before.completions).toBe(0);
    const finished = [...before.parts.keys()];
    expect(finished.length).toBeGreaterThanOrEqual(2);
    expect(finished.length).toBeLessThan(5);

    kit.sandbox.clearRequests();
    const result = await upload('resume.bin', path, { partBytes: 5 * MIB });
    expect(result.partsReused).toBe(finished.length);
    const after = partPuts('resume.bin');
    // Only the parts that were not there went out, each once, then one completion.
    expect([...after.parts.keys()].sort()).toEqual([1, 2, 3, 4, 5].filter((n) => !finished.includes(n)));
    expect([...after.parts.values()].every((count) => count === 1)).toBe(true);
    expect(after.completions).toBe(1);
    expect((await objectBytes('resume.bin')).equals(bytes)).toBe(true);
    const uploads = await kit.client.send(new ListMultipartUploadsCommand({ Bucket: kit.bucket }));
    expect(uploads.Uploads ?? []).toEqual([]);
  });

  it('under 20 % faults and the server clock 1 h ahead: byte-exact, every part and the completion applied once', async () => {
    kit = await startS3TransferSandbox({ seed: 6 });
    const { path, bytes } = await kit.file('faults.bin', 16 * MIB + 5);
    const small = await kit.file('faults-small.bin', 70_000);
    kit.sandbox.setBehaviour({ faultRate: 0.2, skewSeconds: 3600 });
    const result = await upload('faults.bin', path, { partBytes: 5 * MIB, baseDelayMs: 1, attempts: 10 });
    await upload('small.bin', small.path, { baseDelayMs: 1, attempts: 10 });
    kit.sandbox.setBehaviour({ faultRate: 0 });
    expect(result.parts).toBe(4);
    expect(kit.s3Requests().some((entry) => entry.fault)).toBe(true);
    const log = partPuts('faults.bin');
    expect([...log.parts.entries()].sort()).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 1],
    ]);
    expect(log.completions).toBe(1);
    expect(partPuts('small.bin').puts).toBe(1);
    expect((await objectBytes('faults.bin')).equals(bytes)).toBe(true);
    expect((await objectBytes('small.bin')).equals(small.bytes)).toBe(true);
  });

  it('completes once when the answer to CompleteMultipartUpload is lost: a HEAD finds the object', async () => {
    kit = await startS3TransferSandbox({ seed: 7 });
    const { path, bytes } = await kit.file('lost.bin', 11 * MIB);
    let first = true;
    const proxy = await startLossyProxy(kit.sandbox.s3.endpoints['EU-WEST-PAR']!, (method, url) => {
      const lose = first && method === 'POST' && url.includes('uploadId=');
      if (lose) first = false;
      return lose;
    });
    const client = s3ClientOf(kit.sandbox, 'EU-WEST-PAR', proxy.origin);
    try {
      const result = await uploadToS3({
        client,
        bucket: kit.bucket,
        source: await fileUploadSource(path, 'lost.bin'),
        partBytes: 5 * MIB,
        baseDelayMs: 1,
      });
      expect(proxy.lost).toBe(1);
      expect(result).toMatchObject({ multipart: true, parts: 3 });
      const log = partPuts('lost.bin');
      expect(log.completions).toBe(1);
      expect(
        kit.s3Requests().filter((e) => e.method === 'POST' && e.path.includes('uploadId=')),
      ).toHaveLength(1);
      expect((await objectBytes('lost.bin')).equals(bytes)).toBe(true);
    } finally {
      client.destroy();
      await proxy.close();
    }
  });
});
