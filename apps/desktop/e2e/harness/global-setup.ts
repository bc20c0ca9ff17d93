import { buildTestAssets } from './build-test-assets.js';

// Runs once per test run: the browser suites need the renderer built as it ships.
export default async function setup(): Promise<void> {
  await buildTestAssets();
}
