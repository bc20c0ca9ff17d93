import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../vitest.shared.js';

// The root scripts' own tests (they belong to no workspace); test-all.sh runs them after the
// workspaces' and test-summary.mjs counts their report with the others.
export default mergeConfig(
  sharedTestConfig,
  defineConfig({
    root: fileURLToPath(new URL('.', import.meta.url)),
    test: { include: ['**/*.test.ts'], exclude: ['**/node_modules/**'] },
  }),
);
