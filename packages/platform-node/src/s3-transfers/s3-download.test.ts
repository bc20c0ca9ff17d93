import { createHash } from 'node:crypto';
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  RestoreObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it } from 'vitest';
import { fileUploadSource } from './file-upload-source.js';
import { openS3Download, S3ObjectArchivedError, S3ObjectChangedError } from './s3-download.js';
import { MIB } from './s3-part-plan.js';
import { uploadToS3 } from './s3-upload.js';
import { type S3TransferSandbox, startS3TransferSandbox } from './testing/s3-transfer-sandbox.js';

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
    expect(refused).toBeInstanceOf(S3ObjectArchivedError);
    expect(refused).toMatchObject({ state: 'archived', message: expect.stringContaining('--days N') });
    // Refused from the HEAD: no GET was sent.
    expect(kit.s3Requests().map((entry) => entry.method)).toEqual(['HEAD']);

    await kit.client.send(
      new RestoreObjectCommand({ Bucket: kit.bucket, Key: 'cold', RestoreRequest: { Days: 1 } }),
    );
    await expect(open('cold')).rejects.toMatchObject({ name: 'S3ObjectArchivedError', state: 'restoring' });
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
    await expect(source.openRange(8, source.bytes)).rejects.toBeInstanceOf(S3ObjectChangedError);
  });
});
