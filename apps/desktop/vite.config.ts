import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer only: main and preload are bundled by esbuild (scripts/build.mjs).
export default defineConfig({
  root: fileURLToPath(new URL('./src/renderer', import.meta.url)),
  // Relative URLs: the files are served from app://ovh-pca/ in Electron and from loopback in tests.
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
    // No inline polyfill script: the CSP allows scripts from the app's own origin only.
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    // The lazy charts chunk is large; the first screen stays small (see the bench).
    chunkSizeWarningLimit: 800,
    sourcemap: false,
  },
});
