/**
 * The S3 factory against the sandbox's S3 listeners, configured from API v1 alone: the endpoint
 * from the region's services, the credential from a user and S3 key it creates (said, once), then
 * listings, HEAD with x-amz-restore, RestoreObject, and a refused key renewed.
 */

import { Readable } from 'node:stream';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { ApiS3AccessProvider, OvhClient, type S3AccessCreation, type S3Credential } from '@ovh-pca/core';
import { type SandboxHandle, startSandbox } from '@ovh-pca/sandbox';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AwsS3ClientFactory } from './aws-s3-client-factory.js';

let sandbox: SandboxHandle;
beforeAll(async () => {
  // User creation takes one task step on the sandbox clock: 1 s here.
  sandbox = await startSandbox({
    port: 0,
    seed: 5,
    objects: 6,
    restoreDelaySeconds: 3600,
    taskDurationSeconds: 1,
  });
});
afterAll(async () => {
  await sandbox.close();
});

function client() {
  return new OvhClient({
    endpoint: sandbox.endpoint,
    applicationKey: sandbox.applicationKey,
    applicationSecret: sandbox.applicationSecret,
    consumerKey: sandbox.consumerKey,
    retryBaseDelayMs: 5,
  });
}

/** A credential store in memory, counting writes (the keychain one is tested in the CLI). */
function memoryStore() {
  const entries = new Map<string, S3Credential>();
  return {
    entries,
    get: async (scope: string) => entries.get(scope),
    set: async (scope: string, credential: S3Credential) => void entries.set(scope, credential),
    delete: async (scope: string) => entries.delete(scope),
  };
}

const project = () => sandbox.openstack.projectId;

/** A factory over a fresh access provider, recording what it creates. */
function factoryOver(
  store: ReturnType<typeof memoryStore>,
  created: S3AccessCreation[] = [],
  onDebug?: (line: string) => void,
) {
  const access = new ApiS3AccessProvider(client(), {
    store,
    onCreated: (creation) => created.push(creation),
    userPollIntervalMs: 100,
  });
  return new AwsS3ClientFactory({ access, onDebug });
}

describe('AwsS3ClientFactory', () => {
  it('reaches S3 with a user and key created through API v1, said once and kept in the store', async () => {
    const store = memoryStore();
    const created: S3AccessCreation[] = [];
    const factory = factoryOver(store, created);
    const api = await factory.bucketApi(project(), 'EU-WEST-PAR');
    expect(api.endpoint).toMatchObject({ region: 'EU-WEST-PAR', signingRegion: 'eu-west-par' });
    expect(api.endpoint.url).toBe(sandbox.s3.endpoints['EU-WEST-PAR']);
    const buckets = await api.listBuckets();
    expect(buckets.map((bucket) => bucket.name)).toContain('deep-archive-par');
    expect(created.map((creation) => creation.kind)).toEqual(['user', 's3-credential']);
    expect([...store.entries.keys()]).toEqual([`s3:${project()}`]);
    // A second factory over the same store creates nothing.
    const again = factoryOver(store, created);
    await (await again.bucketApi(project(), 'EU-WEST-PAR')).listBuckets();
    expect(created).toHaveLength(2);
    await factory.destroy();
    await again.destroy();
  });

  it('lists with storage classes, reads x-amz-restore and restores a DEEP_ARCHIVE object', async () => {
    const factory = factoryOver(memoryStore());
    const api = await factory.bucketApi(project(), 'EU-WEST-PAR');
    const page = await api.listObjects('deep-archive-par', { maxKeys: 2 });
    expect(page.objects).toHaveLength(2);
    expect(page.nextToken).toBeTruthy();
    const rest = await api.listObjects('deep-archive-par', { token: page.nextToken });
    const all = [...page.objects, ...rest.objects];
    const deep = all.filter((object) => object.storageClass === 'DEEP_ARCHIVE');
    expect(deep.length).toBeGreaterThan(0);
    const heads = await Promise.all(deep.map((object) => api.headObject('deep-archive-par', object.key)));
    const archived = heads.find((head) => head.restore === null);
    expect(archived).toBeDefined();
    expect(await api.restoreObject('deep-archive-par', archived!.key, 1)).toBe('started');
    expect(await api.restoreObject('deep-archive-par', archived!.key, 1)).toBe('in-progress');
    expect((await api.headObject('deep-archive-par', archived!.key)).restore).toEqual({
      inProgress: true,
      expiryDate: null,
    });
    await factory.destroy();
  });

  it('renews a key S3 no longer knows: a new one is created and stored', async () => {
    const store = memoryStore();
    store.entries.set(`s3:${project()}`, {
      accessKeyId: 'f'.repeat(32),
      secretAccessKey: 'x'.repeat(32),
      userId: 1,
    });
    const created: S3AccessCreation[] = [];
    const factory = factoryOver(store, created);
    const api = await factory.bucketApi(project(), 'EU-WEST-PAR');
    expect((await api.listBuckets()).length).toBeGreaterThan(0);
    expect(created.map((creation) => creation.kind)).toContain('s3-credential');
    expect(store.entries.get(`s3:${project()}`)?.accessKeyId).not.toBe('f'.repeat(32));
    await factory.destroy();
  });

  it('signs right under ±1 h of server skew and lists every object under 20 % S3 faults', async () => {
    const factory = factoryOver(memoryStore());
    const api = await factory.bucketApi(project(), 'EU-WEST-PAR');
    const expected = (await api.listObjects('deep-archive-par')).objects.map((object) => object.key);
    for (const skewSeconds of [3600, -3600]) {
      sandbox.setBehaviour({ skewSeconds, faultRate: 0.2 });
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await api.listObjects('deep-archive-par', { maxKeys: 2, token });
        keys.push(...page.objects.map((object) => object.key));
        token = page.nextToken;
      } while (token);
      expect(keys).toEqual(expected);
      const heads = await Promise.all(expected.map((key) => api.headObject('deep-archive-par', key)));
      expect(heads.map((head) => head.key)).toEqual(expected);
    }
    sandbox.setBehaviour({ skewSeconds: 0, faultRate: 0 });
    expect(sandbox.requests().some((entry) => entry.protocol === 's3' && entry.fault)).toBe(true);
    await factory.destroy();
  });

  it('keeps the SDK off the console when a streamed upload meets a fault: its warning goes to --verbose', async () => {
    const debug: string[] = [];
    const factory = factoryOver(memoryStore(), [], (line) => debug.push(line));
    const { client } = await factory.target(project(), 'EU-WEST-PAR');
    await client.send(new PutObjectCommand({ Bucket: 'deep-archive-par', Key: 'warm-up', Body: 'x' }));
    const consoleLines: unknown[][] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args) => void consoleLines.push(args)),
    );
    try {
      sandbox.setBehaviour({ faultRate: 1 });
      const body = Readable.from([Buffer.alloc(64 * 1024, 7)]);
      const sent = client.send(
        new PutObjectCommand({
          Bucket: 'deep-archive-par',
          Key: 'streamed',
          Body: body,
          ContentLength: 64 * 1024,
        }),
      );
      await expect(sent).rejects.toBeDefined();
    } finally {
      sandbox.setBehaviour({ faultRate: 0 });
      for (const spy of spies) spy.mockRestore();
    }
    expect(consoleLines).toEqual([]);
    expect(debug).toContain('S3 SDK warning: An error was encountered in a non-retryable streaming request.');
    await factory.destroy();
  });
});
