/**
 * Test helper: SigV4 and signed aws-chunked bodies written here from the AWS specification,
 * independently of the sandbox's checker, for the streaming modes no client on this machine sends
 * over plain http (STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]).
 */
import { createHash, createHmac } from 'node:crypto';

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const mac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

export interface S3SigningInput {
  method: string;
  url: URL;
  headers: Record<string, string>;
  payloadHash: string;
  accessKey: string;
  secretKey: string;
  region: string;
  date: Date;
}

export interface S3Signed {
  headers: Record<string, string>;
  key: Buffer;
  scope: string;
  amzDate: string;
  signature: string;
}

export function signS3(input: S3SigningInput): S3Signed {
  const amzDate = input.date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = {
    ...input.headers,
    host: input.url.host,
    'x-amz-date': amzDate,
    'x-amz-content-sha256': input.payloadHash,
  };
  const names = Object.keys(headers)
    .map((name) => name.toLowerCase())
    .sort();
  const lower = Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
  const query = [...input.url.searchParams.entries()]
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .sort()
    .join('&');
  const canonical = [
    input.method,
    input.url.pathname,
    query,
    names.map((name) => `${name}:${lower[name]!.trim()}\n`).join(''),
    names.join(';'),
    input.payloadHash,
  ].join('\n');
  const scope = `${day}/${input.region}/s3/aws4_request`;
  const key = mac(mac(mac(mac(`AWS4${input.secretKey}`, day), input.region), 's3'), 'aws4_request');
  const signature = mac(key, ['AWS4-HMAC-SHA256', amzDate, scope, sha(canonical)].join('\n')).toString('hex');
  return {
    headers: {
      ...headers,
      authorization: `AWS4-HMAC-SHA256 Credential=${input.accessKey}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
    },
    key,
    scope,
    amzDate,
    signature,
  };
}

/** The body of a STREAMING-AWS4-HMAC-SHA256-PAYLOAD(-TRAILER) upload, each chunk chained to the last. */
export function signedChunkedBody(signed: S3Signed, chunks: Buffer[], trailer?: [string, string]): Buffer {
  let previous = signed.signature;
  const pieces: Buffer[] = [];
  for (const chunk of [...chunks, Buffer.alloc(0)]) {
    const stringToSign = [
      'AWS4-HMAC-SHA256-PAYLOAD',
      signed.amzDate,
      signed.scope,
      previous,
      sha(''),
      sha(chunk),
    ].join('\n');
    previous = mac(signed.key, stringToSign).toString('hex');
    pieces.push(Buffer.from(`${chunk.length.toString(16)};chunk-signature=${previous}\r\n`), chunk);
    if (chunk.length > 0 || !trailer) pieces.push(Buffer.from('\r\n'));
  }
  if (trailer) {
    const text = `${trailer[0]}:${trailer[1]}\n`;
    const trailerSignature = mac(
      signed.key,
      ['AWS4-HMAC-SHA256-TRAILER', signed.amzDate, signed.scope, previous, sha(text)].join('\n'),
    ).toString('hex');
    pieces.push(
      Buffer.from(`${trailer[0]}:${trailer[1]}\r\nx-amz-trailer-signature:${trailerSignature}\r\n\r\n`),
    );
  }
  return Buffer.concat(pieces);
}
