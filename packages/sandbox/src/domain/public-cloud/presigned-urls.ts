/**
 * `POST …/presign` (cloud.storage.PresignedURLInput → PresignedURL, reference §4.2): a SigV4
 * presigned URL on the region's S3 listener, signed on the sandbox clock with an S3 credential of
 * the bucket's owner (else of another user of the project), so the listener accepts it as it
 * accepts any client's presigned URL.
 */
import { badRequest, type RouteContext } from '../../http/route-types.js';
import { awsEncode, canonicalQuery, hmacHex, sha256Hex, signingKeyOf } from '../../protocols/s3/s3-sigv4.js';
import { STORAGE_CLASSES } from '../../protocols/s3/s3-storage-classes.js';
import { ownEntry } from '../cloud/own-entry.js';
import { echo, expectObjectBody, malformed, rejectUnknownProperties } from '../cloud/request-body-checks.js';
import type { ContainerRecord } from '../object-storage/object-storage-state.js';
import type { CloudProjectRecord, S3CredentialRecord } from './public-cloud-state.js';
import { s3SigningRegion } from './region-catalog.js';

/** The Object Storage UI's default (OPENIO_PRESIGN_EXPIRE); SigV4 allows at most 7 days. */
const DEFAULT_EXPIRE = 3600;
const MAX_EXPIRE = 604_800;
const METHODS = ['DELETE', 'GET', 'PUT'] as const;

export interface PresignInput {
  method: (typeof METHODS)[number];
  object: string;
  expire: number;
  storageClass: string | null;
}

/** The AngularJS Control Panel posts no body at all: every field has a default. */
export function readPresignInput(body: unknown): PresignInput {
  const input = body === undefined || body === null ? {} : expectObjectBody(body);
  rejectUnknownProperties(input, ['expire', 'method', 'object', 'storageClass', 'versionId']);
  const method = input.method ?? 'GET';
  if (!(METHODS as readonly unknown[]).includes(method)) {
    throw badRequest(
      `Invalid value for parameter method: "${echo(method)}" does not belong to the cloud.storage.PresignedURLMethodEnum enumeration`,
    );
  }
  const expire = input.expire ?? DEFAULT_EXPIRE;
  if (typeof expire !== 'number' || !Number.isInteger(expire) || expire < 1 || expire > MAX_EXPIRE) {
    throw badRequest(`Body parameter expire must be a whole number of seconds from 1 to ${MAX_EXPIRE}`);
  }
  if (input.object !== undefined && typeof input.object !== 'string') throw malformed('object');
  const storageClass = input.storageClass ?? null;
  if (storageClass !== null && !(STORAGE_CLASSES as readonly unknown[]).includes(storageClass)) {
    throw badRequest(
      `Invalid value for parameter storageClass: "${echo(storageClass)}" does not belong to the cloud.storage.StorageClassEnum enumeration`,
    );
  }
  if (input.versionId !== undefined && input.versionId !== null && input.versionId !== 'null') {
    throw badRequest('Versioning is not enabled on this container: versionId must be null');
  }
  return {
    method: method as PresignInput['method'],
    object: (input.object as string | undefined) ?? '',
    expire,
    storageClass: method === 'PUT' ? (storageClass as string | null) : null,
  };
}

function signingCredential(project: CloudProjectRecord, bucket: ContainerRecord): S3CredentialRecord {
  const ownerId = bucket.settings?.ownerId;
  const owner =
    ownerId === null || ownerId === undefined ? undefined : ownEntry(project.users, String(ownerId));
  const users = [...(owner ? [owner] : []), ...Object.values(project.users)];
  const credential = users.find((user) => user.s3Credentials?.length)?.s3Credentials?.[0];
  if (!credential) {
    throw badRequest(
      'No S3 credentials in this project: create some with POST /cloud/project/{serviceName}/user/{userId}/s3Credentials',
    );
  }
  return credential;
}

export function presignedUrl(
  ctx: RouteContext,
  project: CloudProjectRecord,
  region: string,
  bucket: ContainerRecord,
  input: PresignInput,
) {
  const origin = ctx.endpoints.s3[region];
  if (!origin) throw badRequest(`S3 object storage is not available in region ${region}`);
  const credential = signingCredential(project, bucket);
  const host = new URL(origin).host;
  const amzDate = new Date(ctx.clock.nowMs())
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const scope = `${amzDate.slice(0, 8)}/${s3SigningRegion(region)}/s3/aws4_request`;
  const signed: Record<string, string> = {
    host,
    ...(input.storageClass && { 'x-amz-storage-class': input.storageClass }),
  };
  const names = Object.keys(signed).sort();
  const pairs: Array<[string, string]> = [
    ['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
    ['X-Amz-Credential', `${credential.access}/${scope}`],
    ['X-Amz-Date', amzDate],
    ['X-Amz-Expires', String(input.expire)],
    ['X-Amz-SignedHeaders', names.join(';')],
  ];
  const path = `/${[bucket.name, ...(input.object ? input.object.split('/') : [])].map(awsEncode).join('/')}`;
  const query = canonicalQuery(pairs);
  const canonicalRequest = [
    input.method,
    path,
    query,
    names.map((name) => `${name}:${signed[name]}\n`).join(''),
    names.join(';'),
    'UNSIGNED-PAYLOAD',
  ].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const signature = hmacHex(
    signingKeyOf(credential.secret, amzDate.slice(0, 8), s3SigningRegion(region)),
    stringToSign,
  );
  return {
    method: input.method,
    url: `${origin}${path}?${query}&X-Amz-Signature=${signature}`,
    signedHeaders: Object.fromEntries(names.map((name) => [name === 'host' ? 'Host' : name, signed[name]!])),
  };
}
