import { ValidationError } from './archive-errors.js';

/**
 * Every archive product ovh-pca knows. `legacy-pca` is the 2013 API (/cloud/{passport}/pca);
 * `cloud-archive` is Swift with the PCA storage policy; `cold-archive` is the bucket-level tape
 * offer (v1); `deep-archive` is the DEEP_ARCHIVE storage class of ordinary S3 buckets (v2).
 */
export const ARCHIVE_PRODUCTS = ['legacy-pca', 'cloud-archive', 'cold-archive', 'deep-archive'] as const;
export type ArchiveProduct = (typeof ARCHIVE_PRODUCTS)[number];

/**
 * What a product can really do. A backend declares its own; callers check before offering an
 * action, so a missing capability is a clear refusal rather than a failed request.
 */
export const ARCHIVE_CAPABILITIES = [
  'list',
  'retrieve',
  'download',
  'upload',
  'delete',
  'prune',
  'lifecycle',
] as const;
export type ArchiveCapability = (typeof ARCHIVE_CAPABILITIES)[number];

export function isArchiveProduct(value: unknown): value is ArchiveProduct {
  return typeof value === 'string' && (ARCHIVE_PRODUCTS as readonly string[]).includes(value);
}

/** A product name as typed by a user; anything else is a ValidationError (field `product`). */
export function parseArchiveProduct(value: unknown): ArchiveProduct {
  if (isArchiveProduct(value)) return value;
  const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 60)) : String(value);
  throw new ValidationError(
    'product',
    `Unknown archive product ${shown}: expected one of ${ARCHIVE_PRODUCTS.join(', ')}`,
  );
}
