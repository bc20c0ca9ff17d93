import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.js';

// One run for everything, so the repo's summary counts it all: Node tests (main, preload, shared),
// component tests (`// @vitest-environment happy-dom` in the file) and the Chromium end-to-end specs.
export default mergeConfig(
  sharedTestConfig,
  defineConfig({
    test: {
      include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'build-config/**/*.test.ts', 'e2e/**/*.e2e.ts'],
      globalSetup: ['e2e/harness/global-setup.ts'],
      // Two cores: one worker for units, one for the browser suite.
      maxWorkers: 2,
    },
  }),
);
