/**
 * How S3 writes its answers: XML in the 2006-03-01 namespace, errors as `<Error>` with Code,
 * Message, Resource and RequestId, and a request id in `x-amz-request-id` / `x-amz-id-2`.
 */
import { randomBytes } from 'node:crypto';
import { XMLBuilder } from 'fast-xml-parser';
import type { ProtocolAnswer } from '../protocol-types.js';

export const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: false,
});

export class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function s3RequestId(): string {
  return randomBytes(8).toString('hex').toUpperCase();
}

export function s3RequestIdHeaders(id: string): Record<string, string> {
  return { 'x-amz-request-id': id, 'x-amz-id-2': Buffer.from(`${id}/sandbox`).toString('base64') };
}

/** `root` is the document element's name; its namespace is added. */
export function xmlAnswer(root: string, content: object, status = 200): ProtocolAnswer {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({
    [root]: { '@_xmlns': S3_NAMESPACE, ...content },
  })}`;
  return { status, headers: { 'Content-Type': 'application/xml' }, body };
}

export function s3ErrorAnswer(error: S3Error, resource: string, requestId: string): ProtocolAnswer {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({
    Error: {
      Code: error.code,
      Message: error.message,
      ...error.extra,
      Resource: resource,
      RequestId: requestId,
    },
  })}`;
  return { status: error.status, headers: { 'Content-Type': 'application/xml' }, body };
}

const STATUS_CODES: Record<number, [string, string]> = {
  429: ['SlowDown', 'Please reduce your request rate.'],
  500: ['InternalError', 'We encountered an internal error. Please try again.'],
  503: ['ServiceUnavailable', 'Please reduce your request rate.'],
};

export function s3StatusAnswer(status: number): ProtocolAnswer {
  const [code, message] = STATUS_CODES[status] ?? ['InternalError', 'We encountered an internal error.'];
  return s3ErrorAnswer(new S3Error(status, code, message), '/', s3RequestId());
}

export const noSuchBucket = (name: string) =>
  new S3Error(404, 'NoSuchBucket', 'The specified bucket does not exist', { BucketName: name });
export const noSuchKey = (key: string) =>
  new S3Error(404, 'NoSuchKey', 'The specified key does not exist.', { Key: key });
export const malformedXml = () =>
  new S3Error(
    400,
    'MalformedXML',
    'The XML you provided was not well-formed or did not validate against our published schema.',
  );
export const invalidArgument = (message: string, name?: string, value?: string) =>
  new S3Error(400, 'InvalidArgument', message, {
    ...(name !== undefined && { ArgumentName: name }),
    ...(value !== undefined && { ArgumentValue: value }),
  });
