/**
 * What saving `--data` before each answer costs: renames one at a time and 16 at once, against a
 * default sandbox and one seeded with 3 000 sessions × 20 files per PCA service, with and without
 * --data. Prints ms per write, writes per second and the data file's size. Asserts nothing.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runConcurrently, signedCall, startBin, stopBin } from './sandbox-process.mjs';

const SEQUENTIAL = 40;
const CONCURRENT = 400;

async function sessionsOf(line) {
  const paths = [];
  const passports = JSON.parse((await signedCall(line, { path: '/cloud' })).text);
  for (const passport of passports) {
    for (const offer of JSON.parse((await signedCall(line, { path: `/cloud/${passport}/pca` })).text)) {
      const base = `/cloud/${passport}/pca/${offer}/sessions`;
      for (const id of JSON.parse((await signedCall(line, { path: base })).text)) paths.push(`${base}/${id}`);
    }
  }
  return paths;
}

async function measure(sessions, withData) {
  const dir = mkdtempSync(join(tmpdir(), 'ovh-sandbox-bench-'));
  const dataFile = join(dir, 'state.json');
  const args = ['--sessions', String(sessions), '--files', '20', ...(withData ? ['--data', dataFile] : [])];
  const started = await startBin(args);
  try {
    const paths = await sessionsOf(started.line);
    const rename = async (i) => {
      const answer = await signedCall(started.line, {
        method: 'PUT',
        path: paths[i % paths.length],
        body: { name: `bench-${i}` },
      });
      if (answer.status !== 200) throw new Error(`PUT answered ${answer.status}: ${answer.text}`);
    };
    let t = performance.now();
    for (let i = 0; i < SEQUENTIAL; i++) await rename(i);
    const sequentialMs = (performance.now() - t) / SEQUENTIAL;
    t = performance.now();
    await runConcurrently(CONCURRENT, 16, rename);
    const concurrentSeconds = (performance.now() - t) / 1000;
    return {
      label: `${sessions} sessions/service, ${paths.length} in all, ${withData ? '--data' : 'in memory'}`,
      sequentialMs,
      perSecond: CONCURRENT / concurrentSeconds,
      fileMb: withData ? statSync(dataFile).size / 1024 / 1024 : undefined,
    };
  } finally {
    await stopBin(started);
    rmSync(dir, { recursive: true, force: true });
  }
}

const rows = [];
for (const sessions of [8, 3000])
  for (const withData of [false, true]) rows.push(await measure(sessions, withData));
console.log(`\n--data cost: renames, ${SEQUENTIAL} one at a time, then ${CONCURRENT} with 16 in flight`);
for (const row of rows) {
  console.log(
    `${row.label.padEnd(52)} ${row.sequentialMs.toFixed(1).padStart(6)} ms/write alone  ` +
      `${row.perSecond.toFixed(0).padStart(5)} writes/s at 16${row.fileMb === undefined ? '' : `  file ${row.fileMb.toFixed(2)} MB`}`,
  );
}
