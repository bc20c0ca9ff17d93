// Sums the JSON reports every workspace's test run wrote and prints the one closing line CI reads.
// A suite with no report counts as one failed test: it crashed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
let passed = 0;
let failed = 0;
let skipped = 0;

function count(label, reportPath) {
  if (!existsSync(reportPath)) {
    console.error(`test-summary: ${label} wrote no report; counting it as a failure`);
    failed += 1;
    return;
  }
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  passed += report.numPassedTests ?? 0;
  // A suite that failed to load has no failed test but must still count.
  const brokenSuites = report.numFailedTests === 0 && report.numFailedTestSuites > 0 ? 1 : 0;
  failed += (report.numFailedTests ?? 0) + brokenSuites;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  console.error(`test-summary: ${label}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}

for (const group of ['packages', 'apps']) {
  const groupDir = join(root, group);
  if (!existsSync(groupDir)) continue;
  for (const name of readdirSync(groupDir)) {
    const manifestPath = join(groupDir, name, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (!manifest.scripts?.test) continue;
    count(`${group}/${name}`, join(groupDir, name, '.cache', 'vitest-results.json'));
  }
}
// The root scripts' own suite (scripts/vitest.config.ts), which test-all.sh runs after the workspaces'.
count('scripts', join(root, 'scripts', '.cache', 'vitest-results.json'));
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 ? 1 : 0;
