import type { S3RestoreStatus } from './s3-ports.js';

/**
 * Reads S3's `x-amz-restore` header: `ongoing-request="true"`, or
 * `ongoing-request="false", expiry-date="Fri, 21 Dec 2012 00:00:00 GMT"`. Absent → null (never
 * restored, or the restored copy expired). Unparsable → treated as in progress, never as ready.
 */
export function parseRestoreHeader(value: string | null | undefined): S3RestoreStatus | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const ongoing = /ongoing-request\s*=\s*"([^"]*)"/i.exec(value)?.[1]?.toLowerCase();
  if (ongoing !== 'false') return { inProgress: true, expiryDate: null };
  const expiry = /expiry-date\s*=\s*"([^"]*)"/i.exec(value)?.[1];
  const ms = expiry === undefined ? Number.NaN : Date.parse(expiry);
  return { inProgress: false, expiryDate: Number.isNaN(ms) ? null : new Date(ms).toISOString() };
}
