// API v1 shapes of Cold Archive v1 (reference doc §4.2).

/** `cloud.ColdArchiveContainer`: no region field; `objects` deprecated but still filled on GET {name}. */
export interface ColdArchiveContainerWire {
  name: string;
  status: string;
  objectsCount?: number;
  objectsSize?: number;
  ownerId?: number;
  virtualHost?: string;
  createdAt?: string;
  automaticDeletionAt?: string | null;
  lockedUntil?: string | null;
  objects?: ColdArchiveObjectWire[];
}

/** `cloud.StorageObjectList` (element of `objects`). */
export interface ColdArchiveObjectWire {
  key: string;
  size: number;
  lastModified?: string | null;
  etag?: string | null;
  storageClass?: string | null;
}

/** `cloud.order.rule.Availability`. */
export interface OrderAvailabilityWire {
  plans?: Array<{ code: string; regions: string[] }>;
}
