/** What every S3 operation is handed once the request is authenticated. */
import type {
  ContainerRecord,
  ObjectStorageAccount,
} from '../../domain/object-storage/object-storage-state.js';
import type { CloudProjectRecord, CloudUserRecord } from '../../domain/public-cloud/public-cloud-state.js';
import type { RouteContext } from '../../http/route-types.js';
import type { ProtocolRequest } from '../protocol-types.js';
import { noSuchBucket } from './s3-answers.js';
import type { VerifiedRequest } from './s3-sigv4.js';

export interface S3Call {
  request: ProtocolRequest;
  ctx: RouteContext;
  project: CloudProjectRecord;
  /** The user whose S3 credential signed the request. */
  user?: CloudUserRecord;
  region: string;
  account: ObjectStorageAccount;
  verified: VerifiedRequest;
  nowMs: number;
}

export function findBucket(call: S3Call, name: string): ContainerRecord {
  const bucket = Object.hasOwn(call.account.containers, name) ? call.account.containers[name] : undefined;
  if (!bucket) throw noSuchBucket(name);
  return bucket;
}

export const isoDate = (ms: number) => new Date(ms).toISOString();
export const httpDate = (ms: number) => new Date(ms).toUTCString();

export function ownerOf(call: S3Call) {
  return { ID: call.project.serviceName, DisplayName: call.project.serviceName };
}

export function header(call: S3Call, name: string): string | undefined {
  const value = call.request.headers[name];
  return value === undefined ? undefined : Array.isArray(value) ? value.join(',') : value;
}
