import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type { Archive, UploadSource } from '@ovh-pca/core';
import { objectFilePath } from '@ovh-pca/platform-node';
import type { ArchiveRef, TransferProgress } from '../../shared/ipc-types.js';
import { DesktopError } from '../ipc/desktop-error.js';
import { serialiseError } from '../ipc/serialise-error.js';
import type { EmitEvent } from '../services/app-events.js';
import type { ObjectTransfers } from './object-transfers.js';

/** At most this often a running transfer reports its bytes; file boundaries and the end always. */
const PROGRESS_EVERY_MS = 100;

interface Step {
  /** Shown as `current`: the key (download) or the file name (upload). */
  label: string;
  bytes: number;
  run(transfers: ObjectTransfers, signal: AbortSignal, onBytes: (bytes: number) => void): Promise<void>;
}

export interface TransferServiceOptions {
  emit: EmitEvent;
  knownSecrets: () => readonly string[];
  log: (line: string) => void;
  now?: () => number;
}

interface TransferJob {
  profileName: string;
  archive: Archive;
  transfers: ObjectTransfers;
}

/**
 * Downloads and uploads the window started, one object at a time in main, each with progress
 * events (`transfers:progress`) and a cancel that stops the bytes at once (a download's `.part`
 * file is removed; objects already whole stay).
 */
export class TransferService {
  readonly #options: TransferServiceOptions;
  readonly #running = new Map<string, { abort: AbortController; done: Promise<void> }>();

  constructor(options: TransferServiceOptions) {
    this.#options = options;
  }

  /**
   * `keys` with their sizes (from the listing), into `folder` (a dialog grant): each key's `/` a
   * subfolder; a key that would land outside the folder is refused before the first byte moves.
   */
  download(job: TransferJob, objects: ReadonlyArray<{ key: string; bytes: number }>, folder: string): string {
    const steps: Step[] = objects.map(({ key, bytes }) => {
      const target = objectFilePath(folder, key);
      return {
        label: key,
        bytes,
        run: async (transfers, signal, onBytes) => {
          // A key ending in `/` is a folder marker: a folder, no bytes.
          if (target.kind === 'folder') await mkdir(target.path, { recursive: true });
          else await transfers.download(job.archive, key, target.path, { signal, onBytes });
        },
      };
    });
    return this.#start('download', job, steps);
  }

  /** Files the user chose (a dialog grant), as upload sources (their keys already checked). */
  upload(job: TransferJob, sources: readonly UploadSource[]): string {
    const steps: Step[] = sources.map((source) => ({
      label: source.key,
      bytes: source.bytes,
      run: (transfers, signal, onBytes) => transfers.upload(job.archive, source, { signal, onBytes }),
    }));
    return this.#start('upload', job, steps);
  }

  cancel(transferId: string): void {
    const running = this.#running.get(transferId);
    if (!running) throw new DesktopError('notFound', 'This transfer is not running any more', 'transferId');
    running.abort.abort();
  }

  /** Cancels every transfer and waits for each to stop. */
  async close(): Promise<void> {
    const all = [...this.#running.values()];
    for (const running of all) running.abort.abort();
    await Promise.all(all.map((running) => running.done));
  }

  #start(direction: TransferProgress['direction'], job: TransferJob, steps: Step[]): string {
    const transferId = randomUUID();
    const abort = new AbortController();
    const done = this.#run(transferId, direction, job, steps, abort.signal).finally(() =>
      this.#running.delete(transferId),
    );
    this.#running.set(transferId, { abort, done });
    return transferId;
  }

  async #run(
    transferId: string,
    direction: TransferProgress['direction'],
    job: TransferJob,
    steps: Step[],
    signal: AbortSignal,
  ): Promise<void> {
    const now = this.#options.now ?? Date.now;
    const progress: TransferProgress = {
      transferId,
      profileName: job.profileName,
      direction,
      archive: refOf(job.archive),
      state: 'running',
      doneBytes: 0,
      totalBytes: steps.reduce((sum, step) => sum + step.bytes, 0),
      doneFiles: 0,
      totalFiles: steps.length,
      current: steps[0]?.label ?? null,
      error: null,
    };
    let sentAt = 0;
    const send = (force: boolean) => {
      if (!force && now() - sentAt < PROGRESS_EVERY_MS) return;
      sentAt = now();
      this.#options.emit('transfers:progress', { ...progress });
    };
    send(true);
    try {
      for (const step of steps) {
        progress.current = step.label;
        send(true);
        await step.run(job.transfers, signal, (bytes) => {
          progress.doneBytes += bytes;
          send(false);
        });
        progress.doneFiles += 1;
      }
      progress.state = 'done';
      progress.current = null;
    } catch (error) {
      progress.state = signal.aborted ? 'cancelled' : 'failed';
      if (!signal.aborted) {
        progress.error = serialiseError(error, this.#options.knownSecrets());
        this.#options.log(`transfer ${transferId} failed: ${progress.error.message}`);
      }
    }
    send(true);
  }
}

export function refOf(archive: Archive): ArchiveRef {
  return { product: archive.product, project: archive.project, region: archive.region, name: archive.name };
}
