import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  RestoreObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { ObjectChangedError, ObjectNotReadyError, ObjectNotRestoredError } from '@ovh-pca/core';
import { afterEach, describe, expect, it } from 'vitest';
import { downloadToFile } from '../download/file-download.js';
import { openS3Download } from './s3-download.js';
import { MIB } from './s3-part-plan.js';
import { uploadToS3 } from './s3-upload.js';
import {
  fileUploadSource,
  type S3TransferSandbox,
  startS3TransferSandbox,
} from './testing/s3-transfer-sandbox.js';

const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('hex');

let kit: S3TransferSandbox;
afterEach(async () => {
  await kit?.close();
});

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

const open = (key: string) => openS3Download({ client: kit.client, bucket: kit.bucket, key });

describe('openS3Download', () => {
  it('checks a one-PUT object by its ETag and a multipart one by its md5chksum; ranges read under If-Match', async () => {
    kit = await startS3TransferSandbox({ seed: 21 });
    const small = await kit.file('small.bin', 1000);
    const large = await kit.file('large.bin', 11 * MIB);
    for (const [key, file] of [
      ['small.bin', small],
      ['large.bin', large],
    ] as const) {
      await uploadToS3({
        client: kit.client,
        bucket: kit.bucket,
        source: await fileUploadSource(file.path, key),
        partBytes: 5 * MIB,
      });
    }

    const one = await open('small.bin');
    expect(one).toMatchObject({ bytes: 1000, verification: 'md5', etag: md5(small.bytes) });
    expect(one.checksums).toEqual([{ start: 0, end: 1000, md5: md5(small.bytes) }]);
    expect((await readAll(await one.openRange(100, 1000))).equals(small.bytes.subarray(100))).toBe(true);

    const parts = await open('large.bin');
    expect(parts.etag).toMatch(/-3$/);
    expect(parts).toMatchObject({
      verification: 'md5',
      checksums: [{ start: 0, end: 11 * MIB, md5: md5(large.bytes) }],
    });
    const tail = await readAll(await parts.openRange(6 * MIB, 11 * MIB));
    expect(tail.equals(large.bytes.subarray(6 * MIB))).toBe(true);
    const gets = kit
      .s3Requests()
      .filter((entry) => entry.method === 'GET' && entry.path.startsWith(`/${kit.bucket}/large.bin`));
    expect(gets.map((entry) => entry.status)).toEqual([206]);
  });

  it('can only check the size of a multipart object written without md5chksum, and says so', async () => {
    kit = await startS3TransferSandbox({ seed: 22 });
    const bytes = Buffer.alloc(5 * MIB + 10, 7);
    const { UploadId } = await kit.client.send(
      new CreateMultipartUploadCommand({ Bucket: kit.bucket, Key: 'raw' }),
    );
    const etags: string[] = [];
    for (const [number, body] of [bytes.subarray(0, 5 * MIB), bytes.subarray(5 * MIB)].entries()) {
      const part = await kit.client.send(
        new UploadPartCommand({
          Bucket: kit.bucket,
          Key: 'raw',
          UploadId,
          PartNumber: number + 1,
          Body: body,
        }),
      );
      etags.push(part.ETag!);
    }
    await kit.client.send(
      new CompleteMultipartUploadCommand({
        Bucket: kit.bucket,
        Key: 'raw',
        UploadId,
        MultipartUpload: { Parts: etags.map((ETag, index) => ({ ETag, PartNumber: index + 1 })) },
      }),
    );
    expect(await open('raw')).toMatchObject({ verification: 'size', checksums: [], bytes: bytes.length });
  });

  it('refuses a DEEP_ARCHIVE object until restored, then reads it', async () => {
    kit = await startS3TransferSandbox({ seed: 23, restoreDelaySeconds: 3600 });
    await kit.client.send(
      new PutObjectCommand({
        Bucket: kit.bucket,
        Key: 'cold',
        Body: 'frozen bytes',
        StorageClass: 'DEEP_ARCHIVE',
      }),
    );
    kit.sandbox.clearRequests();
    const refused = await open('cold').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ObjectNotRestoredError);
    expect(refused).toBeInstanceOf(ObjectNotReadyError);
    expect(refused).toMatchObject({ state: 'archived', message: expect.stringContaining('--days N') });
    // Refused from the HEAD: no GET was sent.
    expect(kit.s3Requests().map((entry) => entry.method)).toEqual(['HEAD']);

    await kit.client.send(
      new RestoreObjectCommand({ Bucket: kit.bucket, Key: 'cold', RestoreRequest: { Days: 1 } }),
    );
    await expect(open('cold')).rejects.toMatchObject({ name: 'ObjectNotReadyError', state: 'restoring' });
    await fetch(`${new URL(kit.sandbox.url).origin}/_sandbox/clock`, {
      method: 'POST',
      body: JSON.stringify({ advanceSeconds: 3601 }),
    });
    const source = await open('cold');
    expect((await readAll(await source.openRange(0, source.bytes))).toString()).toBe('frozen bytes');
  });

  it('refuses a range of an object replaced since it was described', async () => {
    kit = await startS3TransferSandbox({ seed: 24 });
    await kit.client.send(new PutObjectCommand({ Bucket: kit.bucket, Key: 'moving', Body: 'version one' }));
    const source = await open('moving');
    await kit.client.send(new PutObjectCommand({ Bucket: kit.bucket, Key: 'moving', Body: 'version two' }));
    await expect(source.openRange(8, source.bytes)).rejects.toBeInstanceOf(ObjectChangedError);
  });
});

describe('S3 download into a file (the .part writer)', () => {
  it('under 20 % faults (mid-body drops too) and the server clock 1 h behind: byte-exact, resumed by Range', async () => {
    kit = await startS3TransferSandbox({ seed: 25 });
    const large = await kit.file('large.bin', 5 * MIB + 3);
    const small = await kit.file('small.bin', 100_000);
    for (const [key, file] of [
      ['large.bin', large],
      ['small.bin', small],
    ] as const) {
      const source = await fileUploadSource(file.path, key);
      await uploadToS3({ client: kit.client, bucket: kit.bucket, source, partBytes: 5 * MIB });
    }
    kit.sandbox.setBehaviour({ faultRate: 0.2, skewSeconds: -3600 });
    kit.sandbox.clearRequests();
    const cutGets = () =>
      kit.s3Requests().filter((entry) => entry.method === 'GET' && entry.fault === 'truncate').length;
    // Downloads (each into a new file) until the faults have cut a body mid-way.
    let rounds = 0;
    for (; rounds < 60 && cutGets() < 1; rounds += 1) {
      const round = rounds;
      for (const [key, file] of [
        ['large.bin', large],
        ['small.bin', small],
      ] as const) {
        const target = join(kit.dir, `out-${round}`, key);
        const result = await downloadToFile({
          target,
          open: (signal) =>
            openS3Download({
              client: kit.client,
              bucket: kit.bucket,
              key,
              signal,
              baseDelayMs: 1,
              attempts: 10,
            }),
          attempts: 10,
          retryBaseMs: 1,
        });
        expect(result).toMatchObject({
          outcome: 'downloaded',
          verification: 'md5',
          bytes: file.bytes.length,
        });
        expect((await readFile(target)).equals(file.bytes)).toBe(true);
        expect(await readdir(join(kit.dir, `out-${round}`))).not.toContain(`.${key}.part`);
      }
    }
    kit.sandbox.setBehaviour({ faultRate: 0 });
    expect(cutGets()).toBeGreaterThanOrEqual(1);
    // After a cut body, the next read asks for the rest only.
    const resumed = kit
      .s3Requests()
      .filter((entry) => entry.method === 'GET' && entry.range && !entry.range.startsWith('bytes=0-'));
    expect(resumed.length).toBeGreaterThan(0);
  });

  it('an interrupted download re-run goes on from its .part file', async () => {
    kit = await startS3TransferSandbox({ seed: 26 });
    const file = await kit.file('big.bin', 9 * MIB);
    await uploadToS3({
      client: kit.client,
      bucket: kit.bucket,
      source: await fileUploadSource(file.path, 'big.bin'),
      partBytes: 5 * MIB,
    });
    const target = join(kit.dir, 'out', 'big.bin');
    const stop = new AbortController();
    const open = (signal?: AbortSignal) =>
      openS3Download({ client: kit.client, bucket: kit.bucket, key: 'big.bin', signal });
    await expect(
      downloadToFile({
        target,
        open,
        signal: stop.signal,
        onProgress: ({ received }) => {
          if (received >= 2 * MIB) stop.abort(new Error('interrupted'));
        },
      }),
    ).rejects.toThrow();
    await expect(readFile(target)).rejects.toThrow();
    kit.sandbox.clearRequests();
    const result = await downloadToFile({ target, open });
    expect(result.resumedFrom).toBeGreaterThanOrEqual(2 * MIB);
    expect((await readFile(target)).equals(file.bytes)).toBe(true);
    const get = kit
      .s3Requests()
      .find((entry) => entry.method === 'GET' && entry.path.startsWith(`/${kit.bucket}/big.bin`));
    expect(get?.status).toBe(206);
  });
});
