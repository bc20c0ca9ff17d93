// Builds the app into dist/: the renderer with Vite, main and preload with esbuild (one file each).
// Electron itself is not needed to build. Usable as a script or imported (the packaging test).
import { rm } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function buildApp() {
  const dist = `${root}dist`;
  await rm(`${dist}/main`, { recursive: true, force: true });
  await rm(`${dist}/preload`, { recursive: true, force: true });
  const common = {
    bundle: true,
    platform: 'node',
    // Electron 45 ships Node 24.
    target: 'node24',
    format: 'cjs',
    logLevel: 'warning',
    legalComments: 'none',
  };
  await Promise.all([
    esbuild({
      ...common,
      entryPoints: [`${root}src/main/main.ts`],
      outfile: `${dist}/main/main.cjs`,
      // keytar is native: it ships next to the bundle, unpacked from the asar.
      external: ['electron', 'keytar'],
    }),
    esbuild({
      ...common,
      entryPoints: [`${root}src/preload/preload.ts`],
      outfile: `${dist}/preload/preload.cjs`,
      // A sandboxed preload may only require 'electron'.
      external: ['electron'],
    }),
    viteBuild({ configFile: `${root}vite.config.ts`, logLevel: 'warn' }),
  ]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildApp();
}
