import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type SandboxHandle, startSandbox } from '@ovh-pca/sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../exit-codes.js';
import { makeTestHome, runBuiltCli, sandboxKeysEnv } from '../testing/run-built-cli.js';

// Every command that takes an archive refuses bad input the same way (issue 11 §3): a bad name,
// address or key exits 2 before anything is sent; an ambiguous name exits 2 with the candidates,
// after the read-only listing that found them and before any Swift call or change.
let sandbox: SandboxHandle;
let home: Awaited<ReturnType<typeof makeTestHome>>;
let first: string;
let second: string;
let file: string;
const cli = (args: string[]) => runBuiltCli(args, { env: { ...home.env, ...sandboxKeysEnv(sandbox) } });

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 67, sessions: 1, files: 1, objects: 4 });
  home = await makeTestHome();
  [first, second] = Object.keys(sandbox.state.publicCloud.projects) as [string, string];
  file = join(home.home, 'a.txt');
  await writeFile(file, 'a');
  // The same name in another project and region: `archives-gra` alone is now ambiguous.
  const made = await cli(['archives', 'create', `${second}/BHS/archives-gra`]);
  if (made.code !== 0) throw new Error(made.stderr);
});
afterAll(async () => {
  await sandbox?.close();
  await home?.dispose();
});
beforeEach(() => sandbox.clearRequests());

/** Each archive-taking command, with the archive argument given. */
const COMMANDS: Record<string, (archive: string) => string[]> = {
  'objects list': (archive) => ['objects', 'list', archive],
  'objects prune': (archive) => ['objects', 'prune', archive, '--older-than', '30d', '--yes'],
  retrieve: (archive) => ['retrieve', archive, 'README.txt'],
  download: (archive) => ['download', archive, 'README.txt', '-o', join(home.home, 'out')],
  upload: (archive) => ['upload', file, archive],
  'archives delete': (archive) => ['archives', 'delete', archive, '--recursive', '--yes'],
};

describe('archive addresses, names and keys', () => {
  it.each(Object.keys(COMMANDS))('%s: bad names and addresses exit 2, nothing sent', async (name) => {
    for (const [archive, message] of [
      ['', /must not be empty/],
      ['n'.repeat(257), /257 bytes, at most 256/],
      ['é'.repeat(129), /258 bytes, at most 256/],
      ['a/b/c/d', /expected NAME, REGION\/NAME or PROJECT\/REGION\/NAME/],
      ['GRA/', /must not be empty|empty/],
    ] as const) {
      const run = await cli(COMMANDS[name]!(archive));
      expect(run.code, `${name} ${JSON.stringify(archive.slice(0, 12))}: ${run.stderr}`).toBe(ExitCode.usage);
      expect(run.stderr).toMatch(message);
      expect(sandbox.requests(), name).toEqual([]);
    }
  });

  it.each(Object.keys(COMMANDS))(
    '%s: an ambiguous name exits 2 with the candidates, no Swift call, no change',
    async (name) => {
      const run = await cli(COMMANDS[name]!('archives-gra'));
      expect(run.code, run.stderr).toBe(ExitCode.usage);
      expect(run.stderr).toContain(`${first}/GRA/archives-gra (cloud-archive)`);
      expect(run.stderr).toContain(`${second}/BHS/archives-gra (cloud-archive)`);
      const requests = sandbox.requests();
      expect(requests.filter((entry) => entry.protocol === 'swift')).toEqual([]);
      expect(requests.filter((entry) => entry.method !== 'GET')).toEqual([]);
    },
  );

  it.each([
    [['retrieve', 'GRA/archives-gra', ''], /must not be empty/],
    [['retrieve', 'GRA/archives-gra', 'k'.repeat(1025)], /1025 bytes, at most 1024/],
    [['download', 'GRA/archives-gra', 'é'.repeat(513)], /1026 bytes, at most 1024/],
    [['objects', 'list', 'GRA/archives-gra', '--prefix', 'p'.repeat(1025)], /1025 bytes, at most 1024/],
    [
      ['objects', 'prune', 'GRA/archives-gra', '--older-than', '30d', '--prefix', 'p'.repeat(1025), '--yes'],
      /1025 bytes/,
    ],
    [['archives', 'list', '--product', 'swift'], /Unknown archive product "swift"/],
    [['archives', 'create', `some-project/GRA/${'n'.repeat(257)}`], /257 bytes/],
    [['archives', 'create', 'some-project/GRA/x', '--region', 'BHS'], /Two regions/],
    [['objects', 'prune', 'GRA/archives-gra', '--older-than', '30 days', '--yes'], /did you mean|Invalid/],
  ])('bad input %#: exit 2, nothing sent', async (args, message) => {
    const run = await cli(args);
    expect(run.code, run.stderr).toBe(ExitCode.usage);
    expect(run.stderr).toMatch(message);
    expect(sandbox.requests()).toEqual([]);
  });

  it('a create with several projects and none named exits 2 listing them, nothing created', async () => {
    const run = await cli(['archives', 'create', 'GRA/fresh']);
    expect(run.code, run.stderr).toBe(ExitCode.usage);
    expect(run.stderr).toContain(first);
    expect(run.stderr).toContain(second);
    expect(sandbox.requests().filter((entry) => entry.method !== 'GET')).toEqual([]);
  });
});
