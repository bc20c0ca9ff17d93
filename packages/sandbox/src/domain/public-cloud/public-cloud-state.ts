/**
 * Public Cloud projects (`/cloud/project`), their OpenStack users and Keystone tokens, and each
 * project's Swift accounts (one per storage region). Plain JSON, persisted whole with --data; object
 * bytes are not here but in the blob store (files, or generated from a seed).
 */
import type { ObjectStorageAccount } from '../object-storage/object-storage-state.js';

export interface PublicCloudState {
  /** By serviceName (32 hex, also the OpenStack project id and the `AUTH_<id>` of Swift URLs). */
  projects: Record<string, CloudProjectRecord>;
  /** cloud.user.User ids are global longs. */
  nextUserId: number;
  /** Keystone tokens by their value; expired ones are pruned when new ones are issued. */
  tokens: Record<string, KeystoneTokenRecord>;
}

export interface CloudProjectRecord {
  serviceName: string;
  /** OpenStack project (tenant) name: 16 digits, as OVH's OS_TENANT_NAME. */
  projectName: string;
  description: string;
  ownerNichandle: string;
  creationMs: number;
  /** Region names enabled in the project. */
  regions: string[];
  /** OpenStack users by id (numeric string). */
  users: Record<string, CloudUserRecord>;
  /** Swift account per region name. */
  storage: Record<string, ObjectStorageAccount>;
  /** S3 buckets per S3 region name (absent in states saved before S3 existed). */
  s3?: Record<string, ObjectStorageAccount>;
}

export interface CloudUserRecord {
  id: number;
  /** `user-` + 12 alphanumerics, as OVH names them. */
  username: string;
  password: string;
  /** Keystone user id (32 hex). */
  openstackId: string;
  description: string;
  roles: string[];
  creationMs: number;
  /** The user is `creating` for this long, then `ok` (the --task-duration at creation). */
  creatingMs: number;
  /** EC2-style credentials for S3 (`/user/{id}/s3Credentials`). */
  s3Credentials?: S3CredentialRecord[];
  /** The S3 policy imported with `POST /user/{id}/policy`, as sent (JSON text). */
  s3Policy?: string;
}

export interface S3CredentialRecord {
  access: string;
  secret: string;
}

export interface KeystoneTokenRecord {
  token: string;
  projectId: string;
  /** Keystone user id; the API's own id for tokens from `POST /storage/access`. */
  userId: string;
  issuedMs: number;
  expiresMs: number;
}
