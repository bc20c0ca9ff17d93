/**
 * Replacing a file whole. `replaceFile` writes a temp file beside it (mode 0600) and renames it
 * over the target: readers and a restarted process see the old file or the new one, never a part,
 * and once it resolves the new one survives the writer being killed (the kernel holds it).
 * `syncToDisk` then fsyncs the file and its directory, so it also survives a power cut.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Synchronous on purpose: one uninterrupted step. Each async call is a thread-pool round trip that
 * waits for the CPU again, which on a busy machine made a 120 KB save take 18 ms instead of 1.
 */
export function replaceFile(file: string, tempFile: string, text: string): void {
  try {
    writeFileSync(tempFile, text, { mode: 0o600 });
    renameSync(tempFile, file);
  } catch (error) {
    rmSync(tempFile, { force: true });
    throw error;
  }
}

export async function syncToDisk(file: string): Promise<void> {
  await fsync(file, 'r+');
  try {
    await fsync(dirname(file), 'r');
  } catch (error) {
    // Windows cannot open or fsync a directory; there the rename is as durable as it gets.
    if (process.platform !== 'win32') throw error;
  }
}

async function fsync(path: string, flags: string): Promise<void> {
  const handle = await open(path, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
