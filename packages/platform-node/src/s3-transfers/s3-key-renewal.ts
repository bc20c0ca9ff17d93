import type { S3AccessProvider, S3Credential } from '@ovh-pca/core';
import { isUnknownS3Key } from '../s3/aws-s3-bucket-api.js';

// Transfers send through the raw SDK client, whose credentials come from the access provider on
// each request: a key deleted on the OVH side mid-transfer (S3 answers InvalidAccessKeyId) is
// replaced here like the bucket API does (AwsS3BucketApi.send), and the refused request repeated.

/** The key a request is about to be signed with, and its replacement once S3 refused it. */
export interface S3KeyRenewal {
  current(): Promise<S3Credential>;
  /** Whether `error`, met signing with `stale`, meant a deleted key, now replaced by a new one. */
  renewAfter(error: unknown, stale: S3Credential): Promise<boolean>;
}

export interface RenewKeyOnceOptions {
  access: S3AccessProvider;
  project: string;
  /**
   * A request whose refusal names its reason: a HEAD answered 403 has no body, so no error code,
   * and could as well be a policy's refusal (then no key is created).
   */
  probe: () => Promise<unknown>;
  signal?: AbortSignal;
}

const statusOf = (error: unknown) =>
  (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;

/**
 * One renewal per transfer at most: requests in flight with the old key share it (the provider
 * creates one key for them all), and a new key S3 refuses too fails the transfer rather than
 * creating key after key. Only a 403 is looked at; one without a code is probed once per key.
 */
export function renewKeyOnce(options: RenewKeyOnceOptions): S3KeyRenewal {
  const { access, project, signal } = options;
  let renewal: Promise<S3Credential> | undefined;
  const probes = new Map<string, Promise<boolean>>();
  const probed = (stale: S3Credential) => {
    let probe = probes.get(stale.accessKeyId);
    if (!probe) {
      probe = options.probe().then(
        () => false,
        (error: unknown) => isUnknownS3Key(error),
      );
      probes.set(stale.accessKeyId, probe);
    }
    return probe;
  };
  return {
    current: () => access.credential(project, signal),
    async renewAfter(error, stale) {
      const unknown = isUnknownS3Key(error);
      if (!unknown && statusOf(error) !== 403) return false;
      if (!renewal) {
        if (!unknown && !(await probed(stale))) return false;
        renewal ??= access.renew(project, stale, signal);
      }
      return (await renewal).accessKeyId !== stale.accessKeyId;
    },
  };
}

/** Runs `run`; when S3 no longer knows the key it was signed with, renews it and runs it once more. */
export async function withKeyRenewal<T>(run: () => Promise<T>, keys?: S3KeyRenewal): Promise<T> {
  if (!keys) return run();
  const used = await keys.current();
  try {
    return await run();
  } catch (error) {
    if (!(await keys.renewAfter(error, used))) throw error;
    return run();
  }
}
