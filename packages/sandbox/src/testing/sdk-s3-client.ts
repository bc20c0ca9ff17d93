/** Test helper: the real AWS SDK S3 client on a sandbox region, on the sandbox clock (its skew). */
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import type { SandboxHandle } from '../start-sandbox.js';

export function sdkS3Client(
  sandbox: SandboxHandle,
  region: string,
  overrides: Partial<S3ClientConfig> = {},
): S3Client {
  return new S3Client({
    region: region.toLowerCase(),
    endpoint: sandbox.s3.endpoints[region],
    forcePathStyle: true,
    credentials: { accessKeyId: sandbox.s3.accessKey, secretAccessKey: sandbox.s3.secretKey },
    maxAttempts: 1,
    systemClockOffset: sandbox.clock.skewSeconds * 1000,
    ...overrides,
  });
}
