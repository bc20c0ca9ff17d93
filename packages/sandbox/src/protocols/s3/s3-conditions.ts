/**
 * Conditional reads as S3 answers them (GET and HEAD): `If-Match` naming another ETag → 412
 * PreconditionFailed (`*` matches any object). A resumed ranged download sends it so that it never
 * splices two versions of an object.
 */
import { S3Error } from './s3-answers.js';
import { header, type S3Call } from './s3-request.js';

function names(etag: string, list: string): boolean {
  return list
    .split(',')
    .map((item) => item.trim().replace(/^W\//, '').replace(/^"|"$/g, ''))
    .some((item) => item === '*' || item === etag);
}

/** Throws the answer S3 gives when the request's conditions do not hold for this ETag (unquoted). */
export function checkReadConditions(call: S3Call, etag: string): void {
  const ifMatch = header(call, 'if-match');
  if (ifMatch !== undefined && !names(etag, ifMatch)) {
    throw new S3Error(
      412,
      'PreconditionFailed',
      'At least one of the pre-conditions you specified did not hold',
      {
        Condition: 'If-Match',
      },
    );
  }
}
