import { rm } from 'node:fs/promises';
import { type ArchiveBackend, hasCapability } from '@ovh-pca/core';
import { downloadToFile, partPathOf } from '@ovh-pca/platform-node';
import type { ObjectTransfers } from './object-transfers.js';

/** An upload the backend answered `failed`: its own error, as plain fields the IPC layer maps. */
class UploadFailedError extends Error {
  override readonly name: string;
  constructor(info: { name?: string; message: string; status?: number; queryId?: string }) {
    super(info.message);
    this.name = info.name ?? 'UploadFailedError';
    Object.assign(this, { status: info.status, queryId: info.queryId });
  }
}

/**
 * The product's own transfers, for a backend that declares them: downloads through
 * platform-node's file writer (`.part` file, Range resume, MD5 checks, rename when whole),
 * uploads through the backend (segments for large files, resume by whole segments).
 */
export function backendTransfers(backend: ArchiveBackend): ObjectTransfers | null {
  const { openDownload, uploadObjects } = backend;
  if (
    !openDownload ||
    !uploadObjects ||
    !hasCapability(backend, 'download') ||
    !hasCapability(backend, 'upload')
  ) {
    return null;
  }
  return {
    async download(archive, key, destination, { signal, onBytes }) {
      let received = 0;
      try {
        await downloadToFile({
          target: destination,
          open: (openSignal) => openDownload.call(backend, archive, key, { signal: openSignal }),
          signal,
          onProgress: (progress) => {
            onBytes(progress.received - received);
            received = progress.received;
          },
        });
      } catch (error) {
        // A failure keeps the partial file (the next download resumes it); a cancel is the user's
        // "never mind": nothing of it stays in their folder (the writer's record is `<part>.json`).
        if (signal.aborted) {
          const part = partPathOf(destination);
          await Promise.all([rm(part, { force: true }), rm(`${part}.json`, { force: true })]);
        }
        throw error;
      }
    },
    async upload(archive, source, { signal, onBytes }) {
      let sent = 0;
      const [result] = await uploadObjects.call(backend, archive, [source], {
        signal,
        onProgress: (event) => {
          // A part sent again counts from zero again: progress never goes backwards here.
          if (event.sentBytes > sent) onBytes(event.sentBytes - sent);
          sent = Math.max(sent, event.sentBytes);
        },
      });
      signal.throwIfAborted();
      if (!result || result.outcome === 'failed') {
        throw new UploadFailedError(result?.error ?? { message: `${source.key} was not uploaded` });
      }
      if (source.bytes > sent) onBytes(source.bytes - sent);
    },
  };
}
