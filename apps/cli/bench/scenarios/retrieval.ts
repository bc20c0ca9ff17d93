/**
 * `retrieve --wait` of 1,000 archived objects on a sandbox whose retrieval (Swift unseal) and
 * restore (S3 DEEP_ARCHIVE) delays are RETRIEVAL_DELAY_SECONDS, 25 ms of latency per request.
 * Goals: at most 1,100 requests, wall at most the delay + 10 s. rclone has no equivalent that waits
 * (its swift backend gives up on a long Retry-After, its s3 `backend restore` only asks), so these
 * measure ovh-pca alone.
 */
import type { BenchContext } from '../harness/bench-context.js';
import { measure } from '../harness/measure.js';
import { atMostGoal, newSection, type SectionResult, totalRequests } from '../harness/report.js';
import { readStdout, type TimedRun } from '../harness/timed-run.js';
import { ovhPcaHas, ovhPcaSees } from './probes.js';

export const RETRIEVAL_DELAY_SECONDS = 30;
export const RETRIEVAL_LATENCY_MS = 25;
/**
 * `--objects` for the retrieval sandbox: archives-bhs then holds data/part-001000…001999 (1,000
 * sealed objects) and deep-archive-par, whose odd-numbered objects are DEEP_ARCHIVE, exactly 1,000
 * archived ones under data/ (parts 9, 11, … 2007).
 */
export const RETRIEVAL_OBJECTS = 2008;
const EXPECTED = 1000;

export async function retrievalBenchmarks(context: BenchContext): Promise<SectionResult[]> {
  return [await swiftRetrieve(context), await s3Retrieve(context)];
}

async function swiftRetrieve(context: BenchContext): Promise<SectionResult> {
  const section = newSection(
    `Cloud Archive (Swift): retrieve --wait of ${EXPECTED} sealed objects, retrieval delay ${RETRIEVAL_DELAY_SECONDS} s, ${RETRIEVAL_LATENCY_MS} ms latency`,
  );
  const run = await measure(
    context.sandbox,
    context.ovhPca,
    ['retrieve', 'archives-bhs', '--prefix', 'data/part-001', '--wait', '--json'],
    { what: 'retrieve --wait', tool: 'ovh-pca', check: allReady(EXPECTED, 'unsealed') },
  );
  section.measurements.push(run);
  addRetrievalGoals(section, run.wallMs, totalRequests(run));
  return section;
}

async function s3Retrieve(context: BenchContext): Promise<SectionResult> {
  const section = newSection(
    `Cold Archive v2 (S3): retrieve --days 1 --wait of ${EXPECTED} DEEP_ARCHIVE objects, restore delay ${RETRIEVAL_DELAY_SECONDS} s, ${RETRIEVAL_LATENCY_MS} ms latency`,
  );
  if (
    !(await ovhPcaHas(context.ovhPca, ['retrieve'], ['--days'])) ||
    !(await ovhPcaSees(context.ovhPca, 'deep-archive', 'deep-archive-par'))
  ) {
    section.skipped.push(
      'no Cold Archive v2 backend or `retrieve --days` in this build (branch i12-core-ready)',
    );
    return section;
  }
  const run = await measure(
    context.sandbox,
    context.ovhPca,
    ['retrieve', 'deep-archive-par', '--prefix', 'data/', '--days', '1', '--wait', '--json'],
    { what: 'retrieve --days 1 --wait', tool: 'ovh-pca', check: allReady(EXPECTED, 'restored') },
  );
  section.measurements.push(run);
  addRetrievalGoals(section, run.wallMs, totalRequests(run));
  return section;
}

function addRetrievalGoals(section: SectionResult, wallMs: number, requests: number) {
  section.goals.push(
    atMostGoal('requests', requests, 1100, 'requests'),
    atMostGoal('wall (delay + 10 s)', wallMs / 1000, RETRIEVAL_DELAY_SECONDS + 10, 's'),
  );
}

/** At least `count` rows in `state` (a prefix may also hold objects that need no retrieval). */
function allReady(count: number, state: string) {
  return async (run: TimedRun) => {
    const rows = JSON.parse(await readStdout(run)) as Array<{ state: string }>;
    const ready = rows.filter((row) => row.state === state).length;
    if (ready < count)
      throw new Error(`${ready} of ${rows.length} objects ${state}, expected at least ${count}`);
  };
}
