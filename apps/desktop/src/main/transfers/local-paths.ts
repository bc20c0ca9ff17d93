import { basename, join, resolve, sep } from 'node:path';
import { DesktopError } from '../ipc/desktop-error.js';

/**
 * Where an object lands inside the chosen folder: its key's `/` parts as sub-folders. A key that
 * would climb out of the folder (`..`, an absolute part) is refused, so a download writes only
 * under the folder the user picked.
 */
export function destinationOf(folder: string, key: string): string {
  const parts = key.split('/');
  if (parts.some((part) => part === '' || part === '.' || part === '..' || part.includes('\\'))) {
    throw new DesktopError('badArguments', `${key} cannot be saved as a file name here`, 'keys');
  }
  const root = resolve(folder);
  const target = resolve(join(root, ...parts));
  if (!target.startsWith(root + sep)) {
    throw new DesktopError('badArguments', `${key} would leave the chosen folder`, 'keys');
  }
  return target;
}

/** The key an uploaded file gets: the prefix, then the file's own name. */
export function uploadKeyOf(prefix: string | undefined, file: string): string {
  return `${prefix ?? ''}${basename(file)}`;
}
