/**
 * `--data FILE`: the state survives restarts, and a change the sandbox has acknowledged survives a
 * kill. Every save writes the whole state to a temp file and renames it over FILE, in one
 * synchronous step, and answers wait for it: FILE is always one complete save, held by the kernel
 * once renamed. Saves are grouped: changes made while one is due go into it, so concurrent writers
 * share the cost. fsync (file, then directory), which only a power cut needs, follows within
 * syncDelayMs and on flush, off the answer's path: it costs 10–30 ms on a busy machine, and an
 * answer held that long lets a client's concurrent poll learn of a change as early as the one who
 * made it. The file holds the sandbox's own demo keys, so it is created readable by its owner only.
 */
import { readdir, readFile, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { replaceFile, syncToDisk } from './durable-write.js';
import { migrateState } from './migrate-state.js';
import type { SandboxState, SeedOptions } from './sandbox-state.js';

export class StateFileError extends Error {
  override name = 'StateFileError';
}

/** `FILE.<pid>.<n>.tmp`: the temp names this module writes, and the only ones it removes. */
const tempName = (file: string, pid: number, counter: number) => `${file}.${pid}.${counter}.tmp`;

function isOwnTempFile(name: string, file: string): number | undefined {
  const prefix = `${basename(file)}.`;
  if (!name.startsWith(prefix)) return undefined;
  const match = /^(\d+)\.\d+\.tmp$/.exec(name.slice(prefix.length));
  return match ? Number(match[1]) : undefined;
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temp files left by a sandbox that was killed mid-save (never those of a live one). */
export async function removeStaleTempFiles(file: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dirname(file));
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = isOwnTempFile(name, file);
    if (pid === undefined || isRunning(pid)) continue;
    await unlink(join(dirname(file), name)).catch(() => undefined);
    removed.push(name);
  }
  return removed;
}

/**
 * The saved state, or undefined when the file does not exist yet; never half a file. An older
 * version is migrated (new slices seeded from `seed`); the file itself is rewritten by the next save.
 */
export async function loadStateFile(file: string, seed: SeedOptions): Promise<SandboxState | undefined> {
  await removeStaleTempFiles(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StateFileError(`Cannot read sandbox data file ${file}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Saves replace the file whole, so this is damage from outside (a disk, an editor, a copy).
    const size = Buffer.byteLength(text);
    const looksCut = size === 0 || !text.trimEnd().endsWith('}');
    throw new StateFileError(
      `Sandbox data file ${file} is not valid JSON (${size} bytes${looksCut ? ', truncated' : ''}); it was not loaded. Delete it or pick another --data file`,
    );
  }
  const version = (parsed as { version?: unknown } | null)?.version;
  try {
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new Error('it is not an object');
    return migrateState(parsed as Record<string, unknown>, seed);
  } catch (error) {
    throw new StateFileError(
      `Sandbox data file ${file} has version ${String(version)} and cannot be read: ${(error as Error).message}; delete it or pick another --data file`,
    );
  }
}

interface Waiter {
  generation: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

export interface StateFileWriterOptions {
  /** How long bookkeeping changes (`markTouched`) may wait for a save, ms. */
  touchDelayMs?: number;
  /** How long a save may stay unsynced (power cuts only; a kill loses nothing), ms. */
  syncDelayMs?: number;
  onError?: (error: Error) => void;
}

export class StateFileWriter {
  /** Changes made so far, numbered; a save covers every change up to the number it was taken at. */
  private changed = 0;
  /** Newest change that must reach the disk before its answer. */
  private needed = 0;
  private saved = 0;
  private saving = false;
  private waiters: Waiter[] = [];
  private touchTimer: NodeJS.Timeout | undefined;
  private counter = 0;
  private unsynced = false;
  private syncTimer: NodeJS.Timeout | undefined;
  private syncing: Promise<void> = Promise.resolve();
  private readonly touchDelayMs: number;
  private readonly syncDelayMs: number;
  private readonly onError: (error: Error) => void;

  constructor(
    private readonly file: string,
    private readonly snapshot: () => SandboxState,
    options: StateFileWriterOptions = {},
  ) {
    this.touchDelayMs = options.touchDelayMs ?? 1000;
    this.syncDelayMs = options.syncDelayMs ?? 1000;
    this.onError = options.onError ?? ((error) => console.error(`[ovh-sandbox] ${error.message}`));
  }

  /** A change an answer acknowledges: saved at once, and `persisted()` waits for it. */
  markDirty(): void {
    this.needed = ++this.changed;
    this.start();
  }

  /**
   * Bookkeeping a kill may lose (a key's `lastUse`): saved with the next change, or after
   * touchDelayMs, so read-only calls do not each wait for a save.
   */
  markTouched(): void {
    this.changed++;
    this.touchTimer ??= setTimeout(() => {
      this.touchTimer = undefined;
      this.needed = this.changed;
      this.start();
    }, this.touchDelayMs);
    this.touchTimer.unref();
  }

  /** Resolves once every change marked with `markDirty` so far is on disk; rejects if that save failed. */
  persisted(): Promise<void> {
    return this.waitFor(this.needed);
  }

  /** Writes every change now, bookkeeping included, and fsyncs: resolves once the disk is current. */
  async flush(): Promise<void> {
    if (this.touchTimer) {
      clearTimeout(this.touchTimer);
      this.touchTimer = undefined;
    }
    this.needed = this.changed;
    await this.waitFor(this.changed);
    await this.syncNow();
  }

  private scheduleSync(): void {
    this.unsynced = true;
    this.syncTimer ??= setTimeout(() => {
      this.syncTimer = undefined;
      void this.syncNow();
    }, this.syncDelayMs);
    this.syncTimer.unref();
  }

  private syncNow(): Promise<void> {
    if (this.syncTimer) {
      clearTimeout(this.syncTimer);
      this.syncTimer = undefined;
    }
    if (!this.unsynced) return this.syncing;
    this.unsynced = false;
    this.syncing = this.syncing
      .then(() => syncToDisk(this.file))
      .catch((error: Error) =>
        this.onError(new StateFileError(`Cannot sync sandbox data file ${this.file}: ${error.message}`)),
      );
    return this.syncing;
  }

  private waitFor(generation: number): Promise<void> {
    if (this.saved >= generation) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ generation, resolve, reject });
      this.start();
    });
  }

  private start(): void {
    if (this.saving) return;
    this.saving = true;
    // On the next turn, so every change of the current one shares the save.
    setImmediate(() => this.save());
  }

  private save(): void {
    this.saving = false;
    if (this.saved >= this.needed) return;
    // Taken and written in one synchronous step: no change can slip between the two.
    const generation = this.changed;
    try {
      replaceFile(
        this.file,
        tempName(this.file, process.pid, ++this.counter),
        JSON.stringify(this.snapshot()),
      );
    } catch (error) {
      const failure = new StateFileError(
        `Cannot write sandbox data file ${this.file}: ${(error as Error).message}`,
      );
      this.onError(failure);
      // Those waiting are told; the next change or flush tries again.
      this.settle(generation, failure);
      return;
    }
    this.saved = generation;
    this.scheduleSync();
    this.settle(generation);
  }

  private settle(generation: number, failure?: Error): void {
    const done = this.waiters.filter((waiter) => waiter.generation <= generation);
    this.waiters = this.waiters.filter((waiter) => waiter.generation > generation);
    for (const waiter of done) {
      if (failure) waiter.reject(failure);
      else waiter.resolve();
    }
  }
}
