// The CLI from a clone runs on the oldest Node its "engines" allows, while the repository's own
// tooling runs on a newer one (scripts/use-node.sh). The built binary is run here on that oldest
// Node: OVH_PCA_LOWEST_NODE, which scripts/test-all.sh always provides.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { type SandboxHandle, startSandbox } from '@ovh-pca/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lowestSupportedNode } from '../build.mjs';
import { makeTestHome, runBuiltCli, sandboxKeysEnv } from './testing/run-built-cli.js';
import { sandboxSessions } from './testing/sandbox-facts.js';

const lowestNode = process.env.OVH_PCA_LOWEST_NODE;
const packageJson = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

if (!lowestNode && process.env.CI) {
  throw new Error('OVH_PCA_LOWEST_NODE is not set: run the tests through scripts/test-all.sh');
}

describe.skipIf(!lowestNode)(
  'the built CLI on the oldest supported Node (OVH_PCA_LOWEST_NODE; skipped when unset, scripts/test-all.sh sets it)',
  () => {
    const node = lowestNode as string;
    let sandbox: SandboxHandle;
    let home: Awaited<ReturnType<typeof makeTestHome>>;

    beforeAll(async () => {
      sandbox = await startSandbox({ sessions: 3, files: 1, seed: 10 });
      home = await makeTestHome();
    });
    afterAll(async () => {
      await sandbox?.close();
      await home?.dispose();
    });

    it('is given a Node of the line apps/cli "engines" starts at, not older', async () => {
      const { stdout } = await promisify(execFile)(node, ['-p', 'process.versions.node']);
      const [major = 0, minor = 0] = stdout.trim().split('.').map(Number);
      const [floorMajor, floorMinor] = await lowestSupportedNode();
      expect(major).toBe(floorMajor);
      expect(minor).toBeGreaterThanOrEqual(floorMinor);
    });

    it('starts and prints its version', async () => {
      const run = await runBuiltCli(['--version'], { node, env: home.env });
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout.trim()).toBe(packageJson.version);
    });

    it('lists sessions from the API and reaches the OS keychain (keytar loads on it)', async () => {
      const env = { ...home.env, ...sandboxKeysEnv(sandbox) };
      const list = await runBuiltCli(['sessions', 'list', '--json'], { node, env });
      expect(list.stderr).toBe('');
      expect(list.code).toBe(0);
      const listed = (JSON.parse(list.stdout) as Array<{ id: string }>).map((row) => row.id).sort();
      expect(listed).toEqual(
        sandboxSessions(sandbox)
          .map((session) => session.id)
          .sort(),
      );

      const doctor = await runBuiltCli(['doctor', '--json'], { node, env });
      const statuses = Object.fromEntries(
        (JSON.parse(doctor.stdout) as Array<{ check: string; status: string }>).map((c) => [
          c.check,
          c.status,
        ]),
      );
      // Under scripts/with-keyring.sh a Secret Service answers; without one keytar still loads and says so.
      expect(statuses).toMatchObject({
        keychain: process.env.DBUS_SESSION_BUS_ADDRESS ? 'ok' : 'warn',
        endpoint: 'ok',
        credential: 'ok',
      });
    });
  },
);
