/**
 * S3 objects as API v1 shows them: cloud.StorageObjectList (listings, and the deprecated `objects`
 * of containers) and cloud.StorageObject (`GET /object/{key}`), with the DEEP_ARCHIVE restore
 * status (reference §4.2, §5.2). Versioning is not kept: every object is the latest, version null.
 */

import type { RouteContext } from '../../http/route-types.js';
import { restoreStateOf, storageClassOf } from '../../protocols/s3/s3-storage-classes.js';
import { formatOvhDate } from '../../state/ovh-date.js';
import { ensureEtag } from '../object-storage/object-etag.js';
import { listObjects } from '../object-storage/object-listing.js';
import type { ContainerRecord, ObjectRecord } from '../object-storage/object-storage-state.js';

function restoreStatus(object: ObjectRecord, nowMs: number) {
  const state = restoreStateOf(object, nowMs);
  if (state === 'archived' || !object.restore) return null;
  return {
    inProgress: state === 'restoring',
    expireDate: state === 'restored' ? formatOvhDate(object.restore.expiryMs) : null,
  };
}

export async function objectView(ctx: RouteContext, object: ObjectRecord) {
  const nowMs = ctx.clock.nowMs();
  return {
    key: object.key,
    size: object.bytes,
    etag: await ensureEtag(object, ctx.markDirty),
    lastModified: formatOvhDate(object.lastModifiedMs),
    storageClass: storageClassOf(object),
    isLatest: true,
    isDeleteMarker: false,
    versionId: null,
    restoreStatus: restoreStatus(object, nowMs),
  };
}

export interface ObjectPage {
  prefix: string;
  marker: string;
  delimiter?: string;
  limit: number;
}

/** StorageObjectList entries: objects, and common prefixes when a delimiter is given. */
export async function objectListView(ctx: RouteContext, bucket: ContainerRecord, page: ObjectPage) {
  const entries = listObjects(bucket, {
    prefix: page.prefix,
    marker: page.marker,
    limit: page.limit,
    ...(page.delimiter && { delimiter: page.delimiter }),
  });
  const views = [];
  for (const entry of entries) {
    if ('object' in entry) views.push(await objectView(ctx, entry.object));
    else views.push({ key: entry.subdir, size: 0, isCommonPrefix: true });
  }
  return views;
}

/** `limit`, `marker`/`keyMarker`, `prefix`, `delimiter`: 1000 at most and by default (reference §4.6). */
export function readObjectPage(query: URLSearchParams, markerName: string): ObjectPage | string {
  const rawLimit = query.get('limit');
  const limit = rawLimit === null ? 1000 : Number(rawLimit);
  if (!/^\d+$/.test(rawLimit ?? '0') || limit < 1 || limit > 1000) {
    return `Invalid value for parameter limit: "${rawLimit}" must be a whole number from 1 to 1000`;
  }
  const delimiter = query.get('delimiter') ?? undefined;
  return {
    prefix: query.get('prefix') ?? '',
    marker: query.get(markerName) ?? '',
    limit,
    ...(delimiter && { delimiter }),
  };
}
