import { describe, expect, it } from 'vitest';
import { ExitCode } from './exit-codes.js';
import { runCli, VERSION } from './main.js';
import { memoryTerminal } from './testing/memory-terminal.js';

async function run(argv: string[], options: { env?: Record<string, string>; tty?: boolean } = {}) {
  const io = memoryTerminal({ tty: options.tty });
  const code = await runCli(argv, { terminal: io.terminal, env: options.env ?? {} });
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('runCli parsing', () => {
  it('prints the version and the help with exit 0', async () => {
    expect(await run(['--version'])).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('sessions');
    expect(help.stdout).toContain('-d SECONDS');
  });

  it('shows a command group help', async () => {
    const help = await run(['sessions', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/prune/);
  });

  it('refuses unknown flags and commands with exit 2', async () => {
    const flag = await run(['sessions', 'list', '--bogus']);
    expect(flag.code).toBe(ExitCode.usage);
    expect(flag.stderr).toContain("unknown option '--bogus'");
    expect((await run(['frobnicate'])).code).toBe(ExitCode.usage);
    expect((await run(['-l', '-t'])).code).toBe(ExitCode.usage);
  });

  it('lists the global options in each subcommand help', async () => {
    const help = await run(['sessions', 'prune', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Global Options:[\s\S]*--json[\s\S]*-y, --yes/);
  });

  it('never echoes the value of an unknown --option=value (it may be a secret)', async () => {
    for (const argv of [
      ['login', '--app-key', 'AK', '--app-secret=S3cr3t'],
      ['--consumer-key=S3cr3t', '-l'],
      ['sessions', 'list', "--app-secret=it's S3cr3t"],
    ]) {
      const result = await run(argv);
      expect(result.code).toBe(ExitCode.usage);
      expect(result.stderr).toMatch(/unknown option '--[a-z-]+=…'/);
      expect(result.stderr).not.toContain('S3cr3t');
    }
  });

  it('colours messages on a terminal, never with NO_COLOR or --no-color', async () => {
    const bad = ['sessions', 'show', 'not-an-id'];
    const ESC = '\u001b[';
    const coloured = await run(bad, { tty: true });
    expect(coloured.code).toBe(ExitCode.usage);
    expect(coloured.stderr).toContain(ESC);
    for (const plain of [
      await run(bad, { tty: true, env: { NO_COLOR: '1' } }),
      await run([...bad, '--no-color'], { tty: true }),
      await run(bad, { tty: true, env: { TERM: 'dumb' } }),
      await run(bad),
    ]) {
      expect(plain.code).toBe(ExitCode.usage);
      expect(plain.stderr).toMatch(/^error: /);
      expect(plain.stderr).not.toContain(ESC);
    }
  });

  it('refuses --json with --csv before doing anything', async () => {
    const result = await run(['--json', '--csv', 'usage']);
    expect(result.code).toBe(ExitCode.usage);
    expect(result.stderr).toContain('Choose one of --json and --csv');
  });

  it.each([
    [['sessions', 'show', '../../me']],
    [['sessions', 'files', '51d542f302ee4c5466%2F00000']],
    [['-f', 'nothex']],
    [['-d', '-5']],
    [['-d', '12x']],
    [['-lt']],
    [['--json', '-sd', '86400']],
    [['sessions', 'prune', '--older-than', '0']],
    [['sessions', 'rename', '--last']],
    [['tasks', 'show', '12a']],
    [['tasks', 'list', '--status', 'sleeping']],
    [['api', 'FETCH', '/me']],
    [['api', 'POST', '/me', '--data', '{oops']],
    [['completion', 'powershell']],
  ])('%j is bad input: exit 2 with a message', async (argv) => {
    const result = await run(argv);
    expect(result.code).toBe(ExitCode.usage);
    expect(result.stderr).toMatch(/error/i);
    expect(result.stdout).toBe('');
  });

  it('prints completion scripts for the three shells', async () => {
    const bash = await run(['completion', 'bash']);
    expect(bash.code).toBe(0);
    expect(bash.stdout).toContain('complete -o default -F _ovh_pca ovh-pca');
    expect(bash.stdout).toContain('list show files rename delete restore prune');
    expect((await run(['completion', 'zsh'])).stdout).toContain('bashcompinit');
    const fish = await run(['completion', 'fish']);
    expect(fish.stdout).toContain('__fish_seen_subcommand_from sessions');
    expect(fish.stdout).toContain('-l older-than');
  });
});
