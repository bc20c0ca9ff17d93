import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Archive, SwiftAccessProvider } from '@ovh-pca/core';
import { DesktopError } from '../ipc/desktop-error.js';
import type { ObjectTransfers, TransferStepOptions } from './object-transfers.js';

/** Each `/`-separated part percent-encoded, the separators kept (Swift keys may hold `/`). */
function encodeKey(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}

/** Counts and hashes the bytes going through, for progress and the ETag check. */
function meter(onBytes: (bytes: number) => void) {
  const md5 = createHash('md5');
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      md5.update(chunk);
      onBytes(chunk.length);
      callback(null, chunk);
    },
  });
  return { stream, digest: () => md5.digest('hex') };
}

/**
 * Cloud Archive objects over Swift, with the token main got through API v1 (the backend's own
 * access provider, so one token serves listing and transfers). A sealed object is refused with
 * its remaining delay (the 429's Retry-After), which the window shows as "retrieve first".
 */
export class SwiftObjectTransfers implements ObjectTransfers {
  readonly #access: SwiftAccessProvider;
  readonly #fetch: typeof fetch;

  constructor(options: { access: SwiftAccessProvider; fetch?: typeof fetch }) {
    this.#access = options.access;
    this.#fetch = options.fetch ?? fetch;
  }

  async download(archive: Archive, key: string, destination: string, options: TransferStepOptions) {
    const response = await this.#send(archive, key, { method: 'GET', signal: options.signal });
    if (response.status === 429) {
      await response.body?.cancel();
      const after = response.headers.get('retry-after');
      throw new DesktopError(
        'objectSealed',
        `${key} is sealed: retrieve it first${after ? ` (ready in ${after} s)` : ''}`,
        'keys',
      );
    }
    await this.#check(response, 'GET', key);
    const partial = `${destination}.part`;
    const counted = meter(options.onBytes);
    try {
      await pipeline(
        Readable.fromWeb(response.body as import('node:stream/web').ReadableStream),
        counted.stream,
        createWriteStream(partial),
        { signal: options.signal },
      );
      const etag = (response.headers.get('etag') ?? '').replace(/"/g, '');
      const whole = response.headers.get('x-static-large-object') !== 'True' && /^[0-9a-f]{32}$/.test(etag);
      if (whole && etag !== counted.digest())
        throw new Error(`${key}: the bytes received do not match the ETag`);
      await rename(partial, destination);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async upload(archive: Archive, source: string, key: string, options: TransferStepOptions) {
    const { size } = await stat(source);
    const counted = meter(options.onBytes);
    const body = Readable.toWeb(createReadStream(source).pipe(counted.stream));
    const response = await this.#send(archive, key, {
      method: 'PUT',
      body: body as ReadableStream,
      headers: { 'Content-Length': String(size) },
      duplex: 'half',
      signal: options.signal,
    } as RequestInit);
    await this.#check(response, 'PUT', key);
    await response.body?.cancel();
    const etag = (response.headers.get('etag') ?? '').replace(/"/g, '');
    if (etag !== counted.digest()) throw new Error(`${key}: Swift stored other bytes than were sent`);
  }

  async #send(archive: Archive, key: string, init: RequestInit): Promise<Response> {
    const call = async (token: string, endpoint: string) =>
      this.#fetch(`${endpoint}/${encodeURIComponent(archive.name)}/${encodeKey(key)}`, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), 'X-Auth-Token': token },
      });
    let access = await this.#access.access(archive.project, init.signal ?? undefined);
    let response = await call(access.token, this.#endpoint(access.endpoints, archive));
    if (response.status === 401 && init.method === 'GET') {
      await response.body?.cancel();
      access = await this.#access.renew(archive.project, access, init.signal ?? undefined);
      response = await call(access.token, this.#endpoint(access.endpoints, archive));
    }
    return response;
  }

  #endpoint(endpoints: Readonly<Record<string, string>>, archive: Archive): string {
    const endpoint = endpoints[archive.region ?? ''];
    if (!endpoint) throw new Error(`No Swift endpoint for region ${archive.region}`);
    return endpoint;
  }

  async #check(response: Response, method: string, key: string): Promise<void> {
    if (response.ok) return;
    const text = await response.text().catch(() => '');
    throw Object.assign(new Error(`Swift ${method} ${key}: ${response.status} ${text.slice(0, 200)}`), {
      status: response.status,
      queryId: response.headers.get('x-trans-id') ?? undefined,
    });
  }
}
