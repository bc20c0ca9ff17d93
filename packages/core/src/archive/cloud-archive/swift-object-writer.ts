import type { SwiftListedObject } from './cloud-archive-ports.js';
import { SWIFT_LISTING_LIMIT, type SwiftBody, type SwiftContainerClient } from './swift-container-client.js';
import { SwiftError } from './swift-error.js';
import { retryingSwiftCall } from './swift-retry.js';
import {
  parseManifestHeader,
  parseSegmentPath,
  type SwiftManifestPrefix,
  type SwiftSegmentPath,
} from './swift-segment-path.js';

/** An object as a HEAD shows it: what an upload compares a local file with. */
export interface StoredObject {
  bytes: number;
  /** Without quotes; a static large object's is the MD5 of its segments' ETags. */
  etag: string;
  /** `X-Object-Meta-Mtime`, as written by whoever uploaded it (null when absent). */
  mtime: string | null;
  staticLarge: boolean;
  /** A dynamic large object's `X-Object-Manifest` (rclone's and the swift CLI's large uploads). */
  dynamicManifest: SwiftManifestPrefix | null;
}

const unquote = (etag: string | null) => (etag ?? '').replace(/"/g, '').toLowerCase();

/**
 * The Swift calls an upload makes, over one project's region. Reads and container creation are
 * retried after transient failures; an object PUT is sent once, its caller checks what the server
 * holds before it sends it again (so no object is written twice).
 */
export class SwiftObjectWriter {
  readonly #swift: SwiftContainerClient;

  constructor(swift: SwiftContainerClient) {
    this.#swift = swift;
  }

  /** HEAD of an object; undefined when there is none. */
  headObject(container: string, key: string, signal?: AbortSignal): Promise<StoredObject | undefined> {
    return retryingSwiftCall(signal, async () => {
      try {
        const response = await this.#swift.send({ method: 'HEAD', container, key, signal });
        const headers = response.headers;
        const manifest = headers.get('x-object-manifest');
        return {
          bytes: Number(headers.get('content-length') ?? 0),
          etag: unquote(headers.get('etag')),
          mtime: headers.get('x-object-meta-mtime'),
          staticLarge: (headers.get('x-static-large-object') ?? '').toLowerCase() === 'true',
          dynamicManifest: manifest === null ? null : parseManifestHeader(manifest),
        };
      } catch (error) {
        if (error instanceof SwiftError && error.status === 404) return undefined;
        throw error;
      }
    });
  }

  /** A container's storage policy (`PCA`, `PCS`, upper case); undefined when it does not exist. */
  containerPolicy(container: string, signal?: AbortSignal): Promise<string | undefined> {
    return retryingSwiftCall(signal, async () => {
      try {
        const response = await this.#swift.send({ method: 'HEAD', container, signal });
        return (response.headers.get('x-storage-policy') ?? '').toUpperCase();
      } catch (error) {
        if (error instanceof SwiftError && error.status === 404) return undefined;
        throw error;
      }
    });
  }

  /**
   * PUT of a container with a storage policy: safe to repeat (a second PUT changes nothing). An
   * existing container with another policy is a SwiftError 409.
   */
  async createContainer(container: string, policy: string, signal?: AbortSignal): Promise<void> {
    await retryingSwiftCall(signal, async () => {
      const response = await this.#swift.send({
        method: 'PUT',
        container,
        headers: { 'X-Storage-Policy': policy, 'Content-Length': '0' },
        signal,
      });
      await response.body?.cancel();
    });
  }

  /** Every object whose name starts with `prefix`, page by page. */
  async listObjects(container: string, prefix: string, signal?: AbortSignal): Promise<SwiftListedObject[]> {
    const all: SwiftListedObject[] = [];
    let marker: string | undefined;
    for (;;) {
      const page = await this.#swift.listObjects(container, {
        prefix,
        marker,
        limit: SWIFT_LISTING_LIMIT,
        signal,
      });
      all.push(...page);
      if (page.length < SWIFT_LISTING_LIMIT) return all;
      marker = page[page.length - 1]!.name;
    }
  }

  /** The segments a static large object's manifest points to (`GET ?multipart-manifest=get`). */
  async sloSegments(container: string, key: string, signal?: AbortSignal): Promise<SwiftSegmentPath[]> {
    const list = await this.#swift.readSloManifest(container, key, signal);
    return list.map((segment) => parseSegmentPath(segment.name));
  }

  /** DELETE of an object, retried; one already gone counts as deleted. */
  async deleteObject(container: string, key: string, signal?: AbortSignal): Promise<void> {
    await this.#swift.deleteObject(container, key, signal);
  }

  /**
   * One PUT of `bytes` bytes (never repeated here); answers the ETag Swift computed, without
   * quotes. `query` carries `multipart-manifest=put` for a manifest.
   */
  async putObject(
    container: string,
    key: string,
    put: {
      body: () => SwiftBody;
      bytes: number;
      headers?: Readonly<Record<string, string>>;
      query?: URLSearchParams;
    },
    signal?: AbortSignal,
  ): Promise<string> {
    const response = await this.#swift.send({
      method: 'PUT',
      container,
      key,
      query: put.query,
      headers: { ...put.headers, 'Content-Length': String(put.bytes) },
      body: put.body,
      signal,
    });
    await response.body?.cancel();
    return unquote(response.headers.get('etag'));
  }
}
