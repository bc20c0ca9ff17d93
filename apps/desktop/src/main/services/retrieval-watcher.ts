import { randomUUID } from 'node:crypto';
import { type Archive, type ArchiveBackend, type ArchiveObject, waitForObjects } from '@ovh-pca/core';
import { maskSecrets } from '../ipc/serialise-error.js';
import { refOf } from '../transfers/transfer-service.js';
import type { EmitEvent } from './app-events.js';

/** Changes are sent in batches at most this often (1,000 objects unsealing at once stay one event). */
const FLUSH_EVERY_MS = 200;

export interface RetrievalWatcherOptions {
  emit: EmitEvent;
  notify: (title: string, body: string) => void;
  describeEnd: (archiveName: string, keys: readonly string[]) => { title: string; body: string };
  knownSecrets: () => readonly string[];
  log: (line: string) => void;
  pollIntervalMs?: number;
}

/**
 * Follows objects the window asked to retrieve until none is retrieving (the backend's batch read,
 * its server delays honoured): `archives:retrievalProgress` events with what changed, then one OS
 * notification when they are ready. Keeps following after a profile switch.
 */
export class RetrievalWatcher {
  readonly #options: RetrievalWatcherOptions;
  readonly #abort = new AbortController();
  readonly #watches = new Set<Promise<void>>();

  constructor(options: RetrievalWatcherOptions) {
    this.#options = options;
  }

  /** Starts following; null when nothing is retrieving (every object already online). */
  watch(
    profileName: string,
    backend: ArchiveBackend,
    archive: Archive,
    objects: readonly ArchiveObject[],
  ): string | null {
    const followed = objects.filter((object) => object.phase === 'retrieving');
    if (followed.length === 0) return null;
    const retrievalId = randomUUID();
    const changed = new Map<string, ArchiveObject>();
    let settled = 0;
    let timer: NodeJS.Timeout | undefined;
    const flush = (done: boolean, failure: string | null) => {
      clearTimeout(timer);
      timer = undefined;
      this.#options.emit('archives:retrievalProgress', {
        retrievalId,
        profileName,
        archive: refOf(archive),
        objects: [...changed.values()],
        settled,
        total: followed.length,
        done,
        failure,
      });
      changed.clear();
    };
    const work = waitForObjects(backend, archive, followed, {
      signal: this.#abort.signal,
      ...(this.#options.pollIntervalMs !== undefined && { pollIntervalMs: this.#options.pollIntervalMs }),
      onProgress: (event) => {
        changed.set(event.id, event.value);
        settled = event.settled;
        timer ??= setTimeout(() => flush(false, null), FLUSH_EVERY_MS);
      },
    }).then(
      (final) => {
        for (const object of final) changed.set(object.key, object);
        settled = final.filter((object) => object.phase !== 'retrieving').length;
        flush(true, null);
        const ready = final.filter((object) => object.phase === 'online').map((object) => object.key);
        if (ready.length > 0) {
          const { title, body } = this.#options.describeEnd(archive.name, ready);
          this.#options.notify(title, body);
        }
      },
      (error: unknown) => {
        if (this.#abort.signal.aborted) return clearTimeout(timer);
        const message = maskSecrets(error instanceof Error ? error.message : String(error), [
          ...this.#options.knownSecrets(),
        ]);
        this.#options.log(`retrieval ${retrievalId} stopped: ${message}`);
        flush(true, message);
      },
    );
    this.#watches.add(work);
    void work.finally(() => this.#watches.delete(work));
    return retrievalId;
  }

  async stop(): Promise<void> {
    this.#abort.abort();
    await Promise.allSettled([...this.#watches]);
  }
}
