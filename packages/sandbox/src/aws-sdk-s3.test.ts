/**
 * The real AWS SDK for JavaScript v3, configured only from the sandbox's `s3` entry, against the S3
 * listeners: its defaults (aws-chunked with a CRC32 trailer), signed payloads, multipart, ranges,
 * listings, DEEP_ARCHIVE restores on the sandbox clock, presigned URLs, and the S3 error codes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  ListPartsCommand,
  PutObjectCommand,
  RestoreObjectCommand,
  S3Client,
  type S3ClientConfig,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHandle, startSandbox } from './index.js';
import { ovhCall } from './testing/ovh-call.js';

let sandbox: SandboxHandle;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 31, objects: 6, restoreDelaySeconds: 3600 });
});
afterAll(async () => {
  await sandbox.close();
});

function clientOf(handle: SandboxHandle, region: string, overrides: Partial<S3ClientConfig> = {}): S3Client {
  return new S3Client({
    region: region.toLowerCase(),
    endpoint: handle.s3.endpoints[region],
    forcePathStyle: true,
    credentials: { accessKeyId: handle.s3.accessKey, secretAccessKey: handle.s3.secretKey },
    maxAttempts: 1,
    ...overrides,
  });
}

const client = (region = 'EU-WEST-PAR', overrides: Partial<S3ClientConfig> = {}) =>
  clientOf(sandbox, region, overrides);

const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('hex');

async function errorOf(promise: Promise<unknown>): Promise<{ name: string; status?: number }> {
  try {
    await promise;
  } catch (error) {
    const failure = error as { name: string; $metadata?: { httpStatusCode?: number } };
    return { name: failure.name, status: failure.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}

describe('S3 entry points', () => {
  it('are named in each S3 region of the project, with the service OVH names', async () => {
    const serviceName = sandbox.openstack.projectId;
    for (const [region, service] of [
      ['RBX-ARCHIVE', 'storage-s3-coldarchive'],
      ['EU-WEST-PAR', 'storage-s3-standard'],
    ] as const) {
      const answer = await ovhCall<{ services: Array<{ name: string; endpoint: string }> }>(sandbox, {
        path: `/cloud/project/${serviceName}/region/${region}`,
      });
      expect(answer.status).toBe(200);
      expect(answer.body.services).toEqual([
        { name: service, status: 'UP', endpoint: `${sandbox.s3.endpoints[region]}/` },
      ]);
    }
  });
});

describe('the seeded v2 bucket', () => {
  it('mixes STANDARD and DEEP_ARCHIVE objects, one restoring, one restored, one archived', async () => {
    const s3 = client();
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'deep-archive-par' }));
    const classes = (listed.Contents ?? []).map((object) => [object.Key, object.StorageClass]);
    expect(classes).toHaveLength(6);
    expect(classes.filter(([, storageClass]) => storageClass === 'DEEP_ARCHIVE')).toHaveLength(3);
    const bucket =
      sandbox.state.publicCloud.projects[sandbox.openstack.projectId]!.s3!['EU-WEST-PAR']!.containers[
        'deep-archive-par'
      ]!;
    const deep = Object.values(bucket.objects).filter((object) => object.storageClass === 'DEEP_ARCHIVE');
    const restores = await Promise.all(
      deep.map(
        async (object) =>
          (await s3.send(new HeadObjectCommand({ Bucket: bucket.name, Key: object.key }))).Restore,
      ),
    );
    expect(restores.map((value) => value?.split(',')[0])).toEqual([
      'ongoing-request="true"',
      'ongoing-request="false"',
      undefined,
    ]);
    const restored = deep[1]!;
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket.name, Key: restored.key }));
    const bytes = Buffer.from(await got.Body!.transformToByteArray());
    expect(bytes.length).toBe(restored.bytes);
    expect(`"${md5(bytes)}"`).toBe(got.ETag);
    expect(
      (await errorOf(s3.send(new GetObjectCommand({ Bucket: bucket.name, Key: deep[2]!.key })))).name,
    ).toBe('InvalidObjectState');
  });
});

describe('S3 credentials', () => {
  it('belong to the openstack user; the secret is shown on creation only; a deleted key stops signing', async () => {
    const base = `/cloud/project/${sandbox.openstack.projectId}/user`;
    const users = await ovhCall<Array<{ id: number; username: string; openstackId: string }>>(sandbox, {
      path: base,
    });
    const user = users.body.find((candidate) => candidate.username === sandbox.openstack.username)!;
    const listed = await ovhCall<Array<Record<string, string>>>(sandbox, {
      path: `${base}/${user.id}/s3Credentials`,
    });
    expect(listed.body).toEqual([
      { access: sandbox.s3.accessKey, tenantId: sandbox.openstack.projectId, userId: user.openstackId },
    ]);
    const created = await ovhCall<Record<string, string>>(sandbox, {
      path: `${base}/${user.id}/s3Credentials`,
      method: 'POST',
    });
    expect(created.body.secret).toMatch(/^[0-9a-f]{32}$/);
    const again = await ovhCall<Record<string, string>>(sandbox, {
      path: `${base}/${user.id}/s3Credentials/${created.body.access}/secret`,
      method: 'POST',
    });
    expect(again.body).toEqual({ secret: created.body.secret });
    const fresh = client('EU-WEST-PAR', {
      credentials: { accessKeyId: created.body.access!, secretAccessKey: created.body.secret! },
    });
    expect((await fresh.send(new ListBucketsCommand({}))).$metadata.httpStatusCode).toBe(200);
    const removed = await ovhCall(sandbox, {
      path: `${base}/${user.id}/s3Credentials/${created.body.access}`,
      method: 'DELETE',
    });
    expect(removed.status).toBe(200);
    expect((await errorOf(fresh.send(new ListBucketsCommand({})))).name).toBe('InvalidAccessKeyId');
  });
});

describe('the AWS SDK for JavaScript v3', () => {
  it('creates a bucket, uploads with its default aws-chunked CRC32 trailer, lists and downloads byte for byte', async () => {
    const s3 = client();
    await s3.send(new CreateBucketCommand({ Bucket: 'sdk-basic' }));
    const buckets = await s3.send(new ListBucketsCommand({}));
    expect(buckets.Buckets?.map((bucket) => bucket.Name)).toContain('sdk-basic');
    const location = await s3.send(new GetBucketLocationCommand({ Bucket: 'sdk-basic' }));
    expect(location.LocationConstraint).toBe('eu-west-par');

    sandbox.clearRequests();
    const bytes = randomBytes(200_000);
    const put = await s3.send(
      new PutObjectCommand({ Bucket: 'sdk-basic', Key: 'dir/a b+c.bin', Body: bytes }),
    );
    expect(put.ETag).toBe(`"${md5(bytes)}"`);
    expect(put.ChecksumCRC32).toBeDefined();
    // A stream of known length: the SDK sends it aws-chunked with its CRC32 trailer (its https default).
    const streamed = randomBytes(300_000);
    const viaStream = await s3.send(
      new PutObjectCommand({
        Bucket: 'sdk-basic',
        Key: 'streamed.bin',
        Body: Readable.from([streamed.subarray(0, 100_000), streamed.subarray(100_000)]),
        ContentLength: streamed.length,
      }),
    );
    expect(viaStream.ETag).toBe(`"${md5(streamed)}"`);
    const streamedBack = await s3.send(new GetObjectCommand({ Bucket: 'sdk-basic', Key: 'streamed.bin' }));
    expect(Buffer.from(await streamedBack.Body!.transformToByteArray()).equals(streamed)).toBe(true);
    for (const key of ['dir/x.txt', 'dir/sub/y.txt', 'top.txt']) {
      await s3.send(new PutObjectCommand({ Bucket: 'sdk-basic', Key: key, Body: key }));
    }
    expect(
      sandbox.requests().every((entry) => entry.protocol === 's3' && entry.region === 'EU-WEST-PAR'),
    ).toBe(true);

    const got = await s3.send(new GetObjectCommand({ Bucket: 'sdk-basic', Key: 'dir/a b+c.bin' }));
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(bytes)).toBe(true);

    const ranged = await s3.send(
      new GetObjectCommand({ Bucket: 'sdk-basic', Key: 'dir/a b+c.bin', Range: 'bytes=10-19' }),
    );
    expect(ranged.$metadata.httpStatusCode).toBe(206);
    expect(ranged.ContentRange).toBe(`bytes 10-19/${bytes.length}`);
    expect(Buffer.from(await ranged.Body!.transformToByteArray()).equals(bytes.subarray(10, 20))).toBe(true);

    const keys: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await s3.send(
        new ListObjectsV2Command({ Bucket: 'sdk-basic', MaxKeys: 2, ContinuationToken: token }),
      );
      keys.push(...(page.Contents ?? []).map((object) => object.Key!));
      token = page.NextContinuationToken;
      pages++;
    } while (token);
    expect(keys).toEqual(['dir/a b+c.bin', 'dir/sub/y.txt', 'dir/x.txt', 'streamed.bin', 'top.txt']);
    expect(pages).toBe(3);

    const grouped = await s3.send(
      new ListObjectsV2Command({ Bucket: 'sdk-basic', Delimiter: '/', Prefix: 'dir/' }),
    );
    expect(grouped.Contents?.map((object) => object.Key)).toEqual(['dir/a b+c.bin', 'dir/x.txt']);
    expect(grouped.CommonPrefixes?.map((prefix) => prefix.Prefix)).toEqual(['dir/sub/']);
    const v1 = await s3.send(new ListObjectsCommand({ Bucket: 'sdk-basic', Marker: 'dir/x.txt' }));
    expect(v1.Contents?.map((object) => object.Key)).toEqual(['streamed.bin', 'top.txt']);

    expect(await errorOf(s3.send(new GetBucketPolicyCommand({ Bucket: 'sdk-basic' })))).toEqual({
      name: 'NoSuchBucketPolicy',
      status: 404,
    });
    expect((await errorOf(s3.send(new DeleteBucketCommand({ Bucket: 'sdk-basic' })))).name).toBe(
      'BucketNotEmpty',
    );
    const deleted = await s3.send(
      new DeleteObjectsCommand({ Bucket: 'sdk-basic', Delete: { Objects: keys.map((Key) => ({ Key })) } }),
    );
    expect(deleted.Deleted).toHaveLength(5);
    await s3.send(new DeleteBucketCommand({ Bucket: 'sdk-basic' }));
    expect((await errorOf(s3.send(new ListObjectsV2Command({ Bucket: 'sdk-basic' })))).name).toBe(
      'NoSuchBucket',
    );
  });

  it('uploads in parts and completes with the md5-of-md5s ETag', async () => {
    const s3 = client();
    await s3.send(new CreateBucketCommand({ Bucket: 'sdk-multipart' }));
    const parts = [randomBytes(5 * 1024 * 1024), randomBytes(5 * 1024 * 1024), randomBytes(1234)];
    const { UploadId } = await s3.send(
      new CreateMultipartUploadCommand({ Bucket: 'sdk-multipart', Key: 'big.bin' }),
    );
    const done: Array<{ PartNumber: number; ETag: string }> = [];
    for (const [index, Body] of parts.entries()) {
      const answer = await s3.send(
        new UploadPartCommand({
          Bucket: 'sdk-multipart',
          Key: 'big.bin',
          UploadId,
          PartNumber: index + 1,
          Body,
        }),
      );
      done.push({ PartNumber: index + 1, ETag: answer.ETag! });
    }
    const listed = await s3.send(new ListPartsCommand({ Bucket: 'sdk-multipart', Key: 'big.bin', UploadId }));
    expect(listed.Parts?.map((part) => part.Size)).toEqual(parts.map((part) => part.length));
    const completed = await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: 'sdk-multipart',
        Key: 'big.bin',
        UploadId,
        MultipartUpload: { Parts: done },
      }),
    );
    const md5s = Buffer.concat(parts.map((part) => createHash('md5').update(part).digest()));
    expect(completed.ETag).toBe(`"${md5(md5s)}-3"`);
    const got = await s3.send(new GetObjectCommand({ Bucket: 'sdk-multipart', Key: 'big.bin' }));
    expect(md5(Buffer.from(await got.Body!.transformToByteArray()))).toBe(md5(Buffer.concat(parts)));
  });

  it('refuses a DEEP_ARCHIVE download until a restore is done on the sandbox clock', async () => {
    const s3 = client();
    await s3.send(new CreateBucketCommand({ Bucket: 'sdk-cold' }));
    const bytes = randomBytes(4096);
    await s3.send(
      new PutObjectCommand({
        Bucket: 'sdk-cold',
        Key: 'cold.bin',
        Body: bytes,
        StorageClass: 'DEEP_ARCHIVE',
      }),
    );
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'sdk-cold', Key: 'cold.bin' }));
    expect(head.StorageClass).toBe('DEEP_ARCHIVE');
    expect(head.Restore).toBeUndefined();
    expect(await errorOf(s3.send(new GetObjectCommand({ Bucket: 'sdk-cold', Key: 'cold.bin' })))).toEqual({
      name: 'InvalidObjectState',
      status: 403,
    });

    const first = await s3.send(
      new RestoreObjectCommand({ Bucket: 'sdk-cold', Key: 'cold.bin', RestoreRequest: { Days: 2 } }),
    );
    expect(first.$metadata.httpStatusCode).toBe(202);
    expect((await s3.send(new HeadObjectCommand({ Bucket: 'sdk-cold', Key: 'cold.bin' }))).Restore).toBe(
      'ongoing-request="true"',
    );
    expect((await errorOf(s3.send(new GetObjectCommand({ Bucket: 'sdk-cold', Key: 'cold.bin' })))).name).toBe(
      'InvalidObjectState',
    );

    sandbox.clock.skewSeconds += 3600;
    try {
      // A client signs with its own clock: one that follows the server's, as the SDK's retries do.
      const s3 = client('EU-WEST-PAR', { systemClockOffset: sandbox.clock.skewSeconds * 1000 });
      const restored = await s3.send(new HeadObjectCommand({ Bucket: 'sdk-cold', Key: 'cold.bin' }));
      expect(restored.Restore).toMatch(
        /^ongoing-request="false", expiry-date="[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT"$/,
      );
      const got = await s3.send(new GetObjectCommand({ Bucket: 'sdk-cold', Key: 'cold.bin' }));
      expect(Buffer.from(await got.Body!.transformToByteArray()).equals(bytes)).toBe(true);
      const again = await s3.send(
        new RestoreObjectCommand({ Bucket: 'sdk-cold', Key: 'cold.bin', RestoreRequest: { Days: 1 } }),
      );
      expect(again.$metadata.httpStatusCode).toBe(200);
    } finally {
      sandbox.clock.skewSeconds -= 3600;
    }
  });

  it('answers the S3 error codes for a wrong key, a wrong secret, a skewed clock and a payload not as signed', async () => {
    const wrongKey = client('EU-WEST-PAR', {
      credentials: { accessKeyId: 'f'.repeat(32), secretAccessKey: sandbox.s3.secretKey },
    });
    expect(await errorOf(wrongKey.send(new ListBucketsCommand({})))).toEqual({
      name: 'InvalidAccessKeyId',
      status: 403,
    });
    const wrongSecret = client('EU-WEST-PAR', {
      credentials: { accessKeyId: sandbox.s3.accessKey, secretAccessKey: 'x'.repeat(32) },
    });
    expect(await errorOf(wrongSecret.send(new ListBucketsCommand({})))).toEqual({
      name: 'SignatureDoesNotMatch',
      status: 403,
    });
    const late = client('EU-WEST-PAR', { systemClockOffset: -20 * 60 * 1000 });
    expect(await errorOf(late.send(new ListBucketsCommand({})))).toEqual({
      name: 'RequestTimeTooSkewed',
      status: 403,
    });
    const wrongRegion = client('EU-WEST-PAR', { region: 'gra' });
    expect((await errorOf(wrongRegion.send(new ListBucketsCommand({})))).name).toBe(
      'AuthorizationHeaderMalformed',
    );

    // The SDK signs the SHA-256 of a plain body over http; the bytes are swapped after signing.
    const s3 = client('RBX-ARCHIVE', { requestChecksumCalculation: 'WHEN_REQUIRED' });
    await s3.send(new CreateBucketCommand({ Bucket: 'sdk-tampered' }));
    s3.middlewareStack.addRelativeTo(
      ((next: (args: { request: { body: unknown } }) => Promise<unknown>) =>
        async (args: { request: { body: unknown } }) => {
          args.request.body = 'HELLO';
          return next(args);
        }) as unknown as Parameters<typeof s3.middlewareStack.addRelativeTo>[0],
      { relation: 'after', toMiddleware: 'httpSigningMiddleware', name: 'tamper' },
    );
    expect(
      await errorOf(s3.send(new PutObjectCommand({ Bucket: 'sdk-tampered', Key: 'k', Body: 'hello' }))),
    ).toEqual({ name: 'XAmzContentSHA256Mismatch', status: 400 });
    s3.middlewareStack.remove('tamper');
    expect((await errorOf(s3.send(new HeadObjectCommand({ Bucket: 'sdk-tampered', Key: 'k' })))).status).toBe(
      404,
    );
  });

  it('honours presigned URLs until they expire on the sandbox clock', async () => {
    const s3 = client();
    await s3.send(new CreateBucketCommand({ Bucket: 'sdk-presign' }));
    await s3.send(new PutObjectCommand({ Bucket: 'sdk-presign', Key: 'p/q.txt', Body: 'presigned bytes' }));
    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'sdk-presign', Key: 'p/q.txt' }), {
      expiresIn: 300,
    });
    const ok = await fetch(url);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('presigned bytes');
    // One hex digit of the signature changed (always to another digit: a signature may start with 0).
    const forgedUrl = url.replace(/X-Amz-Signature=([0-9a-f])/, (_, digit: string) =>
      digit === '0' ? 'X-Amz-Signature=1' : 'X-Amz-Signature=0',
    );
    expect(forgedUrl).not.toBe(url);
    const forged = await fetch(forgedUrl);
    expect(forged.status).toBe(403);
    sandbox.clock.skewSeconds += 301;
    try {
      const late = await fetch(url);
      expect(late.status).toBe(403);
      expect(await late.text()).toContain('<Message>Request has expired</Message>');
    } finally {
      sandbox.clock.skewSeconds -= 301;
    }
  });
});

describe('S3 with --data', () => {
  it('keeps buckets, objects, storage classes, restores and the S3 key across a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ovh-sandbox-s3-data-'));
    const dataFile = join(dir, 'state.json');
    try {
      const first = await startSandbox({ seed: 32, objects: 2, dataFile });
      const bytes = randomBytes(9000);
      const s3 = clientOf(first, 'RBX-ARCHIVE');
      await s3.send(new CreateBucketCommand({ Bucket: 'kept' }));
      await s3.send(
        new PutObjectCommand({ Bucket: 'kept', Key: 'a/b.bin', Body: bytes, StorageClass: 'DEEP_ARCHIVE' }),
      );
      await s3.send(
        new RestoreObjectCommand({ Bucket: 'kept', Key: 'a/b.bin', RestoreRequest: { Days: 3 } }),
      );
      await first.close();

      const second = await startSandbox({ seed: 32, objects: 2, dataFile });
      try {
        expect(second.s3.accessKey).toBe(first.s3.accessKey);
        const again = clientOf(second, 'RBX-ARCHIVE');
        const head = await again.send(new HeadObjectCommand({ Bucket: 'kept', Key: 'a/b.bin' }));
        expect(head.StorageClass).toBe('DEEP_ARCHIVE');
        expect(head.Restore).toBe('ongoing-request="true"');
        second.clock.skewSeconds += 600;
        const late = clientOf(second, 'RBX-ARCHIVE', { systemClockOffset: 600_000 });
        const got = await late.send(new GetObjectCommand({ Bucket: 'kept', Key: 'a/b.bin' }));
        expect(Buffer.from(await got.Body!.transformToByteArray()).equals(bytes)).toBe(true);
      } finally {
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
