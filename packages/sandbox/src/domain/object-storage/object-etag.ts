/**
 * An object's MD5. Large generated objects get theirs when first needed (hashing a gigabyte at
 * every start would slow every test down); it is then kept in the state.
 */
import { GENERATED_CHUNK, generatedMd5, generatedMd5Sync } from '../../blobs/generated-bytes.js';
import type { ObjectRecord } from './object-storage-state.js';

/** MD5 of no bytes: empty objects and manifests. */
export const EMPTY_MD5 = 'd41d8cd98f00b204e9800998ecf8427e';

const pending = new WeakMap<ObjectRecord, Promise<string>>();
/** Below this a generated object is hashed at once (microseconds); above, in the background. */
const SYNC_LIMIT = 8 * GENERATED_CHUNK;

export function ensureEtag(object: ObjectRecord, markDirty: () => void): Promise<string> | string {
  if (object.etag !== null) return object.etag;
  if (object.blob.kind === 'generated' && object.bytes <= SYNC_LIMIT) {
    object.etag = generatedMd5Sync(object.blob.seed, object.bytes);
    markDirty();
    return object.etag;
  }
  let running = pending.get(object);
  if (!running) {
    const blob = object.blob;
    running = (
      blob.kind === 'generated' ? generatedMd5(blob.seed, object.bytes) : Promise.resolve(EMPTY_MD5)
    ).then((md5) => {
      object.etag = md5;
      markDirty();
      return md5;
    });
    pending.set(object, running);
  }
  return running;
}
