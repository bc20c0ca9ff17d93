/**
 * Generated command lines run in-process (runCli, a memory terminal without a TTY) against a real
 * sandbox over HTTP: for any input, either exit 2 and an empty request log, or the requests a
 * careful user meant; never a raw control character on stdout or stderr. Seeded and bounded; the
 * built binary gets a smaller share in generated-inputs.cli.test.ts.
 */
import { type SandboxHandle, startSandbox } from '@ovh-pca/sandbox';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { runCli } from './main.js';
import {
  anyCase,
  checkCase,
  GENERATED_INPUT_SEED,
  type GeneratedCase,
  GeneratedTally,
  LOGIN_CASES,
} from './testing/generated-inputs.js';
import { memoryTerminal } from './testing/memory-terminal.js';
import { makeTestHome, sandboxKeysEnv } from './testing/run-built-cli.js';

// Chosen so the suite stays near fifteen seconds on a busy 2-core machine.
const RUNS = 600;
const LOGIN_RUNS = 40;

let sandbox: SandboxHandle;
let home: Awaited<ReturnType<typeof makeTestHome>>;
const tally = new GeneratedTally();

beforeAll(async () => {
  sandbox = await startSandbox({ sessions: 4, files: 2, seed: 92, taskDurationSeconds: 3600 });
  home = await makeTestHome();
});
afterAll(async () => {
  await sandbox?.close();
  await home?.dispose();
  process.stderr.write(`generated inputs in-process, seed ${GENERATED_INPUT_SEED}: ${tally.summary()}\n`);
});

async function runInProcess(testCase: GeneratedCase) {
  const io = memoryTerminal({ stdin: testCase.stdin ?? '' });
  const env = testCase.withoutKeys ? home.env : { ...home.env, ...sandboxKeysEnv(sandbox) };
  const code = await runCli(testCase.argv, { terminal: io.terminal, env });
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

const check = (testCase: GeneratedCase) => checkCase(testCase, sandbox, runInProcess, tally);

describe('generated inputs, in-process', () => {
  it(`every parser and the api console: refused unsent or sent as meant (${RUNS} runs)`, async () => {
    await fc.assert(fc.asyncProperty(anyCase(sandbox), check), { seed: GENERATED_INPUT_SEED, numRuns: RUNS });
  }, 120_000);

  it(`login: the secret from stdin, --app-key, --timeout, --rules, --redirect (${LOGIN_RUNS} runs)`, async () => {
    await fc.assert(fc.asyncProperty(LOGIN_CASES(sandbox), check), {
      seed: GENERATED_INPUT_SEED,
      numRuns: LOGIN_RUNS,
    });
  }, 120_000);
});
