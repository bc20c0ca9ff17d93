import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { OvhConf } from '@ovh-pca/core';

/** python-ovh's and go-ovh's places, by increasing priority. */
export function defaultOvhConfPaths(location: { home: string; cwd: string }): string[] {
  return ['/etc/ovh.conf', join(location.home, '.ovh.conf'), resolve(location.cwd, 'ovh.conf')];
}

/**
 * Reads and merges the ovh.conf files that exist (later wins, key by key). Like python-ovh, files
 * that are missing or cannot be read are skipped; a file that cannot be parsed throws
 * `OvhConfParseError` naming the file and line. Read-only: ovh-pca never writes ovh.conf.
 */
export async function readOvhConf(paths: readonly string[]): Promise<OvhConf> {
  const files: Array<{ path: string; text: string }> = [];
  for (const path of paths) {
    try {
      files.push({ path, text: await readFile(path, 'utf8') });
    } catch {
      // python's ConfigParser.read ignores files it cannot open; so do we.
    }
  }
  return OvhConf.fromFiles(files);
}
