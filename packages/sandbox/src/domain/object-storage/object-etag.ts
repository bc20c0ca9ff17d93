/**
 * An object's MD5. Large generated objects get theirs when first needed (hashing a gigabyte at
 * every start would slow every test down); it is then kept in the state.
 */
import { generatedMd5 } from '../../blobs/generated-bytes.js';
import type { ObjectRecord } from './object-storage-state.js';

const pending = new WeakMap<ObjectRecord, Promise<string>>();

export function ensureEtag(object: ObjectRecord, markDirty: () => void): Promise<string> | string {
  if (object.etag !== null) return object.etag;
  let running = pending.get(object);
  if (!running) {
    const blob = object.blob;
    running = (
      blob.kind === 'generated'
        ? generatedMd5(blob.seed, object.bytes)
        : Promise.resolve('d41d8cd98f00b204e9800998ecf8427e')
    ).then((md5) => {
      object.etag = md5;
      markDirty();
      return md5;
    });
    pending.set(object, running);
  }
  return running;
}
