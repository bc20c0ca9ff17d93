/**
 * The generated-input property through the built binary (real process, real pipes, real exit
 * codes) against a real sandbox: fewer runs than in-process, since each spawns Node.
 */
import { type SandboxHandle, startSandbox } from '@ovh-pca/sandbox';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  anyCase,
  checkOutcome,
  GENERATED_INPUT_SEED,
  type GeneratedCase,
  LOGIN_CASES,
} from './testing/generated-inputs.js';
import { makeTestHome, runBuiltCli, sandboxKeysEnv } from './testing/run-built-cli.js';

const RUNS = 24;
const LOGIN_RUNS = 6;

let sandbox: SandboxHandle;
let home: Awaited<ReturnType<typeof makeTestHome>>;
let refused = 0;
let total = 0;

beforeAll(async () => {
  sandbox = await startSandbox({ sessions: 4, files: 2, seed: 93, taskDurationSeconds: 3600 });
  home = await makeTestHome();
});
afterAll(async () => {
  await sandbox?.close();
  await home?.dispose();
  process.stderr.write(
    `generated inputs through the binary, seed ${GENERATED_INPUT_SEED}: ${total} runs (${refused} refused)\n`,
  );
});

async function check(testCase: GeneratedCase): Promise<void> {
  sandbox.clearRequests();
  const env = testCase.withoutKeys ? home.env : { ...home.env, ...sandboxKeysEnv(sandbox) };
  const outcome = await runBuiltCli(testCase.argv, { env, stdin: testCase.stdin ?? '' });
  total++;
  if (outcome.code === 2) refused++;
  checkOutcome(testCase, outcome, sandbox.requests(), sandbox);
}

describe('generated inputs, built binary', () => {
  it(`every parser and the api console (${RUNS} runs)`, async () => {
    // Another seed than in-process: these runs add cases instead of repeating them.
    await fc.assert(fc.asyncProperty(anyCase(sandbox), check), {
      seed: GENERATED_INPUT_SEED + 1,
      numRuns: RUNS,
    });
  }, 120_000);

  it(`login with the secret on stdin (${LOGIN_RUNS} runs)`, async () => {
    await fc.assert(fc.asyncProperty(LOGIN_CASES(sandbox), check), {
      seed: GENERATED_INPUT_SEED + 1,
      numRuns: LOGIN_RUNS,
    });
  }, 120_000);
});
