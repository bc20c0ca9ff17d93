// API v1 shapes of Cloud Archive (reference doc §8.2), as received. Interfaces only: the backend
// that reads them comes with the sandbox's /cloud/project routes (issue 11 §2, §3).

/** `cloud.storage.Container`: one row of `GET /cloud/project/{sn}/storage`. */
export interface StorageContainerWire {
  id: string;
  name: string;
  region: string;
  /** true for a PCA (archive) container; nullable on the wire. */
  archive: boolean | null;
  containerType?: 'private' | 'public' | 'static' | null;
  storedBytes: number;
  storedObjects: number;
}

/** `cloud.storage.ContainerObject`: one object of `GET …/storage/{containerId}`. */
export interface StorageObjectWire {
  name: string;
  size: number;
  lastModified: string;
  contentType: string;
  /** `sealed`, `unsealing`, `unsealed`. */
  retrievalState: string;
  /** Seconds until unsealed, while unsealing. */
  retrievalDelay: number;
}

/** `cloud.storage.ContainerDetail`: `GET …/storage/{containerId}` (`noObjects`, `prefix`). */
export interface StorageContainerDetailWire {
  name: string;
  region: string;
  archive: boolean;
  containerType: 'private' | 'public' | 'static';
  storedBytes: number;
  storedObjects: number;
  objects: StorageObjectWire[];
  cors: string[];
  public: boolean;
  staticUrl: string;
}

/**
 * `cloud.storage.ContainerAccess`: `POST …/storage/access`. A Keystone token (valid 24 h; too many
 * requests → 429) and one Swift endpoint per region, `https://storage.<region>…/v1/AUTH_<tenant>`.
 * The token is a secret: never logged, never sent to the renderer.
 */
export interface StorageAccessWire {
  token: string;
  endpoints: Array<{ region: string; url: string }>;
}

/** `cloud.ProjectStorageCreation`: body of `POST …/storage` (`archive: true` = policy PCA). */
export interface StorageCreationWire {
  archive: boolean;
  containerName: string;
  region: string;
}
