// S3 port (interfaces and XML-free logic only; the AWS SDK implementation is in platform-node).

export { InMemoryS3CredentialStore } from './in-memory-s3-credential-store.js';
export {
  ApiS3AccessProvider,
  type ApiS3AccessProviderOptions,
  S3_USER_DESCRIPTION,
  S3_USER_ROLE,
  type S3AccessCreation,
  S3AccessError,
} from './s3-access-provider.js';
export { S3_SERVICE_NAMES, s3EndpointOf } from './s3-endpoint.js';
export type {
  S3AccessProvider,
  S3BucketApi,
  S3ClientFactory,
  S3Credential,
  S3CredentialStore,
  S3Endpoint,
  S3ListPage,
  S3ObjectInfo,
  S3RestoreStatus,
} from './s3-ports.js';
export { parseRestoreHeader } from './s3-restore-header.js';
export type { CloudUserWire, RegionWire, S3CredentialsWire } from './s3-wire-types.js';
