import { defineConfig } from 'vitest/config';

/** Shared test settings: every suite also writes a JSON report that scripts/test-summary.mjs sums. */
export const sharedTestConfig = defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: '.cache/vitest-results.json' }]],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
