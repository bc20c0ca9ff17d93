/**
 * 1 GiB each way, ovh-pca against rclone on the same sandbox: Cloud Archive (Swift: the seeded
 * generated 1 GiB object, unsealed first; a file uploaded in segments under a manifest) and Cold
 * Archive v2 (S3 multipart upload, then the download of that object). rclone gets the same segment
 * or part size and concurrency as ovh-pca, so both send the same requests. Goals: each ≤ 1.25×
 * rclone, ovh-pca's peak RSS ≤ 150 MB.
 */
import { randomFillSync } from 'node:crypto';
import { open, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchContext } from '../harness/bench-context.js';
import { measure } from '../harness/measure.js';
import { atMostGoal, newSection, ratioGoal, type SectionResult } from '../harness/report.js';
import { expectSuccess } from '../harness/timed-run.js';
import { S3_REMOTE, swiftRemote } from '../harness/tools.js';
import { ovhPcaDoes, ovhPcaHas, ovhPcaSees } from './probes.js';

const GIB = 1024 * 1024 * 1024;
const MIB = 1024 * 1024;
/** The seeded 1 GiB object of archives-gra (packages/sandbox seed-public-cloud-state.ts). */
const SEEDED_LARGE_KEY = 'backups/db/dump-2026-03-14.sql.gz';
/** ovh-pca's defaults (`upload --segment-size`, 128 MiB; S3 parts), given to rclone too. */
const SWIFT_SEGMENT_BYTES = 128 * MIB;
const S3_PART_BYTES = 16 * MIB;
const S3_PART_CONCURRENCY = 4;
const RSS_LIMIT_MB = 150;
const RATIO_LIMIT = 1.25;
const S3_MISSING = 'ovh-pca has no Cold Archive v2 backend in this build (branch i12-core-ready)';

export async function transferBenchmarks(context: BenchContext): Promise<SectionResult[]> {
  const source = join(context.dir, 'upload-1GiB.bin');
  await writeRandomFile(source, GIB);
  try {
    return [
      await swiftDownload(context),
      await swiftUpload(context, source),
      ...(await s3Transfers(context, source)),
    ];
  } finally {
    await rm(source, { force: true });
  }
}

async function swiftDownload(context: BenchContext): Promise<SectionResult> {
  const { sandbox, ovhPca, rclone } = context;
  const section = newSection('Cloud Archive (Swift): download of the seeded 1 GiB object');
  if (!(await ovhPcaHas(ovhPca, ['download']))) {
    section.skipped.push('no `ovh-pca download` in this build (branch i11-download-ready)');
    return section;
  }
  // Unmeasured: unseal it (1 s delay) and let the sandbox hash its generated gigabyte once.
  await sandbox.setBehaviour({ retrievalDelaySeconds: 1 });
  expectSuccess(
    await ovhPca.run(['retrieve', 'archives-gra', SEEDED_LARGE_KEY, '--wait'], 'unseal'),
    'unseal',
  );
  expectSuccess(
    await rclone.run(['lsjson', `${swiftRemote('GRA')}:archives-gra/backups/db/`], 'hash'),
    'hash',
  );
  await compareDownloads(
    context,
    section,
    (file) => ['download', 'archives-gra', SEEDED_LARGE_KEY, '-o', file],
    `${swiftRemote('GRA')}:archives-gra/${SEEDED_LARGE_KEY}`,
  );
  return section;
}

async function swiftUpload(context: BenchContext, source: string): Promise<SectionResult> {
  const section = newSection(
    `Cloud Archive (Swift): upload of a 1 GiB file in ${SWIFT_SEGMENT_BYTES / MIB} MiB segments`,
  );
  if (!(await ovhPcaHas(context.ovhPca, ['upload']))) {
    section.skipped.push('no `ovh-pca upload` in this build (branch i11-upload-ready)');
    return section;
  }
  await compareUploads(
    context,
    section,
    ['upload', source, 'archives-gra', '--prefix', 'bench/ovh-pca/'],
    [
      'copyto',
      source,
      `${swiftRemote('GRA')}:archives-gra/bench/rclone/upload-1GiB.bin`,
      '--swift-chunk-size',
      `${SWIFT_SEGMENT_BYTES / MIB}M`,
    ],
  );
  return section;
}

async function s3Transfers(context: BenchContext, source: string): Promise<SectionResult[]> {
  const { ovhPca, rclone } = context;
  const upload = newSection(
    `Cold Archive v2 (S3): multipart upload of a 1 GiB file (${S3_PART_BYTES / MIB} MiB parts, ${S3_PART_CONCURRENCY} at a time)`,
  );
  const download = newSection('Cold Archive v2 (S3): download of that 1 GiB object');
  if (!(await ovhPcaSees(ovhPca, 'deep-archive', 'deep-archive-par'))) {
    upload.skipped.push(S3_MISSING);
    download.skipped.push(S3_MISSING);
    return [upload, download];
  }
  const rcloneKey = `${S3_REMOTE}:deep-archive-par/bench/rclone/upload-1GiB.bin`;
  const rclonePut = [
    'copyto',
    source,
    rcloneKey,
    '--s3-chunk-size',
    `${S3_PART_BYTES / MIB}M`,
    '--s3-upload-concurrency',
    String(S3_PART_CONCURRENCY),
  ];
  const probeFile = join(context.dir, 'probe.txt');
  await writeFile(probeFile, 'probe\n');
  if (await ovhPcaDoes(ovhPca, ['upload', probeFile, 'deep-archive-par', '--prefix', 'bench/probe/'])) {
    await compareUploads(
      context,
      upload,
      ['upload', source, 'deep-archive-par', '--prefix', 'bench/ovh-pca/'],
      rclonePut,
    );
  } else {
    upload.skipped.push('ovh-pca uploads no Cold Archive v2 object in this build (branch i12-s3-ready)');
    // The object the download benchmark reads.
    expectSuccess(await rclone.run(rclonePut, 'put'), 'rclone put');
  }
  const probeOut = join(context.dir, 'probe-download.txt');
  if (await ovhPcaDoes(ovhPca, ['download', 'deep-archive-par', 'README.txt', '-o', probeOut])) {
    await compareDownloads(
      context,
      download,
      (file) => ['download', 'deep-archive-par', 'bench/rclone/upload-1GiB.bin', '-o', file],
      rcloneKey,
    );
  } else {
    download.skipped.push('ovh-pca downloads no Cold Archive v2 object in this build (branch i12-s3-ready)');
  }
  return [upload, download];
}

async function compareUploads(
  context: BenchContext,
  section: SectionResult,
  ovhArgs: string[],
  rcloneArgs: string[],
): Promise<void> {
  const ovh = await measure(context.sandbox, context.ovhPca, ovhArgs, {
    what: 'upload 1 GiB',
    tool: 'ovh-pca',
  });
  const rc = await measure(context.sandbox, context.rclone, rcloneArgs, {
    what: 'copyto 1 GiB',
    tool: 'rclone',
  });
  section.measurements.push(ovh, rc);
  section.goals.push(
    ratioGoal('upload wall vs rclone', ovh, rc, RATIO_LIMIT),
    atMostGoal('ovh-pca peak RSS', ovh.peakRssMb, RSS_LIMIT_MB, 'MB'),
  );
}

/** Both tools download the same object into files of their own, checked whole, then removed. */
async function compareDownloads(
  context: BenchContext,
  section: SectionResult,
  ovhArgs: (file: string) => string[],
  rcloneSource: string,
): Promise<void> {
  const ovhFile = join(context.dir, 'download-ovh-pca.bin');
  const rcloneFile = join(context.dir, 'download-rclone.bin');
  try {
    const ovh = await measure(context.sandbox, context.ovhPca, ovhArgs(ovhFile), {
      what: 'download 1 GiB',
      tool: 'ovh-pca',
      check: sized(ovhFile, GIB),
    });
    const rc = await measure(context.sandbox, context.rclone, ['copyto', rcloneSource, rcloneFile], {
      what: 'copyto 1 GiB',
      tool: 'rclone',
      check: sized(rcloneFile, GIB),
    });
    section.measurements.push(ovh, rc);
    section.goals.push(
      ratioGoal('download wall vs rclone', ovh, rc, RATIO_LIMIT),
      atMostGoal('ovh-pca peak RSS', ovh.peakRssMb, RSS_LIMIT_MB, 'MB'),
    );
  } finally {
    await rm(ovhFile, { force: true });
    await rm(rcloneFile, { force: true });
  }
}

function sized(path: string, bytes: number) {
  return async () => {
    const { size } = await stat(path);
    if (size !== bytes) throw new Error(`${path}: ${size} bytes, expected ${bytes}`);
  };
}

/** A file of random bytes (nothing downstream can compress or deduplicate it). */
async function writeRandomFile(path: string, bytes: number): Promise<void> {
  const file = await open(path, 'w');
  const chunk = Buffer.alloc(8 * MIB);
  try {
    for (let written = 0; written < bytes; written += chunk.length) {
      randomFillSync(chunk);
      await file.write(chunk, 0, Math.min(chunk.length, bytes - written));
    }
  } finally {
    await file.close();
  }
}
