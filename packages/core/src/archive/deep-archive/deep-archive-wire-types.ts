// API v1 shapes of the region-level S3 routes Cold Archive v2 uses (reference doc §5.2, §6).

/** `cloud.StorageContainer` (only what is read). */
export interface StorageBucketWire {
  name: string;
  objectsCount?: number;
  objectsSize?: number;
  ownerId?: number;
  createdAt?: string;
}

/** `cloud.StorageObjectList` entry. */
export interface StorageObjectListWire {
  key: string;
  size: number;
  etag?: string | null;
  lastModified?: string | null;
  storageClass?: string | null;
  isCommonPrefix?: boolean | null;
  restoreStatus?: { inProgress: boolean; expireDate?: string | null } | null;
}
