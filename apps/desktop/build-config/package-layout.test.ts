// Packages the app for real with electron-builder (unpacked `--dir`, Linux), using a stand-in
// Electron distribution since the real one cannot be downloaded here, and checks the layout the
// installers are made from: the asar, the CLI beside it, keytar's native module unpacked, and the
// fuses flipped in the executable (the stand-in carries a fuse wire laid out like Electron's).
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { FuseState, FuseV1Options, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../scripts/build.mjs';
import { electronBuilderConfig } from './electron-builder.config.js';
import { FUSES } from './electron-fuses.js';
import { DESKTOP_ROOT, packageApp } from './package-app.js';

let work: string;
let appDir: string;

const require = createRequire(import.meta.url);
const ELECTRON_VERSION: string = require('electron/package.json').version;
// What @electron/fuses looks for in Electron's binary: a sentinel, the wire's version and length,
// then one byte per fuse. Electron 45's wire as shipped: 9 fuses, `101100011`.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ELECTRON_45_DEFAULT_WIRE = '101100011';

function standInExecutable(wire: string): Buffer {
  return Buffer.concat([
    Buffer.from('#!/bin/sh\necho stand-in electron\nexit 0\n'),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, wire.length]),
    Buffer.from(wire),
    Buffer.from('\n'),
  ]);
}

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
  await writeFile(join(fakeElectron, 'electron'), standInExecutable(ELECTRON_45_DEFAULT_WIRE));
  await chmod(join(fakeElectron, 'electron'), 0o755);
  await writeFile(join(fakeElectron, 'version'), `v${ELECTRON_VERSION}`);
  await packageApp({
    platform: 'linux',
    dirOnly: true,
    overrides: {
      electronDist: fakeElectron,
      // Rebuilding keytar needs Electron's headers, which come with the real download.
      npmRebuild: false,
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

  it('flips every fuse in the executable as configured, before signing', async () => {
    const wire = await getCurrentFuseWire(join(appDir, 'ovh-pca-desktop'));
    const expected = Object.fromEntries(
      Object.values(FuseV1Options)
        .filter((option): option is FuseV1Options => typeof option === 'number')
        .map((option) => [option, FUSES[option] ? FuseState.ENABLE : FuseState.DISABLE]),
    );
    expect(wire).toEqual({ version: '1', ...expected });
    // Differs from Electron's defaults where hardening asks for it.
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
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
      version: '1',
      strictlyRequireAllFuses: true,
      resetAdHocDarwinSignature: true,
      [FuseV1Options.RunAsNode]: true,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
      [FuseV1Options.WasmTrapHandlers]: true,
    });
  });

  it('refuses to package an Electron whose fuse wire has a fuse this configuration does not set', async () => {
    const future = join(work, 'future-electron');
    await writeFile(future, standInExecutable(`${ELECTRON_45_DEFAULT_WIRE}1`));
    await expect(flipFuses(future, FUSES)).rejects.toThrow(/strictlyRequireAllFuses/);
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
