import { mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.js';

// The binary tests spawn dist/ovh-pca.cjs: build it once before any test file runs.
export default mergeConfig(sharedTestConfig, {
  test: { globalSetup: ['./src/testing/build-cli.global-setup.ts'] },
});
