// S3 on Node: the AWS SDK v3 behind core's S3 port, and S3 credentials in the OS keychain.
export { AwsS3BucketApi, S3_PAGE_SIZE } from './aws-s3-bucket-api.js';
export {
  AwsS3ClientFactory,
  type AwsS3ClientFactoryOptions,
  type AwsS3Target,
} from './aws-s3-client-factory.js';
export { createS3RetryStrategy, type S3RetryOptions } from './s3-retry-strategy.js';
