import { execFile, execFileSync } from 'node:child_process';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_CLI, makeTestHome, runBuiltCli } from '../testing/run-built-cli.js';

// The scripts `ovh-pca completion SHELL` prints, loaded and run by the real shells.
const run = promisify(execFile);
const hasShell = (name: string) => {
  try {
    execFileSync(name, ['-c', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

let home: Awaited<ReturnType<typeof makeTestHome>>;
const scripts: Record<string, string> = {};

beforeAll(async () => {
  home = await makeTestHome();
  for (const shell of ['bash', 'zsh', 'fish']) {
    const printed = await runBuiltCli(['completion', shell]);
    expect(printed.code, printed.stderr).toBe(0);
    scripts[shell] = join(home.home, `ovh-pca.${shell}`);
    await writeFile(scripts[shell], printed.stdout);
  }
});
afterAll(() => home?.dispose());

describe('bash completion', () => {
  // Calls the completion function as bash would for the words typed, the last one being completed.
  async function complete(...words: string[]): Promise<string[]> {
    const { stdout } = await run(
      'bash',
      [
        '-c',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: bash parameter expansion, not a template
        'source "$0" && COMP_WORDS=("$@") && COMP_CWORD=$(($# - 1)) && _ovh_pca && printf "%s\\n" "${COMPREPLY[@]}"',
        scripts.bash!,
        'ovh-pca',
        ...words,
      ],
      { timeout: 10_000 },
    );
    return stdout.split('\n').filter(Boolean);
  }

  it('loads with `source <(ovh-pca completion bash)` and completes commands, verbs and options', async () => {
    const loaded = await run('bash', [
      '-c',
      'source <(node "$0" completion bash) && complete -p ovh-pca',
      BUILT_CLI,
    ]);
    expect(loaded.stdout).toBe('complete -o default -F _ovh_pca ovh-pca\n');
    expect(await complete('se')).toEqual(['sessions', 'services']);
    expect(await complete('sessions', 'pr')).toEqual(['prune']);
    expect(await complete('sessions', 'prune', '--ol')).toEqual(['--older-than']);
    expect(await complete('--profile', 'acme', 'tasks', '')).toEqual(['list', 'show', 'wait']);
  });

  it('offers the shells after `completion`, and skips the value of a Perl flag', async () => {
    expect(await complete('completion', '')).toEqual(['bash', 'zsh', 'fish']);
    expect(await complete('-d', '86400', '--y')).toEqual(['--yes']);
  });
});

describe.skipIf(!hasShell('fish'))('fish completion', () => {
  async function complete(line: string): Promise<string[]> {
    const { stdout } = await run(
      'fish',
      ['--no-config', '-c', `source $argv[1]; complete -C'${line}'`, scripts.fish!],
      {
        timeout: 10_000,
      },
    );
    return stdout
      .split('\n')
      .filter(Boolean)
      .map((entry) => entry.split('\t')[0]!);
  }

  it('parses, and completes verbs, options and the shells', async () => {
    await run('fish', ['--no-execute', scripts.fish!]);
    expect(await complete('ovh-pca sessions ')).toContain('prune');
    expect(await complete('ovh-pca sessions prune --')).toEqual(
      expect.arrayContaining(['--older-than', '--yes']),
    );
    expect((await complete('ovh-pca completion ')).sort()).toEqual(['bash', 'fish', 'zsh']);
  });
});

describe.skipIf(!hasShell('zsh'))('zsh completion', () => {
  it('parses, and installed in fpath completes from the very first Tab', async () => {
    await run('zsh', ['-n', scripts.zsh!]);
    const functions = join(home.home, 'zfunc');
    await mkdir(functions, { recursive: true });
    await copyFile(scripts.zsh!, join(functions, '_ovh-pca'));
    await writeFile(
      join(home.home, '.zshrc'),
      `fpath=(${functions} $fpath)\nautoload -U compinit && compinit -u -D\nPROMPT='READY> '\n`,
    );
    // An interactive zsh on a pseudo-terminal: wait for the prompt, type, press Tab once, and read
    // until the completed word appears (zpty -r blocks on the pattern; the timeout ends a failure).
    const driver = [
      'zmodload zsh/zpty',
      `zpty z 'ZDOTDIR=${home.home} TERM=dumb zsh -i'`,
      "zpty -r z out '*READY> *'",
      "zpty -w -n z $'ovh-pca sess\\t'",
      "zpty -r z out '*ovh-pca sessions *'",
      'print -r -- completed',
    ].join('\n');
    const { stdout } = await run('zsh', ['-f', '-c', driver], { timeout: 10_000 });
    expect(stdout).toContain('completed');
  });
});
