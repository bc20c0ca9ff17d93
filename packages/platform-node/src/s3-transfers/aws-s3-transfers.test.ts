/**
 * The transfer port over the client factory, credentials from API v1 alone: an S3 key deleted
 * through API v1 between two transfers, or between a download's HEAD and its ranged GET, is
 * replaced once and the refused request sent again.
 */
import { Buffer } from 'node:buffer';
import { ApiS3AccessProvider, InMemoryS3CredentialStore, OvhClient } from '@ovh-pca/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsS3ClientFactory } from '../s3/aws-s3-client-factory.js';
import { AwsS3Transfers } from './aws-s3-transfers.js';
import {
  fileUploadSource,
  type S3TransferSandbox,
  startS3TransferSandbox,
} from './testing/s3-transfer-sandbox.js';

let kit: S3TransferSandbox;
let api: OvhClient;
let access: ApiS3AccessProvider;
let factory: AwsS3ClientFactory;
let transfers: AwsS3Transfers;
const project = () => kit.sandbox.openstack.projectId;
const bucket = () => ({ project: project(), region: 'EU-WEST-PAR', bucket: kit.bucket });

beforeAll(async () => {
  // User creation takes one task step on the sandbox clock: 1 s here.
  kit = await startS3TransferSandbox({ taskDurationSeconds: 1 });
  api = new OvhClient({
    endpoint: kit.sandbox.endpoint,
    applicationKey: kit.sandbox.applicationKey,
    applicationSecret: kit.sandbox.applicationSecret,
    consumerKey: kit.sandbox.consumerKey,
    retryBaseDelayMs: 5,
  });
  access = new ApiS3AccessProvider(api, { store: new InMemoryS3CredentialStore(), userPollIntervalMs: 100 });
  factory = new AwsS3ClientFactory({ access });
  transfers = new AwsS3Transfers(factory);
});
afterAll(async () => {
  await factory.destroy();
  await kit.close();
});

/** Deletes the key in use through API v1, as a user would in the Control Panel; answers it. */
async function deleteCurrentKey(): Promise<string> {
  const { userId, accessKeyId } = await access.credential(project());
  await api.delete(`/cloud/project/${project()}/user/${userId}/s3Credentials/${accessKeyId}`);
  return accessKeyId;
}

const refusals = () => kit.s3Requests().filter((entry) => entry.status === 403).length;

describe('AwsS3Transfers with a key deleted on the OVH side', () => {
  it('renews the key once and uploads anyway, in one PUT and in multipart', async () => {
    const first = await kit.file('first.bin', 1024);
    const [one] = await transfers.uploadObjects(bucket(), [await fileUploadSource(first.path, 'first.bin')]);
    expect(one?.outcome).toBe('uploaded');

    const deleted = await deleteCurrentKey();
    const small = await kit.file('second.bin', 2048);
    const large = await kit.file('large.bin', 12 * 1024 * 1024);
    const before = refusals();
    const results = await transfers.uploadObjects(
      bucket(),
      [await fileUploadSource(small.path, 'second.bin'), await fileUploadSource(large.path, 'large.bin')],
      { segmentSize: 5 * 1024 * 1024 },
    );
    expect(results.map((result) => [result.key, result.outcome, result.error ?? null])).toEqual([
      ['second.bin', 'uploaded', null],
      ['large.bin', 'uploaded', null],
    ]);
    expect(results[1]?.segments).toBe(3);
    expect(refusals()).toBeGreaterThan(before);
    expect((await access.credential(project())).accessKeyId).not.toBe(deleted);

    // A second deletion, before the multipart one starts: renewed again (once per transfer).
    const again = await deleteCurrentKey();
    const [redone] = await transfers.uploadObjects(
      bucket(),
      [await fileUploadSource(large.path, 'large.bin')],
      {
        segmentSize: 5 * 1024 * 1024,
      },
    );
    expect(redone?.outcome).toBe('unchanged');
    expect((await access.credential(project())).accessKeyId).not.toBe(again);
  });

  it('renews a key deleted between the HEAD of a download and its ranged GET', async () => {
    const source = await kit.file('read.bin', 4096);
    const [uploaded] = await transfers.uploadObjects(bucket(), [
      await fileUploadSource(source.path, 'read.bin'),
    ]);
    expect(uploaded?.outcome).toBe('uploaded');
    const download = await transfers.openDownload(bucket(), 'read.bin');
    const deleted = await deleteCurrentKey();
    const before = refusals();
    const stream = await download.openRange(1000, 3000);
    const bytes = Buffer.from(await new Response(stream).arrayBuffer());
    expect(bytes.equals(source.bytes.subarray(1000, 3000))).toBe(true);
    expect(refusals()).toBe(before + 1);
    expect((await access.credential(project())).accessKeyId).not.toBe(deleted);
  });
});
