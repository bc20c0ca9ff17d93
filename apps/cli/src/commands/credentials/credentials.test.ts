import { type SandboxHandle, startSandbox } from '@ovh-pca/sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../exit-codes.js';
import { makeTestHome, runBuiltCli, sandboxKeysEnv } from '../../testing/run-built-cli.js';
import { apiCalls } from '../../testing/sandbox-facts.js';

let sandbox: SandboxHandle;
let home: Awaited<ReturnType<typeof makeTestHome>>;
const cli = (args: string[]) => runBuiltCli(args, { env: { ...home.env, ...sandboxKeysEnv(sandbox) } });

beforeAll(async () => {
  sandbox = await startSandbox({ sessions: 1, files: 1, seed: 13 });
  home = await makeTestHome();
});
afterAll(async () => {
  await sandbox?.close();
  await home?.dispose();
});
beforeEach(() => sandbox.clearRequests());

describe("credentials: the account's API keys", () => {
  it('lists every key with its application, marking the one in use', async () => {
    const extra = sandbox.createCredential({ rules: [{ method: 'GET', path: '/me' }] });
    const run = await cli(['credentials', 'list', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const keys = JSON.parse(run.stdout) as Array<{
      credentialId: number;
      current: boolean;
      rules: unknown[];
    }>;
    expect(keys.map((key) => key.credentialId)).toContain(extra.credentialId);
    expect(keys.filter((key) => key.current)).toHaveLength(1);
    expect(keys.find((key) => key.credentialId === extra.credentialId)).toMatchObject({
      current: false,
      rules: [{ method: 'GET', path: '/me' }],
    });
    expect(run.stdout).not.toContain(extra.consumerKey);
  });

  it('revokes a key with --yes, and refuses without it', async () => {
    const extra = sandbox.createCredential();
    const refused = await cli(['credentials', 'revoke', String(extra.credentialId)]);
    expect(refused.code).toBe(ExitCode.usage);
    expect(apiCalls(sandbox)).toEqual([]);
    const run = await cli(['credentials', 'revoke', String(extra.credentialId), '--yes']);
    expect(run.code, run.stderr).toBe(0);
    expect(apiCalls(sandbox, 'DELETE').map((entry) => entry.path)).toEqual([
      `/1.0/me/api/credential/${extra.credentialId}`,
    ]);
    const keys = JSON.parse((await cli(['credentials', 'list', '--json'])).stdout) as Array<{
      credentialId: number;
    }>;
    expect(keys.map((key) => key.credentialId)).not.toContain(extra.credentialId);
  });

  it.each([['0'], ['-4'], ['12a'], ['../1']])('revoke %s is bad input: exit 2, no request', async (id) => {
    const run = await cli(['credentials', 'revoke', id, '--yes']);
    expect(run.code).toBe(ExitCode.usage);
    expect(apiCalls(sandbox)).toEqual([]);
  });
});
