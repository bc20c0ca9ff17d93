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
      // Bounds on failure, sized for a loaded 2-core machine: expect.poll's default is 1 s, and an
      // end-to-end step may wait 20 s for its locator (e2e/harness/desktop-harness.ts).
      testTimeout: 60_000,
      expect: { poll: { timeout: 20_000 } },
    },
  }),
);
