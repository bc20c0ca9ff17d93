// The MD5 read-back of a parallel download, done while it downloads. MD5 cannot be split across
// pieces, so the whole file is read back in order; a worker thread does it behind the readers, up
// to the end of the pieces complete from offset 0, on the core the download leaves idle. At the end
// only the last pieces are left to hash (a 1 GiB object: ~2 s of read-back after the last byte
// came down → a fraction of it).
import { Worker } from 'node:worker_threads';
import { type ByteRangeChecksum, ObjectChecksumError } from '@ovh-pca/core';

// A source string, not a file: bundles of the CLI and the desktop's main carry no separate worker
// file, and a bundler would rewrite `require` inside a function it sees.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { openSync, readSync, closeSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { path, ranges } = workerData;
const fd = openSync(path, 'r');
const buffer = Buffer.allocUnsafe(1024 * 1024);
const digests = [];
let index = 0;
let at = 0;
let hash = null;
function hashUpTo(limit) {
  while (index < ranges.length) {
    const range = ranges[index];
    if (at < range.start) at = range.start;
    const stop = Math.min(range.end, limit);
    while (at < stop) {
      const read = readSync(fd, buffer, 0, Math.min(buffer.length, stop - at), at);
      if (read === 0) throw new Error('the partial file ended at byte ' + at);
      (hash ??= createHash('md5')).update(buffer.subarray(0, read));
      at += read;
    }
    if (at < range.end) return;
    digests.push((hash ?? createHash('md5')).digest('hex'));
    hash = null;
    index += 1;
  }
}
parentPort.on('message', (message) => {
  try {
    hashUpTo(message.upTo);
    if (message.last) {
      closeSync(fd);
      parentPort.postMessage({ digests });
    }
  } catch (error) {
    parentPort.postMessage({ error: String((error && error.message) || error) });
  }
});
`;

interface WorkerAnswer {
  digests?: string[];
  error?: string;
}

/**
 * Hashes `ranges` of the file at `path` (each its own MD5) from a worker thread, as far as the caller
 * says bytes are written (`hashUpTo`); `verify` hashes the rest and checks every range.
 */
export class BackgroundFileHasher {
  readonly #key: string;
  readonly #ranges: readonly ByteRangeChecksum[];
  readonly #worker: Worker;
  readonly #answer: Promise<WorkerAnswer>;
  #limit = 0;

  constructor(key: string, path: string, ranges: readonly ByteRangeChecksum[]) {
    this.#key = key;
    this.#ranges = ranges;
    this.#worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { path, ranges: ranges.map(({ start, end }) => ({ start, end })) },
      // The worker reads into one buffer: a small heap is plenty.
      resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 },
    });
    this.#answer = new Promise<WorkerAnswer>((resolve) => {
      this.#worker.once('message', resolve);
      this.#worker.once('error', (error) => resolve({ error: error.message }));
      this.#worker.once('exit', (code) => resolve({ error: `the hashing thread stopped (exit ${code})` }));
    });
  }

  /** Bytes [0, offset) are written: hash them when the thread gets there. */
  hashUpTo(offset: number): void {
    if (offset <= this.#limit) return;
    this.#limit = offset;
    this.#worker.postMessage({ upTo: offset, last: false });
  }

  /** Hashes what is left up to `end` and checks each range; throws ObjectChecksumError on a mismatch. */
  async verify(end: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    this.#worker.postMessage({ upTo: end, last: true });
    const stopped = () => void this.stop();
    signal?.addEventListener('abort', stopped, { once: true });
    const answer = await this.#answer.finally(() => signal?.removeEventListener('abort', stopped));
    await this.stop();
    signal?.throwIfAborted();
    if (answer.error !== undefined || answer.digests === undefined) {
      throw new Error(`reading back the partial file failed: ${answer.error ?? 'no answer'}`);
    }
    this.#ranges.forEach((range, index) => {
      const actual = answer.digests![index];
      if (actual !== range.md5) throw new ObjectChecksumError(this.#key, range, actual ?? '');
    });
  }

  /** Ends the thread (after `verify`, or when the download stops early). */
  async stop(): Promise<void> {
    await this.#worker.terminate();
  }
}
