/** Removing objects and their bytes, the same way from Swift and from API v1. */
import type { BlobStore } from '../../blobs/blob-store.js';
import { removeObject } from './object-listing.js';
import type { ContainerRecord } from './object-storage-state.js';

export async function deleteObject(
  blobs: BlobStore,
  container: ContainerRecord,
  key: string,
): Promise<boolean> {
  const removed = removeObject(container, key);
  if (removed) await blobs.remove(removed.blob);
  return removed !== undefined;
}

export async function deleteAllObjects(blobs: BlobStore, container: ContainerRecord): Promise<number> {
  const keys = Object.keys(container.objects);
  for (const key of keys) await deleteObject(blobs, container, key);
  return keys.length;
}
