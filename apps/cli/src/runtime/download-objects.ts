import { mkdir } from 'node:fs/promises';
import type { Archive, ArchiveBackend, ArchiveObject } from '@ovh-pca/core';
import type { DownloadOutcome } from '../output/download-view.js';
import { downloadProgressLine } from '../output/download-view.js';
import { retrievalSummary } from '../output/object-view.js';
import type { CommandContext } from './command-context.js';

/** Files written at once: enough to fill a link, few enough to stay polite to Swift. */
const DOWNLOAD_CONCURRENCY = 4;

/** Where each key goes: a folder (each `/` a subfolder) or, for one key, a file path. */
export type DownloadTarget = { kind: 'folder'; folder: string } | { kind: 'file'; path: string };

export interface DownloadRequest {
  archive: Archive;
  /** One with the `download` capability (its `openDownload`). */
  backend: ArchiveBackend;
  /** Keys typed (checked already), or those a prefix listing found (with their states). */
  keys: readonly string[];
  listed?: ReadonlyMap<string, ArchiveObject>;
  target: DownloadTarget;
  wait: boolean;
}

const failed = (key: string, error: unknown): DownloadOutcome => ({
  key,
  path: null,
  bytes: 0,
  outcome: 'failed',
  resumedFrom: 0,
  verification: null,
  readyAt: null,
  error: error instanceof Error ? error.message : String(error),
});

const notReady = (key: string, readyAt: string | null): DownloadOutcome => ({
  ...failed(key, `not ready${readyAt ? ` before ${readyAt}` : ''}`),
  outcome: 'not-ready',
  readyAt,
});

/**
 * Objects not downloadable now are asked for (a sealed one starts unsealing, as its GET would) so
 * each has a ready time; with `wait`, followed until ready through the same waiter as `retrieve
 * --wait`. Answers the objects that can be read, and the outcomes of those that cannot.
 */
async function readyObjects(
  context: CommandContext,
  request: DownloadRequest,
): Promise<{ ready: string[]; outcomes: DownloadOutcome[] }> {
  const { archive, backend, keys, listed } = request;
  const unknown = keys.filter((key) => listed?.get(key)?.phase !== 'online');
  if (unknown.length === 0 || !backend.readObjectStates) return { ready: [...keys], outcomes: [] };
  const core = await import('@ovh-pca/core');
  const readings = await backend.readObjectStates(archive, unknown, context.signal);
  const outcomes: DownloadOutcome[] = [];
  const pending: ArchiveObject[] = [];
  const online = new Set(keys.filter((key) => !unknown.includes(key)));
  for (const reading of readings) {
    if (reading.error !== undefined || reading.value === undefined)
      outcomes.push(failed(reading.id, reading.error));
    else if (reading.value.phase === 'online') online.add(reading.id);
    else pending.push(reading.value);
  }
  if (pending.length > 0 && request.wait) {
    const progress = await context.progress(`Retrieving ${pending.length} object(s) before download`);
    const current = new Map(pending.map((object) => [object.key, object]));
    try {
      const settled = await core.waitForObjects(backend, archive, pending, {
        signal: context.signal,
        onProgress: (event) => {
          current.set(event.id, event.value);
          progress.update(
            `Retrieving ${pending.length} object(s): ${retrievalSummary([...current.values()])}`,
          );
        },
      });
      for (const object of settled) {
        if (object.phase === 'online') online.add(object.key);
        else outcomes.push(failed(object.key, `still ${object.state} after waiting`));
      }
    } finally {
      progress.stop();
    }
  } else {
    for (const object of pending) outcomes.push(notReady(object.key, object.readyAt));
  }
  return { ready: keys.filter((key) => online.has(key)), outcomes };
}

/** Downloads every key it can, a few at once, with one progress line for them all. */
export async function downloadObjects(
  context: CommandContext,
  request: DownloadRequest,
): Promise<DownloadOutcome[]> {
  const core = await import('@ovh-pca/core');
  const { downloadToFile, objectFilePath } = await import('@ovh-pca/platform-node');
  const { archive, backend, target } = request;
  const { ready, outcomes } = await readyObjects(context, request);
  const received = new Map<string, number>();
  const total = ready.reduce((sum, key) => sum + (request.listed?.get(key)?.bytes ?? 0), 0);
  let done = 0;
  let knownTotal = total;
  const progress = await context.progress(downloadProgressLine(0, ready.length, 0, knownTotal));
  const show = () =>
    progress.update(
      downloadProgressLine(
        done,
        ready.length,
        [...received.values()].reduce((a, b) => a + b, 0),
        knownTotal,
      ),
    );

  const one = async (key: string, retried = false): Promise<DownloadOutcome> => {
    try {
      const place =
        target.kind === 'file'
          ? { kind: 'file' as const, path: target.path }
          : objectFilePath(target.folder, key);
      if (place.kind === 'folder') {
        await mkdir(place.path, { recursive: true });
        return { ...failed(key, null), outcome: 'folder', path: place.path, error: null };
      }
      const result = await downloadToFile({
        target: place.path,
        open: async (signal) => {
          const source = await backend.openDownload!(archive, key, { signal });
          if (!request.listed?.has(key)) knownTotal += source.bytes;
          return source;
        },
        signal: context.signal,
        onProgress: (event) => {
          received.set(key, event.received);
          show();
        },
      });
      return {
        key,
        path: result.path,
        bytes: result.bytes,
        outcome: result.outcome,
        resumedFrom: result.resumedFrom,
        verification: result.verification,
        readyAt: null,
        error: null,
      };
    } catch (error) {
      if (context.signal.aborted) throw error;
      if (error instanceof core.ObjectNotReadyError) {
        // Sealed again since it was listed: with --wait, followed once more, then read.
        if (request.wait && !retried && backend.readObjectStates) {
          const [object] = await backend.readObjectStates(archive, [key], context.signal);
          if (object?.value)
            await core.waitForObjects(backend, archive, [object.value], { signal: context.signal });
          return one(key, true);
        }
        return notReady(key, error.readyAt);
      }
      return failed(key, error);
    } finally {
      if (!retried) done += 1;
      show();
    }
  };

  try {
    const results = await core.mapBounded(ready, DOWNLOAD_CONCURRENCY, (key) => one(key), {
      signal: context.signal,
    });
    if (context.signal.aborted) throw context.signal.reason;
    const byKey = new Map([...results, ...outcomes].map((outcome) => [outcome.key, outcome]));
    return request.keys.map((key) => byKey.get(key) ?? failed(key, 'not downloaded'));
  } finally {
    progress.stop();
  }
}
