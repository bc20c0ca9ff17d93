import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type SandboxHandle, startSandbox } from '../../index.js';
import { sdkS3Client } from '../../testing/sdk-s3-client.js';

let sandbox: SandboxHandle;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 12, objects: 1 });
});
afterAll(async () => {
  await sandbox.close();
});

it('answers If-Match naming another ETag with 412 PreconditionFailed, on GET and HEAD', async () => {
  const client = sdkS3Client(sandbox, 'EU-WEST-PAR');
  await client.send(new CreateBucketCommand({ Bucket: 'conditions' }));
  const put = await client.send(
    new PutObjectCommand({ Bucket: 'conditions', Key: 'k', Body: 'first version' }),
  );
  const ranged = await client.send(
    new GetObjectCommand({ Bucket: 'conditions', Key: 'k', Range: 'bytes=6-', IfMatch: put.ETag }),
  );
  expect(await ranged.Body!.transformToString()).toBe('version');
  expect(
    (await client.send(new GetObjectCommand({ Bucket: 'conditions', Key: 'k', IfMatch: '*' }))).ETag,
  ).toBe(put.ETag);

  await client.send(new PutObjectCommand({ Bucket: 'conditions', Key: 'k', Body: 'second version' }));
  for (const command of [
    new GetObjectCommand({ Bucket: 'conditions', Key: 'k', Range: 'bytes=6-', IfMatch: put.ETag }),
    new HeadObjectCommand({ Bucket: 'conditions', Key: 'k', IfMatch: put.ETag }),
  ]) {
    const failure = await client.send(command as GetObjectCommand).then(
      () => undefined,
      (error: { name: string; $metadata: { httpStatusCode?: number } }) => error,
    );
    expect(failure?.$metadata.httpStatusCode).toBe(412);
  }
  const logged = sandbox.requests().filter((entry) => entry.protocol === 's3' && entry.status === 412);
  expect(logged.map((entry) => entry.method)).toEqual(['GET', 'HEAD']);
});
