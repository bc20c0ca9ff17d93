import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../archive-entities.js';
import { type ArchiveSandbox, startArchiveSandbox } from '../testing/archive-sandbox.js';
import { CloudArchiveBackend } from './cloud-archive-backend.js';
import type { StorageAccessWire } from './cloud-archive-wire-types.js';

// `objects prune` on Cloud Archive, against the sandbox's API v1 and Swift: manifests go with their
// segments, a segment a staying manifest needs never goes, and under faults nothing is deleted twice.
const DAY = 86_400;

let kit: ArchiveSandbox;
let project: string;

beforeAll(async () => {
  kit = await startArchiveSandbox({ seed: 23, objects: 4, retrievalDelaySeconds: 1 });
  project = (await kit.client().request<string[]>('GET', '/cloud/project'))[0]!;
});
afterAll(async () => {
  await kit?.close();
});

/** Plain Swift calls for setting a scene up, with a token from API v1. */
async function swiftSetup() {
  const access = await kit
    .client()
    .request<StorageAccessWire>('POST', `/cloud/project/${project}/storage/access`);
  const account = access.endpoints.find((endpoint) => endpoint.region.toUpperCase() === 'GRA')!.url;
  const call = async (
    method: string,
    path: string,
    init: { body?: string; headers?: Record<string, string> } = {},
  ) => {
    const response = await fetch(`${account}/${path}`, {
      method,
      body: init.body,
      headers: { 'X-Auth-Token': access.token, ...init.headers },
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response;
  };
  return {
    container: (name: string) =>
      call('PUT', encodeURIComponent(name), { headers: { 'X-Storage-Policy': 'PCA' } }),
    put: (container: string, key: string, body: string) => call('PUT', `${container}/${key}`, { body }),
    slo: (container: string, key: string, segments: Array<{ path: string; size: number }>) =>
      call('PUT', `${container}/${key}?multipart-manifest=put`, {
        body: JSON.stringify(segments.map((segment) => ({ path: segment.path, size_bytes: segment.size }))),
      }),
    dlo: (container: string, key: string, manifest: string) =>
      call('PUT', `${container}/${key}`, { body: '', headers: { 'X-Object-Manifest': manifest } }),
  };
}

/** Keys held now by a container of the first project, from the sandbox's own state. */
function keysOf(name: string): string[] {
  const storage = kit.sandbox.state.publicCloud.projects[project]!.storage;
  for (const account of Object.values(storage)) {
    const container = account.containers[name];
    if (container) return Object.keys(container.objects).sort();
  }
  throw new Error(`no container ${name}`);
}

/** Builds `<name>` and `<name>_segments`: old plain objects, manifests, shared and orphan segments. */
async function buildScene(name: string): Promise<void> {
  const swift = await swiftSetup();
  const segments = `${name}_segments`;
  await kit.client().request('POST', `/cloud/project/${project}/storage`, {
    body: { archive: true, containerName: name, region: 'GRA' },
  });
  await swift.container(segments);
  await swift.put(name, 'old/one.txt', 'one');
  await swift.put(name, 'old/two.txt', 'two!');
  for (const index of [1, 2, 3]) await swift.put(segments, `big-old/${index}`, `seg-${index}-`.repeat(10));
  await swift.slo(
    name,
    'big-old.bin',
    [1, 2, 3].map((index) => ({ path: `/${segments}/big-old/${index}`, size: 60 })),
  );
  await swift.put(segments, 'dlo-old/a', 'aaaa');
  await swift.put(segments, 'dlo-old/b', 'bbbbbb');
  await swift.dlo(name, 'dlo-old.bin', `${segments}/dlo-old/`);
  await swift.put(segments, 'orphan/1', 'left behind');
  // Forty days later:
  kit.sandbox.setBehaviour({ skewSeconds: kit.sandbox.clock.skewSeconds + 40 * DAY });
  const later = await swiftSetup();
  await later.put(name, 'new/recent.txt', 'recent');
  await later.put(segments, 'big-kept/1', 'kept segment');
  // A recent manifest sharing an old segment: that segment must survive the old manifest's prune.
  await later.slo(name, 'big-kept.bin', [
    { path: `/${segments}/big-old/1`, size: 60 },
    { path: `/${segments}/big-kept/1`, size: 12 },
  ]);
}

async function archiveNamed(cloud: CloudArchiveBackend, name: string): Promise<Archive> {
  const found = (await cloud.listArchives()).find((archive) => archive.name === name);
  if (found) return found;
  // A segments container made through Swift is a PCA container too, listed by API v1.
  throw new Error(`no archive ${name}`);
}

const swiftDeletes = () =>
  kit.sandbox.requests().filter((entry) => entry.protocol === 'swift' && entry.method === 'DELETE');

describe('Cloud Archive prune', () => {
  it('plans old objects with their segments, keeps shared ones, deletes exactly the plan once', async () => {
    await buildScene('prune-a');
    const cloud = new CloudArchiveBackend({ client: kit.client() });
    const archive = await archiveNamed(cloud, 'prune-a');
    kit.sandbox.clearRequests();
    const plan = await cloud.planPrune(archive, { olderThanSeconds: 30 * DAY });
    expect(swiftDeletes()).toEqual([]);
    expect(plan.archive).toBe(`${project}/GRA/prune-a`);
    expect(plan.objects.map((object) => [object.key, object.parts.map((part) => part.key)]).sort()).toEqual([
      ['big-old.bin', ['big-old/2', 'big-old/3']],
      ['dlo-old.bin', ['dlo-old/a', 'dlo-old/b']],
      ['old/one.txt', []],
      ['old/two.txt', []],
    ]);
    expect(
      plan.objects.every((object) => object.parts.every((part) => part.archive === 'prune-a_segments')),
    ).toBe(true);
    expect(plan.deleteCount).toBe(8);
    expect(plan.totalBytes).toBe(3 + 4 + 60 + 60 + 4 + 6);
    expect(plan.recentCount).toBe(2);
    // Ages on the server's clock: the cut-off is thirty days before the sandbox's now.
    expect(Math.abs(Date.parse(plan.cutoff) - (kit.sandbox.clock.nowMs() - 30 * DAY * 1000))).toBeLessThan(
      5000,
    );

    const kept = await cloud.planPrune(archive, {
      olderThanSeconds: 30 * DAY,
      keepNewest: 1,
      prefix: 'old/',
    });
    expect(kept.objects).toHaveLength(1);
    expect(kept.skipped).toEqual([expect.objectContaining({ reason: 'kept-newest' })]);
    expect([kept.objects[0]!.key, kept.skipped[0]!.key].sort()).toEqual(['old/one.txt', 'old/two.txt']);
    expect(kept.skipped[0]!.lastModified! >= kept.objects[0]!.lastModified!).toBe(true);

    kit.sandbox.clearRequests();
    const result = await cloud.executePrune(archive, plan);
    expect(result).toMatchObject({ deletedCount: 4, partsDeleted: 4, failedCount: 0, goneCount: 0 });
    expect(result.deletedBytes).toBe(plan.totalBytes);
    expect(keysOf('prune-a')).toEqual(['big-kept.bin', 'new/recent.txt']);
    expect(keysOf('prune-a_segments')).toEqual(['big-kept/1', 'big-old/1', 'orphan/1']);
    const deleted = swiftDeletes();
    expect(deleted.every((entry) => entry.status === 204)).toBe(true);
    expect(deleted).toHaveLength(plan.deleteCount);
    expect(new Set(deleted.map((entry) => entry.path)).size).toBe(plan.deleteCount);

    // Run again: nothing left to do, nothing sent.
    kit.sandbox.clearRequests();
    const again = await cloud.planPrune(archive, { olderThanSeconds: 30 * DAY });
    expect(again.objects).toEqual([]);
    expect((await cloud.executePrune(archive, again)).results).toEqual([]);
    expect(swiftDeletes()).toEqual([]);
  });

  it('pruning the segments container never touches a segment a manifest still needs', async () => {
    const cloud = new CloudArchiveBackend({ client: kit.client() });
    const segments = await archiveNamed(cloud, 'prune-a_segments');
    const plan = await cloud.planPrune(segments, { olderThanSeconds: 30 * DAY });
    expect(plan.objects.map((object) => object.key)).toEqual(['orphan/1']);
    expect(plan.skipped).toEqual([expect.objectContaining({ key: 'big-old/1', reason: 'referenced' })]);
    const result = await cloud.executePrune(segments, plan);
    expect(result.deletedCount).toBe(1);
    expect(keysOf('prune-a_segments')).toEqual(['big-kept/1', 'big-old/1']);
  });

  it('a plan for another archive is refused before anything is sent', async () => {
    const cloud = new CloudArchiveBackend({ client: kit.client() });
    const archive = await archiveNamed(cloud, 'prune-a');
    const other = await archiveNamed(cloud, 'prune-a_segments');
    const plan = await cloud.planPrune(other, { olderThanSeconds: 30 * DAY });
    kit.sandbox.clearRequests();
    expect(() => cloud.executePrune(archive, plan)).toThrow(/This plan is for/);
    expect(kit.sandbox.requests()).toEqual([]);
  });

  it('under 20% faults (drops included) deletes exactly the plan, each path at most once', async () => {
    await buildScene('prune-b');
    const cloud = new CloudArchiveBackend({ client: kit.client() });
    const archive = await archiveNamed(cloud, 'prune-b');
    const plan = await cloud.planPrune(archive, { olderThanSeconds: 30 * DAY });
    expect(plan.deleteCount).toBe(8);
    kit.sandbox.clearRequests();
    kit.sandbox.setBehaviour({ faultRate: 0.2 });
    const result = await cloud
      .executePrune(archive, plan, { concurrency: 4 })
      .finally(() => kit.sandbox.setBehaviour({ faultRate: 0 }));
    expect(result).toMatchObject({ deletedCount: 4, partsDeleted: 4, failedCount: 0, goneCount: 0 });
    expect(keysOf('prune-b')).toEqual(['big-kept.bin', 'new/recent.txt']);
    expect(keysOf('prune-b_segments')).toEqual(['big-kept/1', 'big-old/1', 'orphan/1']);
    const byPath = new Map<string, Array<{ status: number; fault?: string }>>();
    for (const entry of swiftDeletes())
      byPath.set(entry.path, [
        ...(byPath.get(entry.path) ?? []),
        { status: entry.status, fault: entry.fault },
      ]);
    expect(byPath.size).toBe(plan.deleteCount);
    let lostAnswers = 0;
    for (const [path, attempts] of byPath) {
      // Faulted attempts, then exactly one answer: 204, or 404 when a lost answer (a body-less
      // request cut after the server acted) had deleted it already. Never a second 204.
      const last = attempts.at(-1)!;
      expect(
        attempts.slice(0, -1).every((attempt) => attempt.fault !== undefined),
        path,
      ).toBe(true);
      expect([204, 404], path).toContain(last.status);
      if (last.status === 404) {
        expect(
          attempts.some((attempt) => attempt.fault === 'truncate'),
          path,
        ).toBe(true);
        lostAnswers += 1;
      }
    }
    const faulted = swiftDeletes().filter((entry) => entry.fault !== undefined);
    process.stderr.write(
      `prune under faults: ${swiftDeletes().length} DELETEs for ${plan.deleteCount} paths, ${faulted.length} faulted, ${lostAnswers} answers lost after the deed\n`,
    );
  });
});
