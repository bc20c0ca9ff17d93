import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  RestoreObjectCommand,
  type S3Client,
  type S3ServiceException,
} from '@aws-sdk/client-s3';
import {
  parseRestoreHeader,
  type S3AccessProvider,
  type S3BucketApi,
  type S3Endpoint,
  type S3ListPage,
  type S3ObjectInfo,
} from '@ovh-pca/core';

/** S3's own page size (ListObjectsV2 and DeleteObjects). */
export const S3_PAGE_SIZE = 1000;

/** Error names S3 gives a credential it does not know (deleted on the OVH side). */
const UNKNOWN_KEY_ERRORS = new Set(['InvalidAccessKeyId']);

/** Whether S3 refused the request's key as unknown (a deleted key: a new one is worth a try). */
export function isUnknownS3Key(error: unknown): boolean {
  return UNKNOWN_KEY_ERRORS.has((error as Error | undefined)?.name ?? '');
}

const unquote = (etag: string | undefined) => (etag ? etag.replace(/^"|"$/g, '') : null);
const iso = (date: Date | undefined) => (date ? date.toISOString() : null);

/** The core S3 port over one AWS SDK client (one project, one region). */
export class AwsS3BucketApi implements S3BucketApi {
  readonly endpoint: S3Endpoint;
  readonly #client: S3Client;
  readonly #project: string;
  readonly #access: S3AccessProvider;

  constructor(options: {
    client: S3Client;
    endpoint: S3Endpoint;
    project: string;
    access: S3AccessProvider;
  }) {
    this.#client = options.client;
    this.endpoint = options.endpoint;
    this.#project = options.project;
    this.#access = options.access;
  }

  /**
   * Runs SDK calls; a credential S3 does not know is renewed once (a new one is created through
   * API v1 and kept in the keychain) and the command sent again.
   */
  async send<Output>(run: (client: S3Client) => Promise<Output>, signal?: AbortSignal): Promise<Output> {
    const used = await this.#access.credential(this.#project, signal);
    try {
      return await run(this.#client);
    } catch (error) {
      if (!isUnknownS3Key(error)) throw error;
      await this.#access.renew(this.#project, used, signal);
      return run(this.#client);
    }
  }

  async listBuckets(signal?: AbortSignal) {
    const answer = await this.send(
      (s3) => s3.send(new ListBucketsCommand({}), { abortSignal: signal }),
      signal,
    );
    return (answer.Buckets ?? []).map((bucket) => ({
      name: bucket.Name ?? '',
      createdAt: iso(bucket.CreationDate),
    }));
  }

  async createBucket(bucket: string, signal?: AbortSignal): Promise<void> {
    await this.send(
      (s3) => s3.send(new CreateBucketCommand({ Bucket: bucket }), { abortSignal: signal }),
      signal,
    );
  }

  async deleteBucket(bucket: string, signal?: AbortSignal): Promise<void> {
    await this.send(
      (s3) => s3.send(new DeleteBucketCommand({ Bucket: bucket }), { abortSignal: signal }),
      signal,
    );
  }

  async listObjects(
    bucket: string,
    page: { prefix?: string; token?: string; maxKeys?: number; signal?: AbortSignal } = {},
  ): Promise<S3ListPage> {
    const command = new ListObjectsV2Command({
      Bucket: bucket,
      Prefix: page.prefix || undefined,
      ContinuationToken: page.token,
      MaxKeys: page.maxKeys ?? S3_PAGE_SIZE,
    });
    const answer = await this.send((s3) => s3.send(command, { abortSignal: page.signal }), page.signal);
    return {
      objects: (answer.Contents ?? []).map((entry) => ({
        key: entry.Key ?? '',
        bytes: entry.Size ?? 0,
        lastModified: iso(entry.LastModified),
        etag: unquote(entry.ETag),
        storageClass: entry.StorageClass ?? 'STANDARD',
      })),
      nextToken: answer.IsTruncated ? answer.NextContinuationToken : undefined,
    };
  }

  async headObject(bucket: string, key: string, signal?: AbortSignal): Promise<S3ObjectInfo> {
    const command = new HeadObjectCommand({ Bucket: bucket, Key: key });
    const answer = await this.send((s3) => s3.send(command, { abortSignal: signal }), signal);
    return {
      key,
      bytes: answer.ContentLength ?? 0,
      lastModified: iso(answer.LastModified),
      etag: unquote(answer.ETag),
      storageClass: answer.StorageClass ?? 'STANDARD',
      restore: parseRestoreHeader(answer.Restore),
    };
  }

  async restoreObject(
    bucket: string,
    key: string,
    days: number,
    signal?: AbortSignal,
  ): Promise<'started' | 'extended' | 'in-progress'> {
    try {
      const command = new RestoreObjectCommand({ Bucket: bucket, Key: key, RestoreRequest: { Days: days } });
      const answer = await this.send((s3) => s3.send(command, { abortSignal: signal }), signal);
      return answer.$metadata.httpStatusCode === 200 ? 'extended' : 'started';
    } catch (error) {
      // An earlier request (ours, whose answer a fault lost, or someone's) goes on: not a failure.
      if ((error as S3ServiceException).name === 'RestoreAlreadyInProgress') return 'in-progress';
      throw error;
    }
  }

  async deleteObjects(bucket: string, keys: readonly string[], signal?: AbortSignal) {
    const deleted: string[] = [];
    const failed: Array<{ key: string; code: string; message: string }> = [];
    for (let start = 0; start < keys.length; start += S3_PAGE_SIZE) {
      const chunk = keys.slice(start, start + S3_PAGE_SIZE);
      const command = new DeleteObjectsCommand({
        Bucket: bucket,
        Delete: { Objects: chunk.map((Key) => ({ Key })), Quiet: false },
      });
      const answer = await this.send((s3) => s3.send(command, { abortSignal: signal }), signal);
      for (const entry of answer.Deleted ?? []) if (entry.Key !== undefined) deleted.push(entry.Key);
      for (const entry of answer.Errors ?? []) {
        failed.push({ key: entry.Key ?? '', code: entry.Code ?? 'Error', message: entry.Message ?? '' });
      }
    }
    return { deleted, failed };
  }
}
