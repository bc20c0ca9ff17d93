/**
 * `--data FILE`: the state survives restarts. Writes are debounced and atomic (temp file + rename),
 * so a crash mid-write leaves the previous file intact. The file holds the sandbox's own demo keys,
 * so it is created readable by its owner only.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { migrateState } from './migrate-state.js';
import type { SandboxState, SeedOptions } from './sandbox-state.js';

export class StateFileError extends Error {
  override name = 'StateFileError';
}

/**
 * The saved state, or undefined when the file does not exist yet. An older version is migrated
 * (new slices seeded from `seed`); the file itself is rewritten by the next save.
 */
export async function loadStateFile(file: string, seed: SeedOptions): Promise<SandboxState | undefined> {
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
    throw new StateFileError(
      `Sandbox data file ${file} is not valid JSON; delete it or pick another --data file`,
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

export class StateFileWriter {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;
  private counter = 0;

  constructor(
    private readonly file: string,
    private readonly snapshot: () => SandboxState,
    private readonly debounceMs = 50,
    private readonly onError: (error: Error) => void = (error) => console.error(error.message),
  ) {}

  markDirty(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.debounceMs);
  }

  /** Writes now if anything changed; resolves once the file on disk is current. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.dirty) {
      this.dirty = false;
      const text = JSON.stringify(this.snapshot());
      this.writing = this.writing.then(() => this.write(text));
    }
    return this.writing;
  }

  private async write(text: string): Promise<void> {
    const temp = `${this.file}.${process.pid}.${++this.counter}.tmp`;
    try {
      await writeFile(temp, text, { mode: 0o600 });
      await rename(temp, this.file);
    } catch (error) {
      this.onError(
        new StateFileError(`Cannot write sandbox data file ${this.file}: ${(error as Error).message}`),
      );
    }
  }
}
