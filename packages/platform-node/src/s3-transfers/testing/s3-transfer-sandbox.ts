// Test support (not exported): a sandbox, an AWS SDK client on one of its S3 regions, a fresh
// bucket, real files in a temporary folder, and the S3 part of the request log.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import type { UploadSource } from '@ovh-pca/core';
import { type SandboxHandle, type StartSandboxOptions, startSandbox } from '@ovh-pca/sandbox';
import { md5OfFilePart, openFilePart } from '../../files/file-parts.js';
import { createS3RetryStrategy } from '../../s3/s3-retry-strategy.js';

export const silentLogger = { debug() {}, info() {}, warn() {}, error() {}, trace() {} };

export interface S3TransferSandbox {
  sandbox: SandboxHandle;
  client: S3Client;
  bucket: string;
  dir: string;
  /** Writes `bytes` random bytes (or the given ones) to a file of the temporary folder. */
  file(name: string, bytes: number | Buffer): Promise<{ path: string; bytes: Buffer }>;
  s3Requests(): ReturnType<SandboxHandle['requests']>;
  close(): Promise<void>;
}

export function s3ClientOf(
  sandbox: SandboxHandle,
  region: string,
  endpoint = sandbox.s3.endpoints[region],
): S3Client {
  return new S3Client({
    region: region.toLowerCase(),
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: sandbox.s3.accessKey, secretAccessKey: sandbox.s3.secretKey },
    logger: silentLogger,
    // As the client factory builds it, with short delays.
    retryStrategy: createS3RetryStrategy({ baseDelayMs: 5, maxDelayMs: 50 }),
  });
}

export async function startS3TransferSandbox(
  options: StartSandboxOptions & { region?: string; bucket?: string } = {},
): Promise<S3TransferSandbox> {
  const { region = 'EU-WEST-PAR', bucket = 'transfers', ...sandboxOptions } = options;
  const sandbox = await startSandbox({ port: 0, objects: 2, ...sandboxOptions });
  const client = s3ClientOf(sandbox, region);
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  const dir = await mkdtemp(join(tmpdir(), 'ovh-pca-s3-'));
  return {
    sandbox,
    client,
    bucket,
    dir,
    file: async (name, content) => {
      const bytes = typeof content === 'number' ? randomBytes(content) : content;
      const path = join(dir, name);
      await writeFile(path, bytes);
      return { path, bytes };
    },
    s3Requests: () => sandbox.requests().filter((entry) => entry.protocol === 's3'),
    close: async () => {
      client.destroy();
      await sandbox.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A local file as the upload source of `key` (platform-node's file parts, as the CLI builds them). */
export async function fileUploadSource(path: string, key: string): Promise<UploadSource> {
  const { mtimeMs: modifiedMs, size: bytes } = await stat(path);
  return {
    key,
    bytes,
    modifiedMs,
    openPart: (start, end) => openFilePart(path, start, end, { modifiedMs }),
    md5: (start, end, signal) => md5OfFilePart(path, start, end, { modifiedMs, signal }),
  };
}
