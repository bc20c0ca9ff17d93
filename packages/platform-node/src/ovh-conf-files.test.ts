import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OvhConfParseError } from '@ovh-pca/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultOvhConfPaths, readOvhConf } from './ovh-conf-files.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'ovh-pca-conf-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('readOvhConf', () => {
  it('uses the python-ovh locations, by increasing priority', () => {
    expect(defaultOvhConfPaths({ home: '/home/u', cwd: '/work/project' })).toEqual([
      '/etc/ovh.conf',
      '/home/u/.ovh.conf',
      '/work/project/ovh.conf',
    ]);
  });

  it('merges the files that exist, later ones winning, and skips missing or unreadable ones', async () => {
    const system = join(root, 'etc-ovh.conf');
    const user = join(root, '.ovh.conf');
    const local = join(root, 'project', 'ovh.conf');
    await writeFile(
      system,
      '[default]\nendpoint=ovh-eu\n[ovh-eu]\napplication_key=AK-system\nconsumer_key=CK-system\n',
    );
    await writeFile(user, '[ovh-eu]\napplication_key=AK-user\n');
    await mkdir(local, { recursive: true }); // a directory where a file is expected: unreadable, skipped
    const conf = await readOvhConf([system, join(root, 'missing.conf'), user, local]);
    expect(conf.files).toEqual([system, user]);
    expect(conf.get('ovh-eu', 'application_key')).toEqual({
      value: 'AK-user',
      path: user,
      section: 'ovh-eu',
    });
    expect(conf.get('ovh-eu', 'consumer_key')?.path).toBe(system);
  });

  it('reports a broken file with its path and line', async () => {
    const broken = join(root, 'ovh.conf');
    await writeFile(broken, '[default]\nendpoint\n');
    await expect(readOvhConf([broken])).rejects.toThrow(OvhConfParseError);
    await expect(readOvhConf([broken])).rejects.toThrow(`${broken}, line 2`);
  });
});
