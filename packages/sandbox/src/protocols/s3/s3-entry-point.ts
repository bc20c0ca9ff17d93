/**
 * S3 for one region, on its own listener (OVH: `https://s3.<region>.io.cloud.ovh.net`), path style:
 * `/`, `/<bucket>`, `/<bucket>/<key, slashes and all>`, each request signed with SigV4 by an S3
 * credential of a user of a project where the region is enabled.
 */

import { s3SigningRegion } from '../../domain/public-cloud/region-catalog.js';
import { findS3Credential } from '../../domain/public-cloud/s3-credentials.js';
import { splitRaw } from '../../http/route-matcher.js';
import type { ProtocolEntryPoint } from '../protocol-types.js';
import { S3Error, s3ErrorAnswer, s3RequestId, s3RequestIdHeaders, s3StatusAnswer } from './s3-answers.js';
import { bucketOperation, listBuckets } from './s3-buckets.js';
import { objectOperation } from './s3-objects.js';
import type { S3Call } from './s3-request.js';
import { verifySignature } from './s3-sigv4.js';

export function s3EntryPoint(region: string): ProtocolEntryPoint {
  return {
    protocol: 's3',
    region,
    requestId: s3RequestId,
    requestIdHeaders: s3RequestIdHeaders,
    errorAnswer: s3StatusAnswer,
    async handle(request, ctx) {
      const segments = splitRaw(request.rawPath) ?? [];
      const [bucket = '', ...rest] = segments;
      const key = rest.join('/');
      const resource = request.rawPath;
      try {
        const nowMs = ctx.clock.nowMs();
        const verified = verifySignature({
          method: request.method,
          rawPath: request.rawPath,
          rawQuery: request.rawQuery,
          headers: request.headers,
          signingRegion: s3SigningRegion(region),
          nowMs,
          findSecret: (access) => findS3Credential(ctx.state.publicCloud, access)?.credential.secret,
        });
        const { project, user } = findS3Credential(ctx.state.publicCloud, verified.accessKey)!;
        if (!project.regions.includes(region)) {
          throw new S3Error(403, 'AccessDenied', 'Access Denied');
        }
        project.s3 ??= {};
        project.s3[region] ??= { createdMs: nowMs, meta: {}, containers: {} };
        const account = project.s3[region];
        const call: S3Call = { request, ctx, project, user, region, account, verified, nowMs };
        if (!bucket) {
          if (request.method !== 'GET') {
            throw new S3Error(
              405,
              'MethodNotAllowed',
              'The specified method is not allowed against this resource.',
            );
          }
          return listBuckets(call);
        }
        if (!key) return await bucketOperation(call, bucket);
        return await objectOperation(call, bucket, key);
      } catch (error) {
        if (error instanceof S3Error) return s3ErrorAnswer(error, resource, request.requestId);
        throw error;
      }
    },
  };
}
