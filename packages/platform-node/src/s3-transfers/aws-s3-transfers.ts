import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import type {
  S3BucketRef,
  S3ObjectTransfers,
  UploadedObject,
  UploadOptions,
  UploadSource,
} from '@ovh-pca/core';
import { toArchiveErrorInfo } from '@ovh-pca/core';
import { forEachBounded } from '../bounded-work.js';
import type { AwsS3ClientFactory } from '../s3/aws-s3-client-factory.js';
import { openS3Download, type S3DownloadSource } from './s3-download.js';
import { renewKeyOnce } from './s3-key-renewal.js';
import { type S3UploadResult, uploadToS3 } from './s3-upload.js';

/**
 * Core's S3 transfer port on the AWS SDK v3 clients of the factory (one per project and region):
 * files up to one part go in one PUT, larger ones in resumable multipart uploads, one file at a
 * time with `concurrency` parts in flight; small files `concurrency` at a time. A failed file does
 * not stop the others (its result says why). A key S3 refuses mid-transfer (deleted on the OVH
 * side) is replaced once per transfer, as the bucket API does, and the refused request sent again.
 */
export class AwsS3Transfers implements S3ObjectTransfers {
  readonly #factory: AwsS3ClientFactory;

  constructor(factory: AwsS3ClientFactory) {
    this.#factory = factory;
  }

  async openDownload(bucket: S3BucketRef, key: string, signal?: AbortSignal): Promise<S3DownloadSource> {
    const { client } = await this.#factory.target(bucket.project, bucket.region, signal);
    const keys = this.#keys(client, bucket, signal);
    return openS3Download({ client, bucket: bucket.bucket, key, signal, keys });
  }

  async uploadObjects(
    bucket: S3BucketRef,
    sources: readonly UploadSource[],
    options: UploadOptions = {},
  ): Promise<UploadedObject[]> {
    const { client } = await this.#factory.target(bucket.project, bucket.region, options.signal);
    const concurrency = options.concurrency ?? 4;
    const keys = this.#keys(client, bucket, options.signal);
    const results = new Map<UploadSource, UploadedObject>();
    const one = async (source: UploadSource, parts: number) => {
      let result: UploadedObject;
      try {
        const uploaded = await uploadToS3({
          client,
          bucket: bucket.bucket,
          source,
          storageClass: options.storageClass,
          partBytes: options.segmentSize,
          multipartThresholdBytes: options.segmentThreshold,
          concurrency: parts,
          signal: options.signal,
          keys,
          onProgress: (progress) =>
            options.onProgress?.({
              key: source.key,
              sentBytes: progress.bytesDone,
              totalBytes: progress.bytesTotal,
            }),
        });
        result = uploadedObject(uploaded);
      } catch (error) {
        if (options.signal?.aborted) throw error;
        result = {
          key: source.key,
          bytes: source.bytes,
          outcome: 'failed',
          segments: 0,
          segmentsSent: 0,
          segmentsReused: 0,
          etag: null,
          error: toArchiveErrorInfo(error),
        };
      }
      results.set(source, result);
      options.onObject?.(result);
    };
    const threshold = options.segmentThreshold ?? options.segmentSize ?? 16 * 1024 * 1024;
    const small = sources.filter((source) => source.bytes <= threshold);
    const large = sources.filter((source) => source.bytes > threshold);
    await forEachBounded(small, concurrency, (source) => one(source, 1));
    for (const source of large) await one(source, concurrency);
    return sources.map((source) => results.get(source) as UploadedObject);
  }

  /** The key renewal of one transfer; its probe is the cheapest request of the bucket. */
  #keys(client: S3Client, bucket: S3BucketRef, signal?: AbortSignal) {
    return renewKeyOnce({
      access: this.#factory.access,
      project: bucket.project,
      signal,
      probe: () =>
        client.send(new ListObjectsV2Command({ Bucket: bucket.bucket, MaxKeys: 1 }), { abortSignal: signal }),
    });
  }
}

function uploadedObject(result: S3UploadResult): UploadedObject {
  return {
    key: result.key,
    bytes: result.bytes,
    outcome: result.unchanged ? 'unchanged' : 'uploaded',
    segments: result.multipart ? result.parts : 0,
    segmentsSent: result.multipart ? result.partsSent : 0,
    segmentsReused: result.partsReused,
    etag: result.etag,
  };
}
