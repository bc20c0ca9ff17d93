/**
 * Bodies shared by the S3 container routes of API v1: cloud.StorageContainerCreation (POST
 * `/storage` and `/coldArchive`) and cloud.storage.AddContainerPolicy (`/policy/{userId}`).
 */
import { badRequest } from '../../http/route-types.js';
import {
  echo,
  expectObjectBody,
  type JsonObject,
  malformed,
  rejectMissingProperties,
  rejectUnknownProperties,
} from '../cloud/request-body-checks.js';
import type { ContainerPolicy } from '../object-storage/object-storage-state.js';
import type { CloudProjectRecord } from './public-cloud-state.js';
import { readOwnerId } from './s3-bucket-lookup.js';

export interface ContainerCreation {
  name: string;
  ownerId: number | null;
  encryption: 'AES256' | 'plaintext';
  tags: Record<string, string>;
}

/** The name rule of the Control Panel, which is S3's (reference §4.2). */
const BUCKET_NAME = /^[a-z0-9]([a-z0-9.-]{1,61})[a-z0-9]$/;

function statusOf(body: JsonObject, name: string): unknown {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw malformed(name);
  return (value as JsonObject).status;
}

export function readContainerCreation(body: unknown, project: CloudProjectRecord): ContainerCreation {
  const input = expectObjectBody(body);
  rejectUnknownProperties(input, [
    'encryption',
    'lifecycle',
    'name',
    'objectLock',
    'ownerId',
    'replication',
    'tags',
    'versioning',
  ]);
  rejectMissingProperties(input, ['name']);
  if (typeof input.name !== 'string') throw malformed('name');
  if (!BUCKET_NAME.test(input.name) || input.name.includes('..')) {
    throw badRequest(
      `Invalid container name ${echo(input.name)}: 3 to 63 lower-case letters, digits, dots or dashes, starting and ending with a letter or digit`,
    );
  }
  // Versioning and object lock are disabled for Cold Archive (reference §4.2); the sandbox keeps
  // no versions, locks, lifecycle rules or replicas for any bucket.
  const versioning = statusOf(input, 'versioning');
  if (versioning !== undefined && versioning !== 'disabled') {
    throw badRequest('Versioning is not available for this container');
  }
  if (statusOf(input, 'objectLock') !== undefined && statusOf(input, 'objectLock') !== 'disabled') {
    throw badRequest('Object lock is not available for this container');
  }
  for (const name of ['lifecycle', 'replication']) {
    if (input[name] !== undefined && input[name] !== null)
      throw badRequest(`${name} is not available for this container`);
  }
  let encryption: ContainerCreation['encryption'] = 'plaintext';
  if (input.encryption !== undefined && input.encryption !== null) {
    const algorithm = (expectObjectBody(input.encryption) as JsonObject).sseAlgorithm;
    if (
      algorithm !== undefined &&
      algorithm !== null &&
      algorithm !== 'AES256' &&
      algorithm !== 'plaintext'
    ) {
      throw badRequest(
        `Invalid value for parameter sseAlgorithm: "${echo(algorithm)}" does not belong to the cloud.storage.EncryptionAlgorithmEnum enumeration`,
      );
    }
    if (algorithm === 'AES256') encryption = 'AES256';
  }
  const tags: Record<string, string> = {};
  if (input.tags !== undefined && input.tags !== null) {
    for (const [key, value] of Object.entries(expectObjectBody(input.tags))) {
      if (typeof value !== 'string') throw malformed('tags');
      tags[key] = value;
    }
  }
  return { name: input.name, ownerId: readOwnerId(project, input.ownerId), encryption, tags };
}

const ROLES = ['admin', 'deny', 'readOnly', 'readWrite'] as const;

/** The AngularJS Control Panel posts no body (reference §4.5): read-write then. */
export function readContainerPolicy(body: unknown): ContainerPolicy {
  if (body === undefined || body === null) return { roleName: 'readWrite', objectKey: null };
  const input = expectObjectBody(body);
  rejectUnknownProperties(input, ['objectKey', 'roleName']);
  rejectMissingProperties(input, ['roleName']);
  if (!(ROLES as readonly unknown[]).includes(input.roleName)) {
    throw badRequest(
      `Invalid value for parameter roleName: "${echo(input.roleName)}" does not belong to the cloud.storage.PolicyRoleEnum enumeration`,
    );
  }
  if (input.objectKey !== undefined && input.objectKey !== null && typeof input.objectKey !== 'string') {
    throw malformed('objectKey');
  }
  return {
    roleName: input.roleName as ContainerPolicy['roleName'],
    objectKey: (input.objectKey as string) ?? null,
  };
}
