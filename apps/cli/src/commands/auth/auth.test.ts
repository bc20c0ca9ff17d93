import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KeytarSecretStore } from '@ovh-pca/platform-node';
import {
  answerValidationPage,
  type SandboxHandle,
  startSandbox,
  type ValidationAnswer,
  type ValidationPageResult,
} from '@ovh-pca/sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../exit-codes.js';
import { type CliRun, makeTestHome, runBuiltCli } from '../../testing/run-built-cli.js';
import { apiCalls } from '../../testing/sandbox-facts.js';
import { findValidationUrl } from '../../testing/validation-page.js';

// These tests need a real Secret Service: scripts/with-keyring.sh provides one (CI always does).
const keyring = Boolean(process.env.OVH_PCA_IN_KEYRING_SESSION);

let sandbox: SandboxHandle;
let home: Awaited<ReturnType<typeof makeTestHome>>;
const outputs: string[] = [];

async function cli(
  args: string[],
  options: { stdin?: string; env?: Record<string, string> } = {},
): Promise<CliRun> {
  const run = await runBuiltCli(args, { env: { ...home.env, ...options.env }, stdin: options.stdin });
  outputs.push(run.stdout, run.stderr);
  return run;
}

/** `ovh-pca login …` with the secret on stdin, answering the validation page when it is printed. */
async function login(
  args: string[],
  answer: ValidationAnswer | undefined,
  secret = sandbox.applicationSecret,
) {
  let answered: Promise<ValidationPageResult> | undefined;
  const run = await runBuiltCli(['login', ...args], {
    env: home.env,
    stdin: `${secret}\n`,
    onStderr: (stderr) => {
      const url = findValidationUrl(stderr);
      if (url && answer && !answered)
        answered = answerValidationPage(url, { ...answer, followRedirect: true });
    },
  });
  outputs.push(run.stdout, run.stderr);
  const page = await answered;
  return { run, page };
}

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 3, sessions: 2, files: 1 });
  home = await makeTestHome();
});
afterAll(async () => {
  await sandbox?.close();
  await home?.dispose();
});
beforeEach(() => sandbox.clearRequests());

describe.skipIf(!keyring && !process.env.CI)('login, whoami, logout with the OS keychain', () => {
  const secrets = new KeytarSecretStore();

  it('logs in through the validation page and the loopback return, then uses the profile', async () => {
    const { run, page } = await login(
      ['--profile', 'work', '--endpoint', sandbox.endpoint, '--app-key', sandbox.applicationKey],
      { login: sandbox.account.nichandle, password: sandbox.account.password, action: 'accept' },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(page?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ovh-pca\/[0-9a-f]{32}$/);
    expect(page?.status).toBe(200);
    expect(run.stderr).toContain(`Logged in as ${sandbox.account.nichandle}`);
    expect(await secrets.get('work', 'applicationSecret')).toBe(sandbox.applicationSecret);
    const consumerKey = await secrets.get('work', 'consumerKey');
    expect(consumerKey).toMatch(/^\w{32}$/);

    const whoami = await cli(['whoami', '--json']);
    expect(whoami.code, whoami.stderr).toBe(0);
    const facts = JSON.parse(whoami.stdout);
    expect(facts).toMatchObject({ account: sandbox.account.nichandle, profile: 'work' });
    expect(facts.credential.status).toBe('validated');
    expect(facts.settings).toContainEqual(
      expect.objectContaining({
        setting: 'consumerKey',
        present: true,
        value: null,
        source: 'keychain (profile work)',
      }),
    );

    const list = await cli(['sessions', 'list', '--json']);
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout).length).toBeGreaterThan(0);

    const profiles = await cli(['profiles', 'list', '--json']);
    expect(JSON.parse(profiles.stdout)).toEqual([
      expect.objectContaining({ name: 'work', default: true, endpoint: sandbox.endpoint }),
    ]);
  });

  it('logout revokes the key at OVH, removes it from the keychain, and leaves no secret anywhere', async () => {
    const consumerKey = (await secrets.get('work', 'consumerKey'))!;
    // Without a terminal and without --yes, logout refuses like every destructive command.
    sandbox.clearRequests();
    const refused = await cli(['logout']);
    expect(refused.code).toBe(ExitCode.usage);
    expect(refused.stderr).toMatch(/--yes/);
    expect(apiCalls(sandbox)).toEqual([]);
    expect(await secrets.get('work', 'consumerKey')).toBe(consumerKey);

    const run = await cli(['logout', '--yes']);
    expect(run.code, run.stderr).toBe(0);
    expect(apiCalls(sandbox, 'POST').map((entry) => entry.path)).toEqual(['/1.0/auth/logout']);
    expect(await secrets.get('work', 'consumerKey')).toBeUndefined();
    const revoked = sandbox.state.auth.credentials.find(
      (credential) => credential.consumerKey === consumerKey,
    );
    expect(revoked?.status).not.toBe('validated');

    const after = await cli(['sessions', 'list']);
    expect(after.code).toBe(ExitCode.notAuthenticated);

    for (const secret of [sandbox.applicationSecret, consumerKey]) {
      for (const file of await filesUnder(home.home)) {
        expect((await readFile(file, 'utf8')).includes(secret), file).toBe(false);
      }
      for (const output of outputs) expect(output.includes(secret)).toBe(false);
    }
    // The profile file exists (so the grep above looked at something) and holds no secret.
    expect((await filesUnder(home.home)).some((file) => file.endsWith('profiles.json'))).toBe(true);
  });

  it('a refused validation ends with exit 4 and saves nothing', async () => {
    const { run } = await login(
      ['--profile', 'refused', '--endpoint', sandbox.endpoint, '--app-key', sandbox.applicationKey],
      { login: sandbox.account.nichandle, password: sandbox.account.password, action: 'refuse' },
    );
    expect(run.code).toBe(ExitCode.notAuthenticated);
    expect(run.stderr).toMatch(/refused/i);
    expect(await secrets.get('refused', 'consumerKey')).toBeUndefined();
    const profiles = await cli(['profiles', 'list', '--json']);
    expect(JSON.parse(profiles.stdout).map((p: { name: string }) => p.name)).not.toContain('refused');
  });

  it('keeps two profiles on two endpoints side by side', async () => {
    const other = await startSandbox({ seed: 4, sessions: 1, files: 1 });
    try {
      const first = await login(
        ['--profile', 'eu', '--endpoint', sandbox.endpoint, '--app-key', sandbox.applicationKey],
        { login: sandbox.account.nichandle, password: sandbox.account.password, action: 'accept' },
      );
      expect(first.run.code, first.run.stderr).toBe(0);
      const second = await runBuiltCli(
        ['login', '--profile', 'ca', '--endpoint', other.endpoint, '--app-key', other.applicationKey],
        {
          env: home.env,
          stdin: `${other.applicationSecret}\n`,
          onStderr: (stderr) => {
            const url = findValidationUrl(stderr);
            if (url)
              void answerValidationPage(url, {
                login: other.account.nichandle,
                password: other.account.password,
                action: 'accept',
                followRedirect: true,
              }).catch(() => {});
          },
        },
      );
      expect(second.code, second.stderr).toBe(0);
      const eu = await cli(['--profile', 'eu', 'whoami', '--json']);
      const ca = await cli(['--profile', 'ca', 'whoami', '--json']);
      expect(JSON.parse(eu.stdout)).toMatchObject({
        endpoint: sandbox.endpoint,
        account: sandbox.account.nichandle,
      });
      expect(JSON.parse(ca.stdout)).toMatchObject({
        endpoint: other.endpoint,
        account: other.account.nichandle,
      });
    } finally {
      await other.close();
    }
  });
});

describe('login and profile input errors: exit 2, nothing sent', () => {
  it.each([
    [['--rules', 'everything'], 'Invalid access rules'],
    [['--redirect', 'not a url'], 'Invalid redirect URL'],
    [['--redirect', 'ftp://example.com/'], 'Invalid redirect URL'],
    [['--profile', '../evil'], 'Invalid profile name'],
    [['--endpoint', 'ovh-mars'], 'Unknown endpoint'],
    [['--timeout', 'forever'], 'Invalid --timeout'],
  ])('login %j', async (args, message) => {
    const run = await runBuiltCli(
      ['login', '--endpoint', sandbox.endpoint, '--app-key', sandbox.applicationKey, ...args],
      { env: home.env, stdin: `${sandbox.applicationSecret}\n` },
    );
    expect(run.code, run.stderr).toBe(ExitCode.usage);
    expect(run.stderr).toContain(message);
    expect(apiCalls(sandbox)).toEqual([]);
  });

  it('Ctrl-C while waiting for the validation cancels cleanly with exit 130', async () => {
    let interrupted = false;
    const run = await runBuiltCli(
      ['login', '--endpoint', sandbox.endpoint, '--app-key', sandbox.applicationKey],
      {
        env: home.env,
        stdin: `${sandbox.applicationSecret}\n`,
        onStderr: (stderr, child) => {
          if (!interrupted && stderr.includes('Waiting for the validation')) {
            interrupted = true;
            child.kill('SIGINT');
          }
        },
      },
    );
    expect(interrupted).toBe(true);
    expect(run.code).toBe(ExitCode.interrupted);
    expect(run.stderr).toContain('Interrupted.');
    expect(run.stderr).not.toContain(sandbox.applicationSecret);
  });

  it('an empty secret is refused', async () => {
    const run = await runBuiltCli(
      ['login', '--endpoint', sandbox.endpoint, '--app-key', sandbox.applicationKey],
      {
        env: home.env,
        stdin: '\n',
      },
    );
    expect(run.code).toBe(ExitCode.usage);
    expect(run.stderr).toContain('application secret is empty');
    expect(apiCalls(sandbox)).toEqual([]);
  });

  it('an unknown profile is refused', async () => {
    const run = await runBuiltCli(['--profile', 'nobody', 'sessions', 'list'], { env: home.env });
    expect(run.code).toBe(ExitCode.usage);
    expect(run.stderr).toContain('No profile named "nobody"');
    expect(apiCalls(sandbox)).toEqual([]);
  });
});

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}
