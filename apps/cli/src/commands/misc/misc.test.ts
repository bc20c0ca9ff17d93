import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type SandboxHandle, startSandbox } from '@ovh-pca/sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../exit-codes.js';
import { makeTestHome, runBuiltCli, sandboxKeysEnv } from '../../testing/run-built-cli.js';
import { apiCalls } from '../../testing/sandbox-facts.js';

let sandbox: SandboxHandle;
let home: Awaited<ReturnType<typeof makeTestHome>>;
const cli = (args: string[], stdin?: string, env: Record<string, string> = {}) =>
  runBuiltCli(args, { env: { ...home.env, ...sandboxKeysEnv(sandbox), ...env }, stdin });

beforeAll(async () => {
  sandbox = await startSandbox({ sessions: 2, files: 1, seed: 9 });
  home = await makeTestHome();
});
afterAll(async () => {
  await sandbox?.close();
  await home?.dispose();
});
beforeEach(() => sandbox.clearRequests());

describe('usage and services', () => {
  it('reports exact bytes per service and in total', async () => {
    const run = await cli(['usage', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const usage = JSON.parse(run.stdout) as {
      totalBytes: number;
      services: Array<{ serviceId: string; bytes: number }>;
      allProductsBytes: number;
    };
    expect(usage.services.length).toBeGreaterThan(1);
    expect(usage.totalBytes).toBe(usage.services.reduce((sum, service) => sum + service.bytes, 0));
    const table = await cli(['usage']);
    expect(table.stdout).toMatch(new RegExp(`total\\s+\\S+ [kMGTP]?B\\s+${usage.allProductsBytes}`));
    for (const service of usage.services) {
      expect(table.stdout).toMatch(
        new RegExp(`legacy-pca\\s+${service.serviceId}\\s+1\\s+\\d+\\s+.*\\s${service.bytes}\\n`),
      );
    }
  });

  it('covers every product: each by project and region, as archives list counts them', async () => {
    const run = await cli(['usage', '--json']);
    expect(run.code, run.stderr).toBe(0);
    type Location = {
      project: string;
      region: string | null;
      archives: number;
      objects: number | null;
      bytes: number;
    };
    const usage = JSON.parse(run.stdout) as {
      totalBytes: number;
      allProductsBytes: number;
      products: Array<{
        product: string;
        archives: number;
        objects: number | null;
        bytes: number;
        locations: Location[];
      }>;
    };
    const listed = JSON.parse((await cli(['archives', 'list', '--json'])).stdout) as Array<{
      product: string;
      project: string;
      region: string | null;
      objects: number;
      bytes: number;
    }>;
    expect(usage.products.map((product) => product.product)).toEqual([
      'legacy-pca',
      'cloud-archive',
      'cold-archive',
      'deep-archive',
    ]);
    // Each product's locations sum exactly what `archives list` shows of it.
    for (const product of usage.products.slice(1)) {
      const expected = new Map<string, Location>();
      for (const row of listed.filter((entry) => entry.product === product.product)) {
        const key = `${row.project}/${row.region}`;
        const location = expected.get(key) ?? {
          project: row.project,
          region: row.region,
          archives: 0,
          objects: 0,
          bytes: 0,
        };
        location.archives += 1;
        location.objects! += row.objects;
        location.bytes += row.bytes;
        expected.set(key, location);
      }
      expect(product.locations).toEqual([...expected.keys()].sort().map((key) => expected.get(key)));
      expect(product.bytes).toBe(product.locations.reduce((sum, location) => sum + location.bytes, 0));
    }
    const [legacy, cloud, cold, deep] = usage.products;
    expect(new Set(cloud!.locations.map((location) => location.region))).toEqual(new Set(['GRA', 'BHS']));
    expect(new Set(cold!.locations.map((location) => location.region))).toEqual(new Set(['RBX-ARCHIVE']));
    expect(new Set(deep!.locations.map((location) => location.region))).toEqual(new Set(['EU-WEST-PAR']));
    expect(legacy!.bytes).toBe(usage.totalBytes);
    expect(usage.allProductsBytes).toBe(usage.products.reduce((sum, product) => sum + product.bytes, 0));
  });

  it('usage --product counts one product; an unknown one exits 2 with nothing sent', async () => {
    const one = await cli(['usage', '--product', 'cloud-archive', '--json']);
    expect(one.code, one.stderr).toBe(0);
    // One product counted, one product asked: no legacy service's usage read.
    expect(apiCalls(sandbox).filter((entry) => entry.path.includes('/pca/'))).toEqual([]);
    const report = JSON.parse(one.stdout) as { products: Array<{ product: string; bytes: number }> };
    expect(report.products.map((product) => product.product)).toEqual(['cloud-archive']);
    expect(report.products[0]!.bytes).toBeGreaterThan(0);
    sandbox.clearRequests();
    const bad = await cli(['usage', '--product', 'tape']);
    expect(bad.code).toBe(ExitCode.usage);
    expect(bad.stderr).toMatch(/Unknown archive product "tape"/);
    expect(apiCalls(sandbox)).toEqual([]);
  });

  it('a credential granted the legacy routes only still gets its legacy usage, other products left out', async () => {
    const { consumerKey } = sandbox.createCredential({
      rules: [
        { method: 'GET', path: '/cloud' },
        { method: 'GET', path: '/cloud/*/pca' },
        { method: 'GET', path: '/cloud/*/pca/*' },
      ],
    });
    const run = await cli(['usage', '--json'], undefined, { OVH_CONSUMER_KEY: consumerKey });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/cloud-archive not counted/);
    const usage = JSON.parse(run.stdout) as {
      totalBytes: number;
      allProductsBytes: number;
      products: Array<{ product: string; archives: number }>;
    };
    expect(usage.allProductsBytes).toBe(usage.totalBytes);
    expect(usage.products.find((product) => product.product === 'cloud-archive')?.archives).toBe(0);
  });

  it('lists services, and --service restricts a command to one', async () => {
    const run = await cli(['services', 'list', '--json']);
    const services = JSON.parse(run.stdout) as Array<{ id: string; pinned: boolean }>;
    expect(services.length).toBeGreaterThan(1);
    const one = services[1]!.id;
    const sessions = await cli(['--service', one, 'sessions', 'list', '--json']);
    expect(sessions.code, sessions.stderr).toBe(0);
    const rows = JSON.parse(sessions.stdout) as Array<{ serviceId: string }>;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.serviceId === one)).toBe(true);
  });
});

describe('global options', () => {
  it('--verbose logs each call on stderr without the consumer key or the secret', async () => {
    const run = await cli(['--verbose', 'usage', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/debug: GET http:\/\/127\.0\.0\.1:\d+\/1\.0\/cloud → 200/);
    expect(run.stderr).not.toContain(sandbox.consumerKey);
    expect(run.stderr).not.toContain(sandbox.applicationSecret);
    JSON.parse(run.stdout);
  });

  it.each([
    [['--service', '../../me', 'sessions', 'list']],
    [['--service', 'only-one-part', 'usage']],
    [['--endpoint', 'ovh-mars', 'sessions', 'list']],
    [['--endpoint', 'http://example.com/1.0', 'usage']],
  ])('%j is bad input: exit 2, no request', async (args) => {
    const run = await cli(args);
    expect(run.code, run.stderr).toBe(ExitCode.usage);
    expect(apiCalls(sandbox)).toEqual([]);
  });
});

describe('api', () => {
  it('prints the JSON answer of any route, with query parameters', async () => {
    const me = await cli(['api', 'GET', '/me']);
    expect(me.code, me.stderr).toBe(0);
    expect(JSON.parse(me.stdout).nichandle).toBe(sandbox.account.nichandle);
    const passports = JSON.parse((await cli(['api', 'GET', '/cloud'])).stdout) as string[];
    const pcas = JSON.parse((await cli(['api', 'get', `/cloud/${passports[0]}/pca`])).stdout) as string[];
    const tasks = await cli([
      'api',
      'GET',
      `/cloud/${passports[0]}/pca/${pcas[0]}/tasks`,
      '--query',
      'function=createUser',
    ]);
    expect(tasks.code, tasks.stderr).toBe(0);
    expect(apiCalls(sandbox).at(-1)?.path).toMatch(/\/tasks\?function=createUser$/);
    const repeated = await cli(['api', 'GET', '/cloud', '--query', 'a=1', '--query', 'a=2']);
    expect(repeated.code, repeated.stderr).toBe(0);
    expect(apiCalls(sandbox).at(-1)?.path).toBe('/1.0/cloud?a=1&a=2');
  });

  it('sends a body from --data, @file or stdin', async () => {
    const passports = JSON.parse((await cli(['api', 'GET', '/cloud'])).stdout) as string[];
    const pca = (JSON.parse((await cli(['api', 'GET', `/cloud/${passports[0]}/pca`])).stdout) as string[])[0];
    const sessionsPath = `/cloud/${passports[0]}/pca/${pca}/sessions`;
    const sessionId = (JSON.parse((await cli(['api', 'GET', sessionsPath])).stdout) as string[])[0];
    const path = `${sessionsPath}/${sessionId}`;
    const file = join(home.home, 'body.json');
    await writeFile(file, '{"name":"from a file"}');
    expect((await cli(['api', 'PUT', path, '--data', `@${file}`])).code).toBe(0);
    expect(JSON.parse((await cli(['api', 'GET', path])).stdout).name).toBe('from a file');
    expect((await cli(['api', 'PUT', path, '--data', '-'], '{"name":"from stdin"}')).code).toBe(0);
    expect(JSON.parse((await cli(['api', 'GET', path])).stdout).name).toBe('from stdin');
  });

  it('on an API error prints the message with the query id and exits 1', async () => {
    const run = await cli(['api', 'GET', '/cloud/no-such-passport/pca']);
    expect(run.code).toBe(ExitCode.failed);
    expect(run.stdout).toBe('');
    const queryId = apiCalls(sandbox).at(-1)?.queryId;
    expect(queryId).toBeTruthy();
    expect(run.stderr).toContain(`query id ${queryId}`);
  });

  it.each([
    [['api', 'GET', 'me']],
    [['api', 'GET', '/me/../auth']],
    [['api', 'TRACE', '/me']],
    [['api', 'POST', '/me', '--data', '{"broken":']],
    [['api', 'POST', '/me', '--data', '@/nonexistent/body.json']],
    [['api', 'GET', '/me', '--query', 'novalue']],
  ])('bad input %j: exit 2, no request', async (args) => {
    const run = await cli(args);
    expect(run.code).toBe(ExitCode.usage);
    expect(apiCalls(sandbox)).toEqual([]);
  });
});

describe('doctor', () => {
  it('reports every check ok against a healthy sandbox', async () => {
    const run = await cli(['doctor', '--json']);
    const checks = JSON.parse(run.stdout) as Array<{ check: string; status: string }>;
    expect(checks.map((check) => check.check)).toEqual([
      'keychain',
      'settings',
      'endpoint',
      'clock',
      'credential',
      'rules',
    ]);
    const statuses = Object.fromEntries(checks.map((check) => [check.check, check.status]));
    expect(statuses).toMatchObject({
      settings: 'ok',
      endpoint: 'ok',
      clock: 'ok',
      credential: 'ok',
      rules: 'ok',
    });
  });

  it('names the clock offset and a fix when the server clock is off', async () => {
    sandbox.setBehaviour({ skewSeconds: 600 });
    try {
      const run = await cli(['doctor', '--json']);
      const clock = (
        JSON.parse(run.stdout) as Array<{ check: string; status: string; detail: string; fix: string }>
      ).find((check) => check.check === 'clock');
      expect(clock).toMatchObject({ status: 'warn' });
      expect(clock?.detail).toMatch(/\+(599|600|601) s/);
      expect(clock?.fix).toMatch(/NTP/);
    } finally {
      sandbox.setBehaviour({ skewSeconds: 0 });
    }
  });

  it('fails with a fix when the endpoint does not answer or the key is unknown', async () => {
    const down = await cli(['doctor', '--json'], undefined, { OVH_ENDPOINT: 'http://127.0.0.1:9/1.0' });
    expect(down.code).toBe(ExitCode.failed);
    expect(JSON.parse(down.stdout)).toContainEqual(
      expect.objectContaining({ check: 'endpoint', status: 'fail' }),
    );
    const unknown = await cli(['doctor', '--json'], undefined, { OVH_CONSUMER_KEY: 'x'.repeat(32) });
    expect(unknown.code).toBe(ExitCode.failed);
    expect(JSON.parse(unknown.stdout)).toContainEqual(
      expect.objectContaining({ check: 'credential', status: 'fail', fix: 'Run `ovh-pca login`.' }),
    );
  });
});
