/**
 * ListObjects (v1) and ListObjectsV2 over the shared listing (code point order, prefix, delimiter):
 * max-keys up to 1000, marker / continuation-token / start-after, encoding-type=url.
 */
import { ensureEtag } from '../../domain/object-storage/object-etag.js';
import { listObjects } from '../../domain/object-storage/object-listing.js';
import type { ContainerRecord } from '../../domain/object-storage/object-storage-state.js';
import type { ProtocolAnswer } from '../protocol-types.js';
import { invalidArgument, xmlAnswer } from './s3-answers.js';
import { isoDate, ownerOf, type S3Call } from './s3-request.js';
import { storageClassOf } from './s3-storage-classes.js';

function maxKeysOf(value: string | null): number {
  if (value === null) return 1000;
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(parsed)) {
    throw invalidArgument('Provided max-keys not an integer or within integer range', 'max-keys', value);
  }
  return Math.min(parsed, 1000);
}

/** `encoding-type=url`: keys and prefixes percent-encoded, `/` kept. */
function encoder(type: string | null): (value: string) => string {
  if (type === null) return (value) => value;
  if (type !== 'url')
    throw invalidArgument('Invalid Encoding Method specified in Request', 'encoding-type', type);
  return (value) => encodeURIComponent(value).replace(/%2F/g, '/');
}

export async function listBucket(call: S3Call, bucket: ContainerRecord): Promise<ProtocolAnswer> {
  const query = call.request.query;
  const v2 = query.get('list-type') === '2';
  const prefix = query.get('prefix') ?? '';
  const delimiter = query.get('delimiter') ?? '';
  const maxKeys = maxKeysOf(query.get('max-keys'));
  const encode = encoder(query.get('encoding-type'));
  const token = query.get('continuation-token');
  let marker: string;
  if (v2) {
    if (token !== null) {
      marker = Buffer.from(token, 'base64url').toString('utf8');
      if (!token || Buffer.from(marker, 'utf8').toString('base64url') !== token) {
        throw invalidArgument('The continuation token provided is incorrect', 'continuation-token', token);
      }
    } else marker = query.get('start-after') ?? '';
  } else marker = query.get('marker') ?? '';

  const entries = listObjects(bucket, {
    prefix,
    marker,
    ...(delimiter && { delimiter }),
    limit: maxKeys + 1,
  });
  const truncated = entries.length > maxKeys;
  const page = entries.slice(0, maxKeys);
  const last = page.at(-1);
  const lastName = last ? ('subdir' in last ? last.subdir : last.object.key) : undefined;
  // Seeded objects get their MD5 when first listed (as in Swift listings).
  for (const entry of page) if ('object' in entry) await ensureEtag(entry.object, call.ctx.markDirty);
  const owner = ownerOf(call);
  const fetchOwner = !v2 || query.get('fetch-owner') === 'true';
  const contents = page.flatMap((entry) =>
    'object' in entry
      ? [
          {
            Key: encode(entry.object.key),
            LastModified: isoDate(entry.object.lastModifiedMs),
            ETag: `"${entry.object.etag ?? ''}"`,
            Size: entry.object.bytes,
            StorageClass: storageClassOf(entry.object),
            ...(fetchOwner && { Owner: owner }),
          },
        ]
      : [],
  );
  const prefixes = page.flatMap((entry) => ('subdir' in entry ? [{ Prefix: encode(entry.subdir) }] : []));
  return xmlAnswer('ListBucketResult', {
    Name: bucket.name,
    Prefix: encode(prefix),
    ...(v2
      ? {
          ...(token !== null && { ContinuationToken: token }),
          ...(query.has('start-after') && { StartAfter: encode(query.get('start-after') ?? '') }),
          KeyCount: page.length,
        }
      : { Marker: encode(marker) }),
    MaxKeys: maxKeys,
    ...(delimiter && { Delimiter: encode(delimiter) }),
    ...(query.has('encoding-type') && { EncodingType: 'url' }),
    IsTruncated: truncated,
    ...(truncated &&
      lastName !== undefined &&
      v2 && {
        NextContinuationToken: Buffer.from(lastName, 'utf8').toString('base64url'),
      }),
    ...(truncated && lastName !== undefined && !v2 && delimiter && { NextMarker: encode(lastName) }),
    ...(contents.length > 0 && { Contents: contents }),
    ...(prefixes.length > 0 && { CommonPrefixes: prefixes }),
  });
}
