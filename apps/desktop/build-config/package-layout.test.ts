// Packages the app for real with electron-builder (unpacked `--dir`, Linux), using a stand-in
// Electron distribution since the real one cannot be downloaded here, and checks the layout the
// installers are made from: the asar, the CLI beside it, keytar's native module unpacked.
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../scripts/build.mjs';
import { electronBuilderConfig, FUSES } from './electron-builder.config.js';
import { DESKTOP_ROOT, packageApp } from './package-app.js';

let work: string;
let appDir: string;

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ovh-pca-package-'));
  const cliBundle = join(DESKTOP_ROOT, '..', 'cli', 'dist', 'ovh-pca.cjs');
  if (!(await exists(cliBundle))) {
    const built = spawnSync('pnpm', ['--filter', '@ovh-pca/cli', 'run', 'build'], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('could not build the CLI bundle the app ships');
  }
  await buildApp();
  // Stand-in for Electron's Linux distribution: a program named `electron`, renamed by the build.
  const fakeElectron = join(work, 'electron-dist');
  await mkdir(join(fakeElectron, 'resources'), { recursive: true });
  await writeFile(join(fakeElectron, 'electron'), '#!/bin/sh\necho stand-in electron\n');
  await chmod(join(fakeElectron, 'electron'), 0o755);
  await writeFile(join(fakeElectron, 'version'), 'v41.7.1');
  await packageApp({
    platform: 'linux',
    dirOnly: true,
    overrides: {
      electronDist: fakeElectron,
      // Both need the real Electron: its headers to rebuild keytar, its binary to flip fuses.
      npmRebuild: false,
      electronFuses: null,
      directories: { output: join(work, 'out') },
    },
  });
  appDir = join(work, 'out', 'linux-unpacked');
}, 180_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('packaged app layout', () => {
  it('has the app executable under its own name', async () => {
    expect(await exists(join(appDir, 'ovh-pca-desktop'))).toBe(true);
  });

  it('archives the bundled main, preload and renderer, and the package.json pointing at main', () => {
    const archive = join(appDir, 'resources', 'app.asar');
    const files = listPackage(archive, { isPack: false });
    expect(files).toEqual(
      expect.arrayContaining([
        '/dist/main/main.cjs',
        '/dist/preload/preload.cjs',
        '/dist/renderer/index.html',
      ]),
    );
    expect(files.some((file) => /^\/dist\/renderer\/assets\/index-.*\.js$/.test(file))).toBe(true);
    // Sources, tests, maps and dev tools stay out.
    expect(
      files.filter((file) => /\/src\/|\.test\.|\.map$|\/vite\/|\/electron-builder\//.test(file)),
    ).toEqual([]);
    const manifest = JSON.parse(extractFile(archive, 'package.json').toString());
    expect(manifest.main).toBe('dist/main/main.cjs');
    expect(Object.keys(manifest.dependencies)).toEqual(['keytar']);
  });

  it('unpacks keytar, native module included, outside the archive', async () => {
    const keytar = join(appDir, 'resources', 'app.asar.unpacked', 'node_modules', 'keytar');
    expect(await exists(join(keytar, 'build', 'Release', 'keytar.node'))).toBe(true);
    expect(await exists(join(keytar, 'package.json'))).toBe(true);
  });

  it('ships the CLI bundle and its wrappers that run it on the app runtime', async () => {
    const cli = join(appDir, 'resources', 'cli');
    expect(await exists(join(cli, 'ovh-pca.cjs'))).toBe(true);
    const wrapper = await readFile(join(cli, 'ovh-pca'), 'utf8');
    expect(wrapper).toContain('ELECTRON_RUN_AS_NODE=1');
    expect(wrapper).toContain('ovh-pca-desktop');
    expect((await stat(join(cli, 'ovh-pca'))).mode & 0o111).not.toBe(0);
    expect(await readFile(join(cli, 'ovh-pca.cmd'), 'utf8')).toContain('OVH PCA.exe');
  });
});

describe('packaging configuration', () => {
  it('sets every fuse explicitly, the CLI runtime being the one fuse left on by choice', () => {
    expect(FUSES).toEqual({
      runAsNode: true,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
  });

  it('builds NSIS, DMG + ZIP (hardened, notarized from the environment), AppImage + deb with libsecret', () => {
    const plain = electronBuilderConfig({});
    expect(plain.win?.target).toEqual(['nsis']);
    expect(plain.nsis?.include).toBe('packaging/windows/installer.nsh');
    expect(plain.mac?.target).toEqual(['dmg', 'zip']);
    expect(plain.mac?.hardenedRuntime).toBe(true);
    expect(plain.mac?.notarize).toBe(false);
    expect(electronBuilderConfig({ APPLE_TEAM_ID: 'T', APPLE_API_KEY: 'k.p8' }).mac?.notarize).toBe(true);
    expect(plain.linux?.target).toEqual(['AppImage', 'deb']);
    expect(plain.deb?.depends).toContain('libsecret-1-0');
    expect(plain.deb?.afterInstall).toBe('packaging/linux/after-install.sh');
  });
});
