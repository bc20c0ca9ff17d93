/**
 * The S3 side of Cold Archive v1 with the real AWS SDK on the RBX-ARCHIVE listener: the
 * intelligent-tiering configuration drives the lifecycle API v1 shows, the tags mirror it, object
 * reads and writes follow it; container policies bind other users; the side requests S3 clients
 * make answer as S3 does; the request log, faults and skew cover S3. Time moves by the sandbox clock.
 */
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteBucketIntelligentTieringConfigurationCommand,
  DeleteObjectCommand,
  GetBucketAccelerateConfigurationCommand,
  GetBucketAclCommand,
  GetBucketCorsCommand,
  GetBucketIntelligentTieringConfigurationCommand,
  GetBucketLocationCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketRequestPaymentCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  GetPublicAccessBlockCommand,
  HeadObjectCommand,
  ListBucketIntelligentTieringConfigurationsCommand,
  ListObjectsV2Command,
  PutBucketIntelligentTieringConfigurationCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHandle, startSandbox } from '../../index.js';
import { ovhCall } from '../../testing/ovh-call.js';
import { sdkS3Client } from '../../testing/sdk-s3-client.js';

const DELAY = 90;
const DAY = 86_400;
let sandbox: SandboxHandle;
let base: string;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 13, objects: 3, restoreDelaySeconds: DELAY });
  base = `/cloud/project/${sandbox.openstack.projectId}/region/RBX-ARCHIVE/coldArchive`;
});
afterAll(() => sandbox.close());

const s3 = (overrides = {}) => sdkS3Client(sandbox, 'RBX-ARCHIVE', overrides);
const advance = (seconds: number) => {
  sandbox.clock.skewSeconds += seconds;
};

async function failure(
  promise: Promise<unknown>,
): Promise<{ name: string; status?: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    const failed = error as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: failed.name, status: failed.$metadata?.httpStatusCode, message: failed.message };
  }
  throw new Error('expected the call to fail');
}

async function tags(bucket: string): Promise<Record<string, string>> {
  const answer = await s3().send(new GetBucketTaggingCommand({ Bucket: bucket }));
  return Object.fromEntries((answer.TagSet ?? []).map((tag) => [tag.Key, tag.Value]));
}

const tiering = (Bucket: string, AccessTier: string, Days = 999, Id = 'cold') =>
  new PutBucketIntelligentTieringConfigurationCommand({
    Bucket,
    Id,
    IntelligentTieringConfiguration: {
      Id,
      Status: 'Enabled',
      Tierings: [{ Days, AccessTier: AccessTier as 'ARCHIVE_ACCESS' }],
    },
  });

const v1Status = async (name: string) =>
  (await ovhCall<{ status: string; lockedUntil: string | null }>(sandbox, { path: `${base}/${name}` })).body;

describe('a bucket of RBX-ARCHIVE driven from S3', () => {
  it('archives, restores, locks and flushes through its intelligent-tiering configuration', async () => {
    const client = s3();
    await client.send(new CreateBucketCommand({ Bucket: 's3-cycle' }));
    expect(await tags('s3-cycle')).toEqual({ 'ovh:intelligent_tiering_status': 'None' });
    expect((await v1Status('s3-cycle')).status).toBe('none');
    await client.send(new PutObjectCommand({ Bucket: 's3-cycle', Key: 'a.txt', Body: 'archived bytes' }));
    const empty = await client.send(
      new ListBucketIntelligentTieringConfigurationsCommand({ Bucket: 's3-cycle' }),
    );
    expect(empty.IntelligentTieringConfigurationList ?? []).toEqual([]);

    await s3().send(tiering('s3-cycle', 'OVH_ARCHIVE'));
    expect(await tags('s3-cycle')).toEqual({ 'ovh:intelligent_tiering_status': 'Archiving' });
    expect((await v1Status('s3-cycle')).status).toBe('archiving');
    const got = await s3().send(
      new GetBucketIntelligentTieringConfigurationCommand({ Bucket: 's3-cycle', Id: 'cold' }),
    );
    expect(got.IntelligentTieringConfiguration?.Tierings).toEqual([{ Days: 999, AccessTier: 'OVH_ARCHIVE' }]);
    expect((await failure(s3().send(tiering('s3-cycle', 'OVH_ARCHIVE', 999, 'other')))).name).toBe(
      'InvalidArgument',
    );

    // Listing and metadata stay readable; bytes and writes do not.
    const listed = await s3().send(new ListObjectsV2Command({ Bucket: 's3-cycle' }));
    expect(listed.Contents?.map((object) => object.Key)).toEqual(['a.txt']);
    expect((await s3().send(new HeadObjectCommand({ Bucket: 's3-cycle', Key: 'a.txt' }))).ContentLength).toBe(
      14,
    );
    const read = await failure(s3().send(new GetObjectCommand({ Bucket: 's3-cycle', Key: 'a.txt' })));
    expect([read.name, read.status]).toEqual(['InvalidObjectState', 403]);
    const write = await failure(
      s3().send(new PutObjectCommand({ Bucket: 's3-cycle', Key: 'b.txt', Body: 'x' })),
    );
    expect([write.name, write.status]).toEqual(['AccessDenied', 403]);
    expect(
      (await failure(s3().send(new DeleteObjectCommand({ Bucket: 's3-cycle', Key: 'a.txt' })))).name,
    ).toBe('AccessDenied');

    advance(DELAY);
    expect(await tags('s3-cycle')).toEqual({ 'ovh:intelligent_tiering_status': 'Archived' });
    await s3().send(tiering('s3-cycle', 'OVH_RESTORE', 1));
    expect((await v1Status('s3-cycle')).status).toBe('restoring');
    expect((await failure(s3().send(tiering('s3-cycle', 'OVH_RESTORE', 1)))).message).toMatch(
      /status is restoring/,
    );
    advance(DELAY);
    expect(await tags('s3-cycle')).toEqual({ 'ovh:intelligent_tiering_status': 'Restored' });
    const bytes = await s3().send(new GetObjectCommand({ Bucket: 's3-cycle', Key: 'a.txt' }));
    expect(await bytes.Body!.transformToString()).toBe('archived bytes');
    expect(
      (await failure(s3().send(new PutObjectCommand({ Bucket: 's3-cycle', Key: 'b.txt', Body: 'x' })))).name,
    ).toBe('AccessDenied');

    await s3().send(tiering('s3-cycle', 'OVH_ARCHIVE_LOCK', 5));
    const lock = (await tags('s3-cycle'))['ovh:intelligent_tiering_archive_lock_until']!;
    expect(Date.parse(lock)).toBeGreaterThan(sandbox.clock.nowMs() + 5 * DAY * 1000 - 5000);
    expect((await v1Status('s3-cycle')).lockedUntil).not.toBeNull();
    const shorter = await failure(s3().send(tiering('s3-cycle', 'OVH_ARCHIVE_LOCK', 2)));
    expect([shorter.name, shorter.status]).toEqual(['BadRequest', 400]);
    const locked = await failure(
      s3().send(new DeleteBucketIntelligentTieringConfigurationCommand({ Bucket: 's3-cycle', Id: 'cold' })),
    );
    expect([locked.name, locked.status]).toEqual(['BadRequest', 400]);
    expect(locked.message).toBe(`Archive deletion is locked until ${lock}`);

    advance(6 * DAY);
    await s3().send(
      new DeleteBucketIntelligentTieringConfigurationCommand({ Bucket: 's3-cycle', Id: 'cold' }),
    );
    expect(await tags('s3-cycle')).toMatchObject({ 'ovh:intelligent_tiering_status': 'Deleting' });
    expect((await failure(s3().send(new DeleteBucketCommand({ Bucket: 's3-cycle' })))).name).toBe(
      'BucketNotEmpty',
    );
    advance(DELAY);
    expect((await s3().send(new ListObjectsV2Command({ Bucket: 's3-cycle' }))).KeyCount).toBe(0);
    expect((await v1Status('s3-cycle')).status).toBe('flushed');
    await s3().send(new DeleteBucketCommand({ Bucket: 's3-cycle' }));
    expect((await ovhCall(sandbox, { path: `${base}/s3-cycle` })).status).toBe(404);
  });

  it('shows the configuration API v1 pushes when it archives, and drops it when it flushes', async () => {
    await s3().send(new CreateBucketCommand({ Bucket: 's3-v1' }));
    await s3().send(new PutObjectCommand({ Bucket: 's3-v1', Key: 'k', Body: 'v' }));
    await ovhCall(sandbox, { method: 'POST', path: `${base}/s3-v1/archive`, body: { lockedUntilDays: 1 } });
    const listed = await s3().send(
      new ListBucketIntelligentTieringConfigurationsCommand({ Bucket: 's3-v1' }),
    );
    expect(listed.IntelligentTieringConfigurationList?.[0]?.Tierings).toEqual([
      { Days: 1, AccessTier: 'OVH_ARCHIVE_LOCK' },
    ]);
    advance(2 * DAY);
    expect((await ovhCall(sandbox, { method: 'POST', path: `${base}/s3-v1/destroy` })).status).toBe(200);
    const after = await s3().send(new ListBucketIntelligentTieringConfigurationsCommand({ Bucket: 's3-v1' }));
    expect(after.IntelligentTieringConfigurationList ?? []).toEqual([]);
  });

  it('refuses archiving an empty bucket and an unknown access tier', async () => {
    await s3().send(new CreateBucketCommand({ Bucket: 's3-empty' }));
    const empty = await failure(s3().send(tiering('s3-empty', 'OVH_ARCHIVE')));
    expect([empty.name, empty.message]).toEqual([
      'BadRequest',
      'Container s3-empty is empty: there is nothing to archive',
    ]);
    expect((await failure(s3().send(tiering('s3-empty', 'DEEP_ARCHIVE_ACCESS')))).name).toBe(
      'InvalidArgument',
    );
    const missing = await failure(
      s3().send(new GetBucketIntelligentTieringConfigurationCommand({ Bucket: 's3-empty', Id: 'cold' })),
    );
    expect(missing.name).toBe('NoSuchConfiguration');
  });

  it('answers the side requests clients make as S3 does', async () => {
    await s3().send(new CreateBucketCommand({ Bucket: 's3-side' }));
    expect((await s3().send(new GetBucketLocationCommand({ Bucket: 's3-side' }))).LocationConstraint).toBe(
      'rbx-archive',
    );
    expect((await failure(s3().send(new GetBucketPolicyCommand({ Bucket: 's3-side' })))).name).toBe(
      'NoSuchBucketPolicy',
    );
    expect((await failure(s3().send(new GetBucketCorsCommand({ Bucket: 's3-side' })))).name).toBe(
      'NoSuchCORSConfiguration',
    );
    const acl = await s3().send(new GetBucketAclCommand({ Bucket: 's3-side' }));
    expect(acl.Grants?.[0]?.Permission).toBe('FULL_CONTROL');
    expect((await s3().send(new GetBucketVersioningCommand({ Bucket: 's3-side' }))).Status).toBeUndefined();
    expect((await s3().send(new GetBucketRequestPaymentCommand({ Bucket: 's3-side' }))).Payer).toBe(
      'BucketOwner',
    );
    expect(
      (await s3().send(new GetBucketAccelerateConfigurationCommand({ Bucket: 's3-side' }))).Status,
    ).toBeUndefined();
    expect((await failure(s3().send(new GetPublicAccessBlockCommand({ Bucket: 's3-side' })))).name).toBe(
      'NoSuchPublicAccessBlockConfiguration',
    );
    expect(
      (await failure(s3().send(new GetBucketOwnershipControlsCommand({ Bucket: 's3-side' })))).name,
    ).toBe('OwnershipControlsNotFoundError');
    const signingDate = new Date(sandbox.clock.nowMs());
    const raw = await fetch(
      await getSignedUrl(s3(), new GetBucketLocationCommand({ Bucket: 's3-side' }), { signingDate }),
    );
    expect(await raw.text()).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">rbx-archive</LocationConstraint>',
    );
  });
});

describe('container policies on S3', () => {
  it('deny blocks a user from a bucket, readOnly lets it read but not write', async () => {
    const project = `/cloud/project/${sandbox.openstack.projectId}`;
    const user = await ovhCall<{ id: number }>(sandbox, {
      method: 'POST',
      path: `${project}/user`,
      body: { role: 'objectstore_operator' },
    });
    const credential = await ovhCall<{ access: string; secret: string }>(sandbox, {
      method: 'POST',
      path: `${project}/user/${user.body.id}/s3Credentials`,
    });
    const other: S3Client = s3({
      credentials: { accessKeyId: credential.body.access, secretAccessKey: credential.body.secret },
    });
    await ovhCall(sandbox, { method: 'POST', path: base, body: { name: 's3-policy' } });
    await s3().send(new PutObjectCommand({ Bucket: 's3-policy', Key: 'shared.txt', Body: 'shared' }));
    const policy = (roleName: string) =>
      ovhCall(sandbox, {
        method: 'POST',
        path: `${base}/s3-policy/policy/${user.body.id}`,
        body: { roleName },
      });
    expect((await policy('deny')).status).toBe(200);
    expect((await failure(other.send(new ListObjectsV2Command({ Bucket: 's3-policy' })))).name).toBe(
      'AccessDenied',
    );
    await policy('readOnly');
    const read = await other.send(new GetObjectCommand({ Bucket: 's3-policy', Key: 'shared.txt' }));
    expect(await read.Body!.transformToString()).toBe('shared');
    expect(
      (await failure(other.send(new PutObjectCommand({ Bucket: 's3-policy', Key: 'x', Body: 'x' })))).name,
    ).toBe('AccessDenied');
    await policy('readWrite');
    await other.send(new PutObjectCommand({ Bucket: 's3-policy', Key: 'x', Body: 'x' }));
    expect((await failure(other.send(tiering('s3-policy', 'OVH_ARCHIVE')))).name).toBe('AccessDenied');
    await policy('admin');
    await other.send(tiering('s3-policy', 'OVH_ARCHIVE'));
    expect((await v1Status('s3-policy')).status).toBe('archiving');
  });
});

describe('user S3 policies', () => {
  it('are imported, read back, refused when malformed, and bind the user on S3', async () => {
    const project = `/cloud/project/${sandbox.openstack.projectId}`;
    const user = await ovhCall<{ id: number }>(sandbox, {
      method: 'POST',
      path: `${project}/user`,
      body: { role: 'objectstore_operator' },
    });
    const path = `${project}/user/${user.body.id}/policy`;
    const initial = await ovhCall<{ policy: string }>(sandbox, { path });
    expect(JSON.parse(initial.body.policy).Statement[0]).toMatchObject({ Effect: 'Allow', Action: ['s3:*'] });
    const credential = await ovhCall<{ access: string; secret: string }>(sandbox, {
      method: 'POST',
      path: `${project}/user/${user.body.id}/s3Credentials`,
    });
    const limited = s3({
      credentials: { accessKeyId: credential.body.access, secretAccessKey: credential.body.secret },
    });
    await ovhCall(sandbox, { method: 'POST', path: base, body: { name: 's3-iam' } });
    await s3().send(new PutObjectCommand({ Bucket: 's3-iam', Key: 'read-me.txt', Body: 'readable' }));
    const policy = JSON.stringify({
      Statement: [
        {
          Sid: 'ro',
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:ListBucket'],
          Resource: ['arn:aws:s3:::s3-iam', 'arn:aws:s3:::s3-iam/*'],
        },
      ],
    });
    expect((await ovhCall(sandbox, { method: 'POST', path, body: { policy: '{"Statement":' } })).status).toBe(
      400,
    );
    expect((await ovhCall(sandbox, { method: 'POST', path, body: { policy } })).status).toBe(200);
    expect((await ovhCall<{ policy: string }>(sandbox, { path })).body.policy).toBe(policy);
    const read = await limited.send(new GetObjectCommand({ Bucket: 's3-iam', Key: 'read-me.txt' }));
    expect(await read.Body!.transformToString()).toBe('readable');
    expect(
      (await failure(limited.send(new PutObjectCommand({ Bucket: 's3-iam', Key: 'no', Body: 'x' })))).name,
    ).toBe('AccessDenied');
    expect((await failure(limited.send(new ListObjectsV2Command({ Bucket: 's3-side' })))).name).toBe(
      'AccessDenied',
    );
  });
});

describe('the sandbox knobs on S3', () => {
  it('logs S3 requests with their protocol and region, and answers injected faults as S3 errors', async () => {
    sandbox.clearRequests();
    await s3().send(new ListObjectsV2Command({ Bucket: 's3-side' }));
    expect(sandbox.requests()).toEqual([
      expect.objectContaining({ method: 'GET', protocol: 's3', region: 'RBX-ARCHIVE', status: 200 }),
    ]);
    sandbox.setBehaviour({ faultRate: 1 });
    try {
      const failed = await failure(s3().send(new ListObjectsV2Command({ Bucket: 's3-side' })));
      expect(failed.status === undefined || [429, 500, 503].includes(failed.status)).toBe(true);
    } finally {
      sandbox.setBehaviour({ faultRate: 0 });
    }
    expect(sandbox.requests().at(-1)?.fault).toBeDefined();
  });
});
