/**
 * Replaces a file so that it survives a kill or a power cut: the text goes to a temp file beside it
 * (mode 0600), is fsynced, renamed over the target, and the directory is fsynced so the rename
 * itself is on disk. Readers see the old file or the new one, never a part.
 */
import { open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

export async function writeFileDurably(file: string, tempFile: string, text: string): Promise<void> {
  try {
    const handle = await open(tempFile, 'w', 0o600);
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tempFile, file);
  } catch (error) {
    await unlink(tempFile).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(file));
}

async function syncDirectory(directory: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch (error) {
    // Windows cannot open or fsync a directory; there the rename is as durable as it gets.
    if (process.platform !== 'win32') throw error;
  } finally {
    await handle?.close();
  }
}
