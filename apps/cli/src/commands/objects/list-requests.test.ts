import { type SandboxHandle, startSandbox } from '@ovh-pca/sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeTestHome, runBuiltCli, sandboxKeysEnv } from '../../testing/run-built-cli.js';
import { containerObjects } from '../../testing/sandbox-facts.js';

// What `objects list` costs in requests, counted in the sandbox's log over every protocol (API v1,
// Keystone, Swift, S3): the goals of issue 11 §5 (Swift, ceil(N/10,000)+6) and issue 12 (S3,
// ceil(N/1,000)+6), on containers large enough to need several pages. Requests, never time.
const OBJECTS = 25_000;
const SWIFT_PAGE = 10_000;
const S3_PAGE = 1_000;

let sandbox: SandboxHandle;
let home: Awaited<ReturnType<typeof makeTestHome>>;
const cli = (args: string[]) => runBuiltCli(args, { env: { ...home.env, ...sandboxKeysEnv(sandbox) } });

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 41, sessions: 2, files: 1, objects: OBJECTS });
  home = await makeTestHome();
});
afterAll(async () => {
  await sandbox?.close();
  await home?.dispose();
});
beforeEach(() => sandbox.clearRequests());

const api = () => sandbox.requests().filter((entry) => entry.protocol === 'ovh');
const routes = () => api().map((entry) => `${entry.method} ${entry.path}`);
/** The path without the `/1.0` prefix and the query. */
const route = (path: string) => path.replace(/^\/1\.0/, '').replace(/\?.*$/, '');

async function listed(address: string): Promise<string[]> {
  const run = await cli(['objects', 'list', address, '--json']);
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as Array<{ key: string }>).map((row) => row.key);
}

function expectNoLegacyCounts(): void {
  // Resolving a name never reads a legacy service's sessions or usage (`archives list` does).
  expect(routes().filter((line) => /\/pca\/[^/]+\/(sessions|usage)/.test(line))).toEqual([]);
}

describe('objects list: requests per listing', () => {
  it('REGION/NAME on a Swift container: ceil(N/10,000)+6, asking only Cloud Archive', async () => {
    const keys = await listed('BHS/archives-bhs');
    const expected = containerObjects(sandbox, 'archives-bhs').length;
    expect(keys).toHaveLength(expected);
    expect(expected).toBeGreaterThan(2 * SWIFT_PAGE);
    const all = sandbox.requests();
    expect(all.length, routes().join('\n')).toBeLessThanOrEqual(Math.ceil(expected / SWIFT_PAGE) + 6);
    // No other product was asked: no legacy discovery, no Cold Archive v1 or v2 route.
    const paths = api().map((entry) => route(entry.path));
    expect(paths.filter((path) => /^\/cloud\/[^/]+\/pca|^\/cloud$|\/region\/|^\/me$/.test(path))).toEqual([]);
    expect(paths.filter((path) => path === '/cloud/project')).toHaveLength(1);
    expect(paths.filter((path) => path.endsWith('/storage/access'))).toHaveLength(1);
    expect(all.filter((entry) => entry.protocol === 'swift').length).toBeLessThanOrEqual(
      Math.floor(expected / SWIFT_PAGE) + 1,
    );
  });

  it('REGION/NAME on a Cold Archive v2 bucket: ceil(N/1,000)+6, pages of 1,000', async () => {
    const keys = await listed('EU-WEST-PAR/deep-archive-par');
    expect(keys.length).toBeGreaterThan(20 * S3_PAGE);
    const all = sandbox.requests();
    expect(all.length, routes().join('\n')).toBeLessThanOrEqual(Math.ceil(keys.length / S3_PAGE) + 6);
    const pages = api().filter((entry) => route(entry.path).endsWith('/storage/deep-archive-par/object'));
    expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(keys.length / S3_PAGE));
    for (const page of pages) expect(page.path).toMatch(/[?&]limit=1000(&|$)/);
    const paths = api().map((entry) => route(entry.path));
    expect(paths.filter((path) => /^\/cloud\/[^/]+\/pca|^\/cloud$|coldArchive|^\/me$/.test(path))).toEqual(
      [],
    );
    expect(paths.filter((path) => path === '/cloud/project')).toHaveLength(1);
  });

  it('a bare NAME asks every product once, without counts: the REGION/NAME cost plus discovery', async () => {
    const keys = await listed('archives-bhs');
    expect(keys).toHaveLength(containerObjects(sandbox, 'archives-bhs').length);
    expectNoLegacyCounts();
    // Discovery: each list route once (legacy passports and services, each project's storage, Cold
    // Archive v1's region from availability and its buckets, v2's buckets), /cloud/project once.
    const lines = routes();
    expect(new Set(lines).size, lines.join('\n')).toBe(lines.length);
    const projects = Object.keys(sandbox.state.publicCloud.projects).length;
    const passports = Object.keys(sandbox.state.cloud.passports).length;
    // auth/time, /cloud, /cloud/project, /me, availability, storage/access, then per passport its
    // /pca and per project its storage, EU-WEST-PAR storage and RBX-ARCHIVE coldArchive.
    const discovery = 6 + passports + 3 * projects;
    expect(api()).toHaveLength(discovery);
    const swift = sandbox.requests().filter((entry) => entry.protocol === 'swift');
    expect(swift.length).toBeLessThanOrEqual(Math.floor(keys.length / SWIFT_PAGE) + 1);
  });

  it('PASSPORT/NAME still names a legacy service, and reads no other passport', async () => {
    const [passport] = Object.values(sandbox.state.cloud.passports);
    const [service] = Object.values(passport!.pcaServices);
    const keys = await listed(`${passport!.serviceName}/${service!.serviceName}`);
    expect(keys).toEqual(Object.keys(service!.sessions).sort());
    expect(routes().filter((line) => /\/usage$/.test(line))).toEqual([]);
    // Public Cloud products with fixed regions sent nothing for a passport-shaped region.
    expect(routes().filter((line) => /\/region\/|coldArchive|availability/.test(line))).toEqual([]);
  });
});
