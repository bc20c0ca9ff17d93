// S3 transfers (Cold Archive v1 and v2): the port, the typed refusals and the upload storage class.

export { notReadyError, openBucketDownload, s3BucketOf, uploadIntoBucket } from './s3-bucket-transfers.js';
export { BucketNotRestoredError, ObjectNotRestoredError } from './s3-transfer-errors.js';
export type { S3BucketRef, S3ObjectTransfers } from './s3-transfer-port.js';
export {
  parseUploadStorageClass,
  UPLOAD_STORAGE_CLASSES,
  type UploadStorageClass,
} from './upload-storage-class.js';
