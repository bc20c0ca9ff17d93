import { OvhClient } from '@ovh-pca/core';
import type { SandboxHandle } from '@ovh-pca/sandbox';

/**
 * Puts an object through an API v1 presigned URL (what S3-less clients use), in a storage class
 * such as DEEP_ARCHIVE, which the window's upload does not offer: how the tests seed Cold Archive v2.
 */
export async function presignedPut(
  sandbox: SandboxHandle,
  route: string,
  key: string,
  bytes: Buffer,
  storageClass?: string,
): Promise<void> {
  const api = new OvhClient({
    endpoint: sandbox.endpoint,
    applicationKey: sandbox.applicationKey,
    applicationSecret: sandbox.applicationSecret,
    consumerKey: sandbox.consumerKey,
  });
  const signed = await api.request<{ url: string; signedHeaders: Record<string, string> }>(
    'POST',
    `${route}/presign`,
    { body: { method: 'PUT', object: key, expire: 600, ...(storageClass && { storageClass }) } },
  );
  const headers = Object.fromEntries(
    Object.entries(signed.signedHeaders).filter(([name]) => name !== 'Host'),
  );
  const answer = await fetch(signed.url, { method: 'PUT', body: new Uint8Array(bytes), headers });
  if (answer.status !== 200) throw new Error(`presigned PUT of ${key}: HTTP ${answer.status}`);
}
