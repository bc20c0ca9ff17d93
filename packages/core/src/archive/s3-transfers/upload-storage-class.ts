import { ValidationError } from '../archive-errors.js';

/** What `upload --storage-class` takes where the product has classes (Cold Archive v2). */
export const UPLOAD_STORAGE_CLASSES = ['STANDARD', 'DEEP_ARCHIVE'] as const;
export type UploadStorageClass = (typeof UPLOAD_STORAGE_CLASSES)[number];

/** `STANDARD` or `DEEP_ARCHIVE` (ASCII letter case ignored); ValidationError otherwise. */
export function parseUploadStorageClass(value: string): UploadStorageClass {
  const upper = value.trim().toUpperCase();
  const known = UPLOAD_STORAGE_CLASSES.find((name) => name === upper && /^[A-Za-z_]+$/.test(value.trim()));
  if (!known) {
    throw new ValidationError(
      'storageClass',
      `Storage class must be ${UPLOAD_STORAGE_CLASSES.join(' or ')}, not ${JSON.stringify(value.slice(0, 40))}`,
    );
  }
  return known;
}
