import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import type { S3AccessProvider, S3BucketApi, S3ClientFactory, S3Endpoint } from '@ovh-pca/core';
import { AwsS3BucketApi } from './aws-s3-bucket-api.js';
import { createS3RetryStrategy, type S3RetryOptions } from './s3-retry-strategy.js';
import { s3SdkLogger } from './s3-sdk-logger.js';

export interface AwsS3ClientFactoryOptions {
  /** Endpoints and credentials, from API v1 (core's ApiS3AccessProvider). */
  access: S3AccessProvider;
  retry?: S3RetryOptions;
  /** Per attempt: connection and whole-request timeouts. Default 10 s and 120 s. */
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  /**
   * One line per S3 attempt (method, URL without query, status) and the SDK's own warnings and
   * errors, for `--verbose`; never a secret. The SDK never writes to the console.
   */
  onDebug?: (line: string) => void;
  /** Extra SDK settings (tests: a custom requestHandler). */
  overrides?: Partial<S3ClientConfig>;
}

/** One AWS SDK v3 client and the port over it, for one project and region. */
export interface AwsS3Target {
  project: string;
  region: string;
  endpoint: S3Endpoint;
  /** The raw SDK client (transfers build on it: multipart upload, ranged GET). */
  client: S3Client;
  api: AwsS3BucketApi;
}

/**
 * S3 clients of ovh-pca, built on the AWS SDK for JavaScript v3 (`@aws-sdk/client-s3`, engines
 * Node ≥ 20): real SigV4 (header and presigned), streaming bodies, multipart, and its clock-skew
 * correction from each answer's `Date` (so ±1 h of local skew signs correctly after one answer).
 * Settings: the region's endpoint from API v1, path style (OVH's endpoints are path style, and a
 * sandbox has no wildcard DNS), the signing region in lower case, credentials asked of the access
 * provider on each request (cached there, renewed after InvalidAccessKeyId), retries without the
 * SDK's shared quota (s3-retry-strategy.ts). One client per project and region, cached.
 */
export class AwsS3ClientFactory implements S3ClientFactory {
  readonly #options: AwsS3ClientFactoryOptions;
  readonly #targets = new Map<string, Promise<AwsS3Target>>();

  constructor(options: AwsS3ClientFactoryOptions) {
    this.#options = options;
  }

  get access(): S3AccessProvider {
    return this.#options.access;
  }

  async bucketApi(project: string, region: string, signal?: AbortSignal): Promise<S3BucketApi> {
    return (await this.target(project, region, signal)).api;
  }

  /** The SDK client and port of a project and region (endpoint read once through API v1). */
  target(project: string, region: string, signal?: AbortSignal): Promise<AwsS3Target> {
    const key = `${project}\u0000${region.toUpperCase()}`;
    const cached = this.#targets.get(key);
    if (cached) return cached;
    const pending = this.#build(project, region.toUpperCase(), signal);
    this.#targets.set(key, pending);
    pending.catch(() => {
      if (this.#targets.get(key) === pending) this.#targets.delete(key);
    });
    return pending;
  }

  /** Closes every client's sockets (a CLI run ends, a desktop profile closes). */
  async destroy(): Promise<void> {
    const targets = await Promise.allSettled(this.#targets.values());
    for (const target of targets) if (target.status === 'fulfilled') target.value.client.destroy();
    this.#targets.clear();
  }

  async #build(project: string, region: string, signal?: AbortSignal): Promise<AwsS3Target> {
    const { access } = this.#options;
    const endpoint = await access.endpoint(project, region, signal);
    const client = new S3Client({
      region: endpoint.signingRegion,
      endpoint: endpoint.url,
      forcePathStyle: true,
      credentials: async () => {
        const credential = await access.credential(project);
        // An identity without expiry is memoised by the SDK for good; "expired already" makes it
        // ask again each request, so a renewed key is used at once (the provider caches it).
        return {
          accessKeyId: credential.accessKeyId,
          secretAccessKey: credential.secretAccessKey,
          expiration: new Date(0),
        };
      },
      retryStrategy: createS3RetryStrategy(this.#options.retry),
      logger: s3SdkLogger(this.#options.onDebug),
      requestHandler: {
        connectionTimeout: this.#options.connectionTimeoutMs ?? 10_000,
        requestTimeout: this.#options.requestTimeoutMs ?? 120_000,
      },
      // Checksums only where S3 requires them: OVH's S3 (like most S3 services besides AWS) is
      // sent what every client sends; the SDK's defaults stay for uploads (see the transfer module).
      ...this.#options.overrides,
    });
    const onDebug = this.#options.onDebug;
    if (onDebug) {
      client.middlewareStack.add(
        (next) => async (args) => {
          const request = args.request as { method?: string; hostname?: string; path?: string };
          const started = Date.now();
          try {
            const result = await next(args);
            const status = (result.response as { statusCode?: number }).statusCode;
            onDebug(`S3 ${request.method} ${request.path} → ${status} in ${Date.now() - started} ms`);
            return result;
          } catch (error) {
            const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
            onDebug(
              `S3 ${request.method} ${request.path} → ${status ?? (error as Error).name} in ${Date.now() - started} ms`,
            );
            throw error;
          }
        },
        { step: 'finalizeRequest', name: 'ovhPcaDebug', priority: 'low' },
      );
    }
    const api = new AwsS3BucketApi({ client, endpoint, project, access });
    return { project, region, endpoint, client, api };
  }
}
