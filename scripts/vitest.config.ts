import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../vitest.shared.js';

// The root scripts' own tests (they belong to no workspace); test-all.sh runs them after the
// workspaces' and test-summary.mjs counts their report with the others.
export default mergeConfig(
  sharedTestConfig,
  defineConfig({
    root: fileURLToPath(new URL('.', import.meta.url)),
    // demo.sh's install step took 37 s on a 2-core machine at load 13 (12 s when idle); each
    // script run is also bounded by its own 120 s spawn timeout.
    test: { include: ['**/*.test.ts'], exclude: ['**/node_modules/**'], testTimeout: 180_000 },
  }),
);
