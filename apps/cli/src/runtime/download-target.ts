import { stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { quoteInput } from '@ovh-pca/core/text';
import { UsageError } from '../cli-errors.js';
import type { DownloadTarget } from './download-objects.js';

async function kindOf(path: string): Promise<'folder' | 'file' | 'other' | undefined> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'folder' : info.isFile() ? 'file' : 'other';
  } catch {
    return undefined;
  }
}

/**
 * `-o PATH` as the user meant it: a folder (the default `.`, an existing folder, or a path ending
 * in `/`), or, when exactly one key is named, the file to write. Checked before anything is sent.
 */
export async function resolveTarget(output: string | undefined, singleKey: boolean): Promise<DownloadTarget> {
  if (output === undefined) return { kind: 'folder', folder: resolve('.') };
  if (output === '' || output.includes('\u0000')) {
    throw new UsageError(`-o ${quoteInput(output)}: expected a folder or a file path`);
  }
  const path = resolve(output);
  const kind = await kindOf(path);
  const meantFolder = output.endsWith('/') || output.endsWith(sep);
  if (kind === 'folder') return { kind: 'folder', folder: path };
  if (kind === 'other') throw new UsageError(`-o ${quoteInput(output)} is neither a folder nor a file`);
  if (meantFolder) {
    if (kind === 'file') throw new UsageError(`-o ${quoteInput(output)} is a file, not a folder`);
    return { kind: 'folder', folder: path };
  }
  if (singleKey) return { kind: 'file', path };
  if (kind === 'file') {
    throw new UsageError(
      `-o ${quoteInput(output)} is a file: with several objects (or --prefix) it must be a folder`,
    );
  }
  return { kind: 'folder', folder: path };
}
