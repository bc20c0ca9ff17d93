// S3 transfers on Node (Cold Archive v1 and v2): resumable multipart upload and ranged downloads
// for core's S3 transfer port. A subpath of its own: the AWS SDK loads only when bytes move.
export { AwsS3Transfers } from './aws-s3-transfers.js';
export { type OpenS3DownloadOptions, openS3Download, type S3DownloadSource } from './s3-download.js';
export { multipartEtag, parseEtag } from './s3-etag.js';
export { choosePartBytes, DEFAULT_PART_BYTES, planParts } from './s3-part-plan.js';
export { MD5_METADATA, type S3UploadOptions, type S3UploadResult, uploadToS3 } from './s3-upload.js';
