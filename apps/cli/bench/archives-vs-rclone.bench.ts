/**
 * `pnpm bench`: ovh-pca side by side with Debian's rclone against the same sandbox process, for the
 * performance goals of issue 11 §5 (Cloud Archive, Swift) and issue 12 (Cold Archive v2, S3):
 * listings of 100,000 objects at 25 ms latency, 1 GiB downloads and uploads (peak RSS included),
 * and `retrieve --wait` of 1,000 archived objects. Prints numbers and which goals were met; asserts
 * nothing on time. A benchmark whose ovh-pca command has not landed prints "skipped: <reason>".
 * Arguments name the groups to run (`listings transfers retrievals`, default all).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchContext } from './harness/bench-context.js';
import { formatSection, newSection, type SectionResult } from './harness/report.js';
import { startSandboxProcess } from './harness/sandbox-process.js';
import { ovhPcaTool, rcloneTool } from './harness/tools.js';
import { listingBenchmarks } from './scenarios/listing.js';
import {
  RETRIEVAL_DELAY_SECONDS,
  RETRIEVAL_LATENCY_MS,
  RETRIEVAL_OBJECTS,
  retrievalBenchmarks,
} from './scenarios/retrieval.js';
import { transferBenchmarks } from './scenarios/transfers.js';

const LISTED_OBJECTS = 100_000;
const GROUPS = ['listings', 'transfers', 'retrievals'] as const;
const chosen = process.argv.slice(2);
for (const name of chosen) {
  if (!(GROUPS as readonly string[]).includes(name))
    throw new Error(`unknown group ${name}: ${GROUPS.join(', ')}`);
}
const runs = (group: (typeof GROUPS)[number]) => chosen.length === 0 || chosen.includes(group);

const dir = await mkdtemp(join(tmpdir(), 'ovh-pca-bench-'));
const started = performance.now();
let failures = 0;
try {
  console.log(`ovh-pca vs rclone (${await rcloneVersion()}), one sandbox process per group`);
  if (runs('listings') || runs('transfers')) {
    await withSandbox(
      ['--objects', String(LISTED_OBJECTS), '--seed', '11'],
      LISTED_OBJECTS,
      async (context) => [
        ...(await guarded('listings', () => listingBenchmarks(context))),
        ...(await guarded('transfers', () => transferBenchmarks(context))),
      ],
    );
  }
  if (runs('retrievals')) {
    const delay = String(RETRIEVAL_DELAY_SECONDS);
    await withSandbox(
      [
        ...[
          '--objects',
          String(RETRIEVAL_OBJECTS),
          '--seed',
          '12',
          '--latency',
          String(RETRIEVAL_LATENCY_MS),
        ],
        ...['--retrieval-delay', delay, '--restore-delay', delay],
      ],
      RETRIEVAL_OBJECTS,
      (context) => guarded('retrievals', () => retrievalBenchmarks(context)),
    );
  }
  console.log(`\ntotal bench wall time ${((performance.now() - started) / 1000).toFixed(0)} s`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
if (failures > 0) process.exitCode = 1;

async function withSandbox(
  args: string[],
  objects: number,
  run: (context: BenchContext) => Promise<SectionResult[]>,
): Promise<void> {
  const sandbox = await startSandboxProcess(args);
  const scratch = await mkdtemp(join(dir, 'run-'));
  try {
    const context: BenchContext = {
      sandbox,
      ovhPca: ovhPcaTool(sandbox.line, scratch),
      rclone: await rcloneTool(sandbox.line, scratch, ['GRA', 'BHS']),
      dir: scratch,
      objects,
    };
    for (const section of await run(context)) console.log(formatSection(section));
  } finally {
    await sandbox.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}

/** A group that throws prints its error as a failed section; the others still run. */
async function guarded(
  group: (typeof GROUPS)[number],
  run: () => Promise<SectionResult[]>,
): Promise<SectionResult[]> {
  if (!runs(group)) return [];
  try {
    return await run();
  } catch (error) {
    failures++;
    const section = newSection(group);
    section.failed = error instanceof Error ? error.message : String(error);
    return [section];
  }
}

async function rcloneVersion(): Promise<string> {
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) => {
    execFile('rclone', ['version'], (error, stdout) =>
      resolve(error ? 'rclone not found' : stdout.split('\n')[0]!),
    );
  });
}
