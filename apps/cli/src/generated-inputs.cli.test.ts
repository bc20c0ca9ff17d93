/**
 * The generated-input property through the built binary (real process, real pipes, real exit
 * codes) against a real sandbox: fewer runs than in-process, since each spawns Node.
 */
import { type SandboxHandle, startSandbox } from '@ovh-pca/sandbox';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  anyCase,
  checkCase,
  GENERATED_INPUT_SEED,
  type GeneratedCase,
  GeneratedTally,
  LOGIN_CASES,
} from './testing/generated-inputs.js';
import { makeTestHome, runBuiltCli, sandboxKeysEnv } from './testing/run-built-cli.js';

const RUNS = 24;
const LOGIN_RUNS = 6;
// Another seed than in-process: these runs add cases instead of repeating them.
const SEED = GENERATED_INPUT_SEED + 1;

let sandbox: SandboxHandle;
let home: Awaited<ReturnType<typeof makeTestHome>>;
const tally = new GeneratedTally();

beforeAll(async () => {
  [sandbox, home] = await Promise.all([
    startSandbox({ sessions: 4, files: 2, seed: 93, taskDurationSeconds: 3600 }),
    makeTestHome(),
  ]);
});
afterAll(async () => {
  await sandbox?.close();
  await home?.dispose();
  process.stderr.write(`generated inputs through the binary, seed ${SEED}: ${tally.summary()}\n`);
});

const runBinary = (testCase: GeneratedCase) =>
  runBuiltCli(testCase.argv, {
    env: testCase.withoutKeys ? home.env : { ...home.env, ...sandboxKeysEnv(sandbox) },
    stdin: testCase.stdin ?? '',
  });
const check = (testCase: GeneratedCase) => checkCase(testCase, sandbox, runBinary, tally);

describe('generated inputs, built binary', () => {
  it(`every parser and the api console (${RUNS} runs)`, async () => {
    await fc.assert(fc.asyncProperty(anyCase(sandbox), check), { seed: SEED, numRuns: RUNS });
  }, 120_000);

  it(`login with the secret on stdin (${LOGIN_RUNS} runs)`, async () => {
    await fc.assert(fc.asyncProperty(LOGIN_CASES(sandbox), check), { seed: SEED, numRuns: LOGIN_RUNS });
  }, 120_000);
});
