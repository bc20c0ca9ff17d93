// Files and folders named on a command line (or picked in a dialog), turned into upload sources:
// one per regular file, keyed `<prefix><name>` for a file and `<prefix><folder>/<relative path>` for
// what a folder holds, with `/` between parts on every OS. Everything is checked before anything is
// sent: a missing or unreadable path, a key Swift would refuse, two paths landing on one key.
import { constants, type Dirent } from 'node:fs';
import { access, readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { type UploadSource, ValidationError, validateObjectKey, validateObjectPrefix } from '@ovh-pca/core';
import { md5OfFilePart, openFilePart } from './file-parts.js';

/** An upload source read from a local file. */
export interface FileUploadSource extends UploadSource {
  /** Where the bytes are read from. */
  readonly path: string;
}

export interface CollectUploadSourcesOptions {
  /** Put before every key; a `/` is added when it does not end with one. */
  prefix?: string;
}

function fileSource(path: string, key: string, bytes: number, modifiedMs: number): FileUploadSource {
  return {
    path,
    key,
    bytes,
    modifiedMs,
    openPart: (start, end) => openFilePart(path, start, end, { modifiedMs }),
    md5: (start, end, signal) => md5OfFilePart(path, start, end, { modifiedMs, signal }),
  };
}

function pathError(path: string, error: unknown): ValidationError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason =
    code === 'ENOENT' || code === 'ENOTDIR'
      ? 'no such file or folder'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : ((error as Error)?.message ?? String(error));
  return new ValidationError('path', `Cannot upload ${JSON.stringify(path)}: ${reason}`);
}

function keyOf(prefix: string, parts: readonly string[], path: string): string {
  const key = prefix + parts.join('/');
  try {
    return validateObjectKey(key);
  } catch (error) {
    throw new ValidationError('key', `${(error as Error).message} (from ${JSON.stringify(path)})`);
  }
}

/** The regular files under `folder` (symbolic links followed, each folder once), sorted by name. */
async function walk(
  folder: string,
  parts: readonly string[],
  seen: Set<string>,
  found: Array<{ path: string; parts: string[] }>,
): Promise<void> {
  const real = await realpath(folder);
  if (seen.has(real)) return;
  seen.add(real);
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    throw pathError(folder, error);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    const next = [...parts, entry.name];
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch (error) {
      // A dangling symbolic link holds nothing to upload.
      if (entry.isSymbolicLink()) continue;
      throw pathError(path, error);
    }
    if (info.isDirectory()) await walk(path, next, seen, found);
    // Sockets, pipes and devices hold no file contents to archive.
    else if (info.isFile()) found.push({ path, parts: next });
  }
}

/**
 * Every file the paths name, as upload sources in the order given (a folder's files sorted by
 * path). Throws ValidationError (field `path` or `key`) before any request can be sent.
 */
export async function collectUploadSources(
  paths: readonly string[],
  options: CollectUploadSourcesOptions = {},
): Promise<FileUploadSource[]> {
  const typed = validateObjectPrefix(options.prefix ?? '');
  const prefix = typed === '' || typed.endsWith('/') ? typed : `${typed}/`;
  const found: Array<{ path: string; parts: string[] }> = [];
  for (const path of paths) {
    if (path === '') throw new ValidationError('path', 'Invalid path: it must not be empty');
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch (error) {
      throw pathError(path, error);
    }
    const name = basename(resolve(path));
    const top = name === '' ? [] : [name];
    if (info.isDirectory()) await walk(path, top, new Set(), found);
    else if (info.isFile()) found.push({ path, parts: top });
    else throw new ValidationError('path', `Cannot upload ${JSON.stringify(path)}: not a file or folder`);
  }
  const byKey = new Map<string, string>();
  const sources: FileUploadSource[] = [];
  for (const { path, parts } of found) {
    const key = keyOf(prefix, parts, path);
    const other = byKey.get(key);
    if (other !== undefined) {
      throw new ValidationError(
        'key',
        `${JSON.stringify(other)} and ${JSON.stringify(path)} would both be uploaded as ${JSON.stringify(key)}`,
      );
    }
    byKey.set(key, path);
    try {
      await access(path, constants.R_OK);
    } catch (error) {
      throw pathError(path, error);
    }
    const info = await stat(path);
    sources.push(fileSource(path, key, info.size, info.mtimeMs));
  }
  return sources;
}
