/**
 * The body of an S3 upload, checked as S3 checks it while it streams: a signed SHA-256
 * (`XAmzContentSHA256Mismatch`), `UNSIGNED-PAYLOAD`, or `aws-chunked` (each chunk signed, or
 * unsigned with a trailer), and the `x-amz-checksum-*` value (header or trailer) for CRC32 and
 * SHA-256. `finish()` throws the S3 error once the body has been read whole.
 */
import { createHash, type Hash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { crc32 } from 'node:zlib';
import { S3Error } from './s3-answers.js';
import { EMPTY_SHA256, hmacHex, sameSignature, type VerifiedRequest } from './s3-sigv4.js';

export const CHECKSUM_ALGORITHMS = ['crc32', 'crc32c', 'crc64nvme', 'sha1', 'sha256'] as const;

/** Running checksum of an algorithm the sandbox verifies; others are accepted as sent. */
interface Checksum {
  update(piece: Buffer): void;
  base64(): string;
}

function checksumOf(algorithm: string): Checksum | undefined {
  if (algorithm === 'crc32') {
    let value = 0;
    return {
      update: (piece) => {
        value = crc32(piece, value);
      },
      base64: () => {
        const out = Buffer.alloc(4);
        out.writeUInt32BE(value >>> 0);
        return out.toString('base64');
      },
    };
  }
  if (algorithm === 'sha256' || algorithm === 'sha1') {
    const hash: Hash = createHash(algorithm);
    return { update: (piece) => hash.update(piece), base64: () => hash.digest('base64') };
  }
  return undefined;
}

const badDigest = (algorithm: string) =>
  new S3Error(
    400,
    'BadDigest',
    `The ${algorithm.toUpperCase()} you specified did not match the calculated checksum.`,
  );
const incompleteBody = () =>
  new S3Error(
    400,
    'IncompleteBody',
    'You did not provide the number of bytes specified by the Content-Length HTTP header.',
  );
const chunkSignatureMismatch = () =>
  new S3Error(
    403,
    'SignatureDoesNotMatch',
    'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
  );

type ChunkState = 'size' | 'data' | 'data-end' | 'trailer' | 'done';

/** Decodes aws-chunked; with `signed`, checks each chunk's chained signature and the trailer's. */
class AwsChunkedDecoder extends Transform {
  private state: ChunkState = 'size';
  private pending: Buffer = Buffer.alloc(0);
  private remaining = 0;
  private chunkSignature = '';
  private chunkHash: Hash | undefined;
  private previous: string;
  readonly trailers: Record<string, string> = {};
  private trailerSignature = '';
  private trailerText = '';

  constructor(
    private readonly verified: VerifiedRequest,
    private readonly signed: boolean,
  ) {
    super();
    this.previous = verified.seedSignature;
  }

  private chunkStringToSign(hash: string): string {
    const { amzDate, scope } = this.verified;
    return ['AWS4-HMAC-SHA256-PAYLOAD', amzDate, scope, this.previous, EMPTY_SHA256, hash].join('\n');
  }

  private endChunk(): void {
    if (!this.signed) return;
    const hash = this.chunkHash?.digest('hex') ?? EMPTY_SHA256;
    const expected = hmacHex(this.verified.signingKey, this.chunkStringToSign(hash));
    if (!sameSignature(expected, this.chunkSignature)) throw chunkSignatureMismatch();
    this.previous = expected;
  }

  private takeLine(): string | undefined {
    const end = this.pending.indexOf('\r\n');
    if (end < 0) {
      if (this.pending.length > 8192) throw new S3Error(400, 'InvalidChunkSizeError', 'Malformed chunk.');
      return undefined;
    }
    const line = this.pending.subarray(0, end).toString('latin1');
    this.pending = this.pending.subarray(end + 2);
    return line;
  }

  override _transform(piece: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      this.pending = this.pending.length ? Buffer.concat([this.pending, piece]) : piece;
      this.consume();
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  private consume(): void {
    while (this.pending.length > 0 || this.state === 'done') {
      if (this.state === 'done') {
        this.pending = Buffer.alloc(0);
        return;
      }
      if (this.state === 'data') {
        const take = this.pending.subarray(0, this.remaining);
        this.pending = this.pending.subarray(take.length);
        this.remaining -= take.length;
        this.chunkHash?.update(take);
        this.push(take);
        if (this.remaining > 0) return;
        this.state = 'data-end';
        continue;
      }
      const line = this.takeLine();
      if (line === undefined) return;
      if (this.state === 'data-end') {
        if (line !== '') throw new S3Error(400, 'InvalidChunkSizeError', 'Malformed chunk.');
        this.endChunk();
        this.state = 'size';
      } else if (this.state === 'size') {
        const [sizeText = '', ...extensions] = line.split(';');
        const size = Number.parseInt(sizeText, 16);
        if (!/^[0-9a-fA-F]+$/.test(sizeText) || !Number.isSafeInteger(size)) {
          throw new S3Error(400, 'InvalidChunkSizeError', 'Malformed chunk size.');
        }
        const signatureField = extensions.find((e) => e.startsWith('chunk-signature='));
        this.chunkSignature = signatureField?.slice('chunk-signature='.length) ?? '';
        if (this.signed && !this.chunkSignature) throw chunkSignatureMismatch();
        this.chunkHash = this.signed ? createHash('sha256') : undefined;
        if (size === 0) {
          this.endChunk();
          this.state = 'trailer';
        } else {
          this.remaining = size;
          this.state = 'data';
        }
      } else if (this.state === 'trailer') {
        if (line === '') {
          this.state = 'done';
          continue;
        }
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).trim().toLowerCase();
        const value = line.slice(colon + 1).trim();
        if (name === 'x-amz-trailer-signature') this.trailerSignature = value;
        else {
          this.trailers[name] = value;
          this.trailerText += `${name}:${value}\n`;
        }
      }
    }
  }

  override _flush(done: TransformCallback): void {
    if (this.state !== 'done' && !(this.state === 'trailer' && this.pending.length === 0)) {
      done(incompleteBody());
      return;
    }
    if (this.signed && this.trailerText) {
      const { amzDate, scope, signingKey } = this.verified;
      const expected = hmacHex(
        signingKey,
        [
          'AWS4-HMAC-SHA256-TRAILER',
          amzDate,
          scope,
          this.previous,
          createHash('sha256').update(this.trailerText).digest('hex'),
        ].join('\n'),
      );
      if (!sameSignature(expected, this.trailerSignature)) {
        done(chunkSignatureMismatch());
        return;
      }
    }
    done();
  }
}

export interface CheckedBody {
  /** The decoded object bytes. */
  stream: Readable;
  /** Throws the S3 error for a body that did not match what was signed or announced. */
  finish(md5Hex: string): void;
  /** The declared checksum, for the answer (`x-amz-checksum-crc32`…). */
  checksum(): { name: string; value: string } | undefined;
}

export function checkedBody(request: IncomingMessage, verified: VerifiedRequest): CheckedBody {
  const { payloadHash } = verified;
  const headers = request.headers;
  let stream: Readable = request;
  let decoder: AwsChunkedDecoder | undefined;
  if (payloadHash.startsWith('STREAMING-')) {
    const signed = payloadHash.startsWith('STREAMING-AWS4-HMAC-SHA256-PAYLOAD');
    if (!signed && payloadHash !== 'STREAMING-UNSIGNED-PAYLOAD-TRAILER') {
      throw new S3Error(400, 'InvalidArgument', `Unsupported x-amz-content-sha256: ${payloadHash}`);
    }
    decoder = new AwsChunkedDecoder(verified, signed);
    stream = request.pipe(decoder);
    request.on('error', (error) => decoder?.destroy(error));
  } else if (payloadHash !== 'UNSIGNED-PAYLOAD' && !/^[0-9a-f]{64}$/.test(payloadHash)) {
    throw new S3Error(
      400,
      'InvalidArgument',
      'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-… or a SHA-256 hex digest',
      {
        ArgumentName: 'x-amz-content-sha256',
      },
    );
  }
  const trailerName = String(headers['x-amz-trailer'] ?? '').toLowerCase();
  const headerChecksum = CHECKSUM_ALGORITHMS.find((a) => headers[`x-amz-checksum-${a}`] !== undefined);
  const algorithm = trailerName.startsWith('x-amz-checksum-')
    ? trailerName.slice('x-amz-checksum-'.length)
    : headerChecksum;
  const running = algorithm ? checksumOf(algorithm) : undefined;
  const sha = /^[0-9a-f]{64}$/.test(payloadHash) ? createHash('sha256') : undefined;
  const decodedLength = headers['x-amz-decoded-content-length'];
  let bytes = 0;
  const meter = new Transform({
    transform(piece: Buffer, _encoding, done) {
      bytes += piece.length;
      sha?.update(piece);
      running?.update(piece);
      done(null, piece);
    },
  });
  stream.on('error', (error) => meter.destroy(error));
  stream.pipe(meter);
  let declared: { name: string; value: string } | undefined;
  return {
    stream: meter,
    checksum: () => declared,
    finish(md5Hex) {
      if (decoder && decodedLength !== undefined && Number(decodedLength) !== bytes) throw incompleteBody();
      if (sha) {
        const got = sha.digest('hex');
        if (got !== payloadHash) {
          throw new S3Error(
            400,
            'XAmzContentSHA256Mismatch',
            "The provided 'x-amz-content-sha256' header does not match what was computed.",
            {
              ClientComputedContentSHA256: payloadHash,
              S3ComputedContentSHA256: got,
            },
          );
        }
      }
      const contentMd5 = headers['content-md5'];
      if (typeof contentMd5 === 'string' && Buffer.from(md5Hex, 'hex').toString('base64') !== contentMd5) {
        throw new S3Error(400, 'BadDigest', 'The Content-MD5 you specified did not match what we received.');
      }
      if (algorithm) {
        const value =
          decoder && trailerName
            ? decoder.trailers[trailerName]
            : String(headers[`x-amz-checksum-${algorithm}`] ?? '');
        if (!value) throw new S3Error(400, 'InvalidRequest', `x-amz-checksum-${algorithm} is missing`);
        if (running && running.base64() !== value) throw badDigest(algorithm);
        declared = { name: `x-amz-checksum-${algorithm}`, value };
      }
    },
  };
}

/** Reads a small body (XML of DeleteObjects, CompleteMultipartUpload, RestoreObject) whole. */
export async function readSmallBody(body: CheckedBody, limit = 2 * 1024 * 1024): Promise<Buffer> {
  const pieces: Buffer[] = [];
  let size = 0;
  for await (const piece of body.stream as AsyncIterable<Buffer>) {
    size += piece.length;
    if (size > limit) throw new S3Error(400, 'MaxMessageLengthExceeded', 'Your request was too big.');
    pieces.push(piece);
  }
  const whole = Buffer.concat(pieces);
  body.finish(createHash('md5').update(whole).digest('hex'));
  return whole;
}
