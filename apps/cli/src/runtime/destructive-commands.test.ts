/**
 * One rule for every destructive command: without a terminal and without --yes it is refused
 * (exit 2) before any request, whatever it would destroy.
 */
import { type SandboxHandle, startSandbox } from '@ovh-pca/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../commands/index.js';
import { ExitCode } from '../exit-codes.js';
import { runCli } from '../main.js';
import { memoryTerminal } from '../testing/memory-terminal.js';
import { makeTestHome, sandboxKeysEnv } from '../testing/run-built-cli.js';
import { sandboxSessions } from '../testing/sandbox-facts.js';

let sandbox: SandboxHandle;
let home: Awaited<ReturnType<typeof makeTestHome>>;

beforeAll(async () => {
  sandbox = await startSandbox({ sessions: 2, seed: 5 });
  home = await makeTestHome();
});
afterAll(async () => {
  await sandbox?.close();
  await home?.dispose();
});

// A valid command line for each destructive command: only the confirmation is missing.
const examples = (): Record<string, string[]> => ({
  'sessions delete': ['sessions', 'delete', sandboxSessions(sandbox)[0]!.id],
  'sessions prune': ['sessions', 'prune', '--older-than', '1d'],
  'archives delete': ['archives', 'delete', 'GRA/archives-gra', '--recursive'],
  'objects prune': ['objects', 'prune', 'GRA/archives-gra', '--older-than', '1d'],
  'archives archive': ['archives', 'archive', 'RBX-ARCHIVE/cold-active', '--lock-days', '30'],
  'archives destroy': ['archives', 'destroy', 'RBX-ARCHIVE/cold-restored'],
  logout: ['logout'],
  'credentials revoke': ['credentials', 'revoke', String(sandbox.state.auth.credentials[0]!.credentialId)],
  'profiles remove': ['profiles', 'remove', 'work'],
});

describe('destructive commands', () => {
  it('are the ones that declare what they destroy', () => {
    const declared = COMMANDS.filter((command) => command.destroys?.({}) !== undefined).map((command) =>
      command.path.join(' '),
    );
    expect(declared.sort()).toEqual(Object.keys(examples()).sort());
  });

  it.each([[[]], [['--json']]])(
    'without a terminal nor --yes, each refuses unsent (extra %j)',
    async (extra) => {
      for (const [name, argv] of Object.entries(examples())) {
        sandbox.clearRequests();
        const io = memoryTerminal();
        const code = await runCli([...argv, ...extra], {
          terminal: io.terminal,
          env: { ...home.env, ...sandboxKeysEnv(sandbox) },
        });
        expect(code, `${name}: ${io.stderr()}`).toBe(ExitCode.usage);
        expect(io.stderr(), name).toMatch(/without confirmation[\s\S]*--yes/);
        expect(sandbox.requests(), name).toEqual([]);
      }
    },
  );

  it('--dry-run destroys nothing, so it needs no confirmation', async () => {
    const io = memoryTerminal();
    const code = await runCli(['sessions', 'prune', '--older-than', '1d', '--dry-run'], {
      terminal: io.terminal,
      env: { ...home.env, ...sandboxKeysEnv(sandbox) },
    });
    expect(code, io.stderr()).toBe(ExitCode.ok);
  });
});
