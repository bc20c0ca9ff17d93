import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Where the end-to-end suite's own build of the renderer and of the preload shim go. */
export const E2E_ASSETS = {
  renderer: `${root}.cache/e2e/renderer`,
  preloadShim: `${root}.cache/e2e/preload-shim.js`,
};

/** Builds the real renderer (production build) and the preload shim for the browser suite. */
export async function buildTestAssets(): Promise<void> {
  await Promise.all([
    viteBuild({
      configFile: `${root}vite.config.ts`,
      logLevel: 'warn',
      build: { outDir: E2E_ASSETS.renderer, emptyOutDir: true },
    }),
    esbuild({
      entryPoints: [`${root}e2e/harness/preload-shim.ts`],
      outfile: E2E_ASSETS.preloadShim,
      bundle: true,
      format: 'iife',
      target: 'chrome120',
      logLevel: 'warning',
    }),
  ]);
}
