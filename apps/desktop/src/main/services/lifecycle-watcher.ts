import { randomUUID } from 'node:crypto';
import { type Archive, type ArchiveLifecycle, waitForArchive } from '@ovh-pca/core';
import type { LifecycleStep } from '../../shared/ipc-types.js';
import { maskSecrets } from '../ipc/serialise-error.js';
import { refOf } from '../transfers/transfer-service.js';
import type { EmitEvent } from './app-events.js';

export interface LifecycleWatcherOptions {
  emit: EmitEvent;
  notify: (title: string, body: string) => void;
  describeEnd: (step: LifecycleStep, archive: Archive) => { title: string; body: string };
  knownSecrets: () => readonly string[];
  log: (line: string) => void;
  pollIntervalMs?: number;
}

/**
 * Follows a Cold Archive v1 bucket after a lifecycle step (archiving → archived, restoring →
 * restored, deleting → flushed) with core's waiter: `archives:lifecycleProgress` on each state
 * change, then one OS notification. Keeps following after a profile switch.
 */
export class LifecycleWatcher {
  readonly #options: LifecycleWatcherOptions;
  readonly #abort = new AbortController();
  readonly #watches = new Set<Promise<void>>();

  constructor(options: LifecycleWatcherOptions) {
    this.#options = options;
  }

  /** Sends the first event at once; follows with `lifecycle` unless it is null (a step with no wait). */
  watch(
    profileName: string,
    step: LifecycleStep,
    archive: Archive,
    lifecycle: ArchiveLifecycle | null,
  ): string {
    const operationId = randomUUID();
    const send = (current: Archive, done: boolean, failure: string | null) =>
      this.#options.emit('archives:lifecycleProgress', {
        operationId,
        profileName,
        step,
        archive: refOf(current),
        state: current.state,
        phase: current.phase,
        lockedUntil: current.lockedUntil ?? null,
        restoredUntil: current.restoredUntil ?? null,
        done,
        failure,
      });
    const finish = (settled: Archive) => {
      send(settled, true, null);
      const { title, body } = this.#options.describeEnd(step, settled);
      this.#options.notify(title, body);
    };
    if (lifecycle === null) {
      queueMicrotask(() => finish(archive));
      return operationId;
    }
    send(archive, false, null);
    const work = waitForArchive(lifecycle, archive, {
      signal: this.#abort.signal,
      ...(this.#options.pollIntervalMs !== undefined && { pollIntervalMs: this.#options.pollIntervalMs }),
      onProgress: (event) => send(event.value, false, null),
    }).then(finish, (error: unknown) => {
      if (this.#abort.signal.aborted) return;
      const message = maskSecrets(error instanceof Error ? error.message : String(error), [
        ...this.#options.knownSecrets(),
      ]);
      this.#options.log(`lifecycle ${operationId} stopped: ${message}`);
      send(archive, true, message);
    });
    this.#watches.add(work);
    void work.finally(() => this.#watches.delete(work));
    return operationId;
  }

  async stop(): Promise<void> {
    this.#abort.abort();
    await Promise.allSettled([...this.#watches]);
  }
}
