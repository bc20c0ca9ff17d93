/**
 * AWS Signature Version 4 as S3 checks it: by the Authorization header or by a presigned query,
 * against the S3 credentials of the project's users, on the sandbox clock (15 minutes of skew for
 * headers; X-Amz-Expires for presigned URLs). Returns what streaming uploads need to check chunks.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { splitRaw } from '../../http/route-matcher.js';
import { S3Error } from './s3-answers.js';

export interface S3Signer {
  accessKey: string;
  secretKey: string;
}

export interface VerifiedRequest {
  accessKey: string;
  /** `x-amz-content-sha256` (a hex digest, UNSIGNED-PAYLOAD or a STREAMING-… mode). */
  payloadHash: string;
  /** For aws-chunked bodies: each chunk's signature chains from the seed. */
  signingKey: Buffer;
  scope: string;
  amzDate: string;
  seedSignature: string;
}

export const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');
const MAX_SKEW_MS = 15 * 60 * 1000;

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();
export const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** RFC 3986 encoding as SigV4 wants it: only unreserved characters stay. */
export function awsEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function canonicalUri(rawPath: string): string {
  const segments = splitRaw(rawPath) ?? [];
  return `/${segments.map(awsEncode).join('/')}`;
}

function rawPairs(rawQuery: string): Array<[string, string]> {
  if (!rawQuery) return [];
  return rawQuery
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      const decode = (part: string) => {
        try {
          return decodeURIComponent(part.replace(/\+/g, '%20'));
        } catch {
          return part;
        }
      };
      return eq < 0 ? [decode(pair), ''] : [decode(pair.slice(0, eq)), decode(pair.slice(eq + 1))];
    });
}

export function canonicalQuery(pairs: Array<[string, string]>): string {
  return pairs
    .map(([k, v]) => [awsEncode(k), awsEncode(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  if (value === undefined) return undefined;
  return (Array.isArray(value) ? value.join(',') : value).trim().replace(/\s+/g, ' ');
}

export function signingKeyOf(secret: string, date: string, region: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), 's3'), 'aws4_request');
}

export function hmacHex(key: Buffer, data: string): string {
  return createHmac('sha256', key).update(data).digest('hex');
}

export function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** `20260101T120000Z` → ms. */
function amzDateMs(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return Number.NaN;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}

const accessDenied = (message = 'Access Denied') => new S3Error(403, 'AccessDenied', message);

interface SignatureInput {
  method: string;
  rawPath: string;
  rawQuery: string;
  headers: IncomingHttpHeaders;
  /** The region name a client signs with (lower case, e.g. `eu-west-par`). */
  signingRegion: string;
  nowMs: number;
  findSecret: (accessKey: string) => string | undefined;
}

export function verifySignature(input: SignatureInput): VerifiedRequest {
  const { headers } = input;
  const pairs = rawPairs(input.rawQuery);
  const query = new Map(pairs);
  const authorization = headerValue(headers, 'authorization');
  const presigned = query.has('X-Amz-Signature');
  if (!authorization && !presigned) throw accessDenied();

  let credential: string;
  let signedHeaders: string;
  let signature: string;
  let amzDate: string;
  let payloadHash: string;
  let queryPairs = pairs;
  if (authorization) {
    if (!authorization.startsWith('AWS4-HMAC-SHA256 ')) {
      throw new S3Error(400, 'InvalidRequest', 'Please use AWS4-HMAC-SHA256.');
    }
    const fields = Object.fromEntries(
      authorization
        .slice('AWS4-HMAC-SHA256 '.length)
        .split(',')
        .map((part) => {
          const eq = part.indexOf('=');
          return [part.slice(0, eq).trim(), part.slice(eq + 1).trim()];
        }),
    );
    if (!fields.Credential || !fields.SignedHeaders || !fields.Signature) {
      throw new S3Error(400, 'AuthorizationHeaderMalformed', 'The authorization header is malformed.');
    }
    credential = fields.Credential;
    signedHeaders = fields.SignedHeaders;
    signature = fields.Signature;
    amzDate = headerValue(headers, 'x-amz-date') ?? '';
    payloadHash = headerValue(headers, 'x-amz-content-sha256') ?? '';
    if (!payloadHash) {
      throw new S3Error(
        400,
        'InvalidRequest',
        'Missing required header for this request: x-amz-content-sha256',
      );
    }
  } else {
    if (query.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256') {
      throw new S3Error(
        400,
        'AuthorizationQueryParametersError',
        'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"',
      );
    }
    credential = query.get('X-Amz-Credential') ?? '';
    signedHeaders = query.get('X-Amz-SignedHeaders') ?? '';
    signature = query.get('X-Amz-Signature') ?? '';
    amzDate = query.get('X-Amz-Date') ?? '';
    payloadHash = 'UNSIGNED-PAYLOAD';
    queryPairs = pairs.filter(([k]) => k !== 'X-Amz-Signature');
  }

  const [accessKey = '', date = '', region = '', service = '', terminal = ''] = credential.split('/');
  const secret = input.findSecret(accessKey);
  if (secret === undefined) {
    throw new S3Error(
      403,
      'InvalidAccessKeyId',
      'The AWS Access Key Id you provided does not exist in our records.',
      {
        AWSAccessKeyId: accessKey,
      },
    );
  }
  if (service !== 's3' || terminal !== 'aws4_request' || !/^\d{8}$/.test(date)) {
    throw new S3Error(
      400,
      'AuthorizationHeaderMalformed',
      `The authorization header is malformed; the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".`,
    );
  }
  if (region !== input.signingRegion) {
    throw new S3Error(
      400,
      'AuthorizationHeaderMalformed',
      `The authorization header is malformed; the region '${region}' is wrong; expecting '${input.signingRegion}'`,
      { Region: input.signingRegion },
    );
  }
  const signedMs = amzDateMs(amzDate);
  if (!Number.isFinite(signedMs) || amzDate.slice(0, 8) !== date) {
    throw accessDenied('AWS authentication requires a valid Date or x-amz-date header');
  }
  if (presigned) {
    const expires = Number(query.get('X-Amz-Expires'));
    if (!Number.isInteger(expires) || expires < 1 || expires > 604_800) {
      throw new S3Error(
        400,
        'AuthorizationQueryParametersError',
        'X-Amz-Expires must be between 1 and 604800 seconds',
      );
    }
    if (input.nowMs > signedMs + expires * 1000) throw accessDenied('Request has expired');
    if (signedMs - input.nowMs > MAX_SKEW_MS) throw accessDenied('Request is not valid yet');
  } else if (Math.abs(input.nowMs - signedMs) > MAX_SKEW_MS) {
    throw new S3Error(
      403,
      'RequestTimeTooSkewed',
      'The difference between the request time and the current time is too large.',
      {
        RequestTime: amzDate,
        ServerTime: new Date(input.nowMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        MaxAllowedSkewMilliseconds: String(MAX_SKEW_MS),
      },
    );
  }

  const names = signedHeaders.split(';');
  if (!names.includes('host')) throw accessDenied('Host must be signed');
  const canonicalHeaders = names.map((name) => `${name}:${headerValue(headers, name) ?? ''}\n`).join('');
  const canonicalRequest = [
    input.method,
    canonicalUri(input.rawPath),
    canonicalQuery(queryPairs),
    canonicalHeaders,
    signedHeaders,
    payloadHash,
  ].join('\n');
  const scope = `${date}/${region}/s3/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = signingKeyOf(secret, date, region);
  const expected = hmacHex(signingKey, stringToSign);
  if (!sameSignature(expected, signature)) {
    throw new S3Error(
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      { AWSAccessKeyId: accessKey, StringToSign: stringToSign, CanonicalRequest: canonicalRequest },
    );
  }
  return { accessKey, payloadHash, signingKey, scope, amzDate, seedSignature: signature };
}
