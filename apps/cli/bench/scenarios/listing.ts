/**
 * Listing 100,000 objects at 25 ms of latency per request: a Cloud Archive container through Swift
 * (issue 11 §5) and a Cold Archive v2 bucket through S3 (issue 12), ovh-pca `objects list --json`
 * against `rclone lsjson` on the same archive. rclone is given `--use-server-modtime` and
 * `--no-mimetype`, else it sends one HEAD per object for its modification time or (S3) its content
 * type, which ovh-pca does not show (it shows the listing's date), and `--fast-list`, one flat
 * listing like ovh-pca's instead of one per "directory". The goals are measured on `REGION/NAME`
 * (the address that says which products can hold it); the bare `NAME` is measured beside it, once:
 * it asks every product for its archives first.
 */
import type { BenchContext } from '../harness/bench-context.js';
import { measure } from '../harness/measure.js';
import { atMostGoal, newSection, ratioGoal, type SectionResult, totalRequests } from '../harness/report.js';
import { readStdout, type TimedRun } from '../harness/timed-run.js';
import { S3_REMOTE, swiftRemote } from '../harness/tools.js';
import { ovhPcaSees } from './probes.js';

const LATENCY_MS = 25;
const RUNS = 3;

interface ListingCase {
  title: string;
  archive: string;
  /** Its region, for the `REGION/NAME` address the goals are measured on. */
  region: string;
  rcloneTarget: string;
  /** Objects per page of the protocol's listing, for the request goal. */
  pageSize: number;
  product: string;
  missing: string;
}

const CASES: ListingCase[] = [
  {
    title: 'Cloud Archive (Swift): objects list',
    archive: 'archives-bhs',
    region: 'BHS',
    rcloneTarget: `${swiftRemote('BHS')}:archives-bhs`,
    pageSize: 10_000,
    product: 'cloud-archive',
    missing: 'no Cloud Archive backend',
  },
  {
    title: 'Cold Archive v2 (S3, EU-WEST-PAR): objects list',
    archive: 'deep-archive-par',
    region: 'EU-WEST-PAR',
    rcloneTarget: `${S3_REMOTE}:deep-archive-par`,
    pageSize: 1_000,
    product: 'deep-archive',
    missing: 'ovh-pca has no Cold Archive v2 backend in this build (branch i12-core-ready)',
  },
];

export async function listingBenchmarks(context: BenchContext): Promise<SectionResult[]> {
  const sections: SectionResult[] = [];
  for (const listing of CASES) sections.push(await listingBenchmark(context, listing));
  return sections;
}

async function listingBenchmark(context: BenchContext, listing: ListingCase): Promise<SectionResult> {
  const { sandbox, ovhPca, rclone, objects } = context;
  const section = newSection(
    `${listing.title}, ${objects.toLocaleString('en')} objects, ${LATENCY_MS} ms latency (median of ${RUNS})`,
  );
  if (!(await ovhPcaSees(ovhPca, listing.product, listing.archive))) {
    section.skipped.push(`${listing.archive}: ${listing.missing}`);
    return section;
  }
  const ovhArgs = ['objects', 'list', `${listing.region}/${listing.archive}`, '--json'];
  const bareArgs = ['objects', 'list', listing.archive, '--json'];
  const rcloneArgs = [
    'lsjson',
    '-R',
    '--fast-list',
    '--files-only',
    '--use-server-modtime',
    '--no-mimetype',
    listing.rcloneTarget,
  ];
  // Unmeasured first pass: the sandbox hashes its generated objects once, whoever lists first.
  await sandbox.setBehaviour({ latencyMs: 0 });
  await ovhPca.run(ovhArgs, 'warm-up');
  await sandbox.setBehaviour({ latencyMs: LATENCY_MS });
  try {
    // Directory markers (`dir/`) are objects to ovh-pca, not files to rclone.
    const ovh = await measure(sandbox, ovhPca, ovhArgs, {
      what: 'list REGION/NAME',
      tool: 'ovh-pca',
      repeat: RUNS,
      check: rowCount('ovh-pca', objects, objects),
    });
    const rc = await measure(sandbox, rclone, rcloneArgs, {
      what: 'lsjson',
      tool: 'rclone',
      repeat: RUNS,
      check: rowCount('rclone', objects - 1, objects),
    });
    const bare = await measure(sandbox, ovhPca, bareArgs, {
      what: 'list NAME',
      tool: 'ovh-pca',
      check: rowCount('ovh-pca', objects, objects),
    });
    section.measurements.push(ovh, bare, rc);
    const limit = Math.ceil(objects / listing.pageSize) + 6;
    section.goals.push(
      atMostGoal(
        `ovh-pca requests (ceil(N/${listing.pageSize.toLocaleString('en')})+6)`,
        totalRequests(ovh),
        limit,
        'requests',
      ),
      ratioGoal('wall vs rclone lsjson', ovh, rc, 1.5),
    );
  } finally {
    await sandbox.setBehaviour({ latencyMs: 0 });
  }
  return section;
}

function rowCount(tool: string, least: number, most: number) {
  return async (run: TimedRun) => {
    const rows = (JSON.parse(await readStdout(run)) as unknown[]).length;
    if (rows < least || rows > most)
      throw new Error(`${tool} listed ${rows} objects, expected ${least}–${most}`);
  };
}
