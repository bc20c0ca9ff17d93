import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ValidationError } from '@ovh-pca/core';
import { hasControlCharacters, quoteInput } from '@ovh-pca/core/text';

/** Where an object lands under a download folder: a file, or a folder (a key ending in `/`). */
export interface ObjectFilePath {
  kind: 'file' | 'folder';
  /** Absolute. */
  path: string;
}

function refuse(key: string, why: string): never {
  throw new ValidationError('key', `Object key ${quoteInput(key)} cannot be downloaded: ${why}`);
}

/**
 * The path of `key` under `folder`: each `/` of the key a subfolder, non-ASCII kept as it is. A key
 * that would land outside the folder (`..`, `.`, absolute, empty parts) or that no file system can
 * name (NUL; on Windows `\`, `:` and the characters it forbids) is refused with a ValidationError.
 * A key ending in `/` (a folder marker, as the Swift web UIs create) is a folder.
 */
export function objectFilePath(
  folder: string,
  key: string,
  platform: NodeJS.Platform = process.platform,
): ObjectFilePath {
  if (key === '') refuse(key, 'it is empty');
  if (key.includes('\u0000')) refuse(key, 'it contains a NUL character');
  if (key.startsWith('/')) refuse(key, 'it is an absolute path');
  const folderMarker = key.endsWith('/');
  const parts = (folderMarker ? key.slice(0, -1) : key).split('/');
  for (const part of parts) {
    if (part === '') refuse(key, 'it has an empty path segment (//)');
    if (part === '.' || part === '..') refuse(key, `it has a ${quoteInput(part)} segment`);
    if (platform === 'win32') {
      if (/[\\:*?"<>|]/.test(part) || hasControlCharacters(part)) {
        refuse(key, 'Windows file names cannot hold \\ : * ? " < > | or control characters');
      }
      if (/[. ]$/.test(part)) refuse(key, 'Windows file names cannot end with a dot or a space');
    }
  }
  const root = resolve(folder);
  const path = join(root, ...parts);
  const inside = relative(root, path);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
    refuse(key, 'it would land outside the target folder');
  }
  return { kind: folderMarker ? 'folder' : 'file', path };
}
