/**
 * `objects prune` on Cold Archive v2 (deep-archive) and v1 (cold-archive, state `none` only)
 * against the sandbox's API v1: plans on the server's clock from one listing, the 180-day minimum
 * of DEEP_ARCHIVE objects priced in the plan, and under 20 % faults (drops included) every planned
 * key deleted, none outside the plan, none answered 204 twice (the request log proves it).
 */

import type { RequestLogEntry } from '@ovh-pca/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from './archive-entities.js';
import { LifecycleRefusedError } from './archive-errors.js';
import { ColdArchiveBackend } from './cold-archive/cold-archive-backend.js';
import { DeepArchiveBackend } from './deep-archive/deep-archive-backend.js';
import type { ObjectPrunePlan } from './object-prune-types.js';
import { type ArchiveSandbox, startArchiveSandbox } from './testing/archive-sandbox.js';

const DAY = 86_400;
let box: ArchiveSandbox;

beforeAll(async () => {
  box = await startArchiveSandbox({ seed: 53, objects: 40, taskDurationSeconds: 1 });
});
afterAll(() => box.close());

const objectDeletes = () =>
  box.apiRequests().filter((entry) => entry.method === 'DELETE' && entry.path.includes('/object/'));
const keyOf = (entry: RequestLogEntry) => decodeURIComponent(entry.path.split('?')[0]!.split('/object/')[1]!);

/** An age whose cut-off falls between two listed dates, so about half the objects are old. */
function halfAge(dates: readonly string[]): number {
  const sorted = [...dates].map(Date.parse).sort((a, b) => a - b);
  const index = Math.floor(sorted.length / 2);
  const cutoffMs = (sorted[index - 1]! + sorted[index]!) / 2;
  return Math.round((box.sandbox.clock.nowMs() - cutoffMs) / 1000);
}

/**
 * Every DELETE the log holds names a planned key; each planned key ends with exactly one answer
 * (204, or 404 after a lost answer), after faulted attempts only.
 */
function expectEachPlannedKeyDeletedOnce(plan: ObjectPrunePlan): number {
  const planned = new Set(plan.objects.map((object) => object.key));
  const byKey = new Map<string, RequestLogEntry[]>();
  for (const entry of objectDeletes()) byKey.set(keyOf(entry), [...(byKey.get(keyOf(entry)) ?? []), entry]);
  expect([...byKey.keys()].sort()).toEqual([...planned].sort());
  let lost = 0;
  for (const [key, attempts] of byKey) {
    expect(
      attempts.slice(0, -1).every((attempt) => attempt.fault !== undefined),
      key,
    ).toBe(true);
    const last = attempts.at(-1)!;
    expect(last.fault, key).toBeUndefined();
    expect([200, 204, 404], key).toContain(last.status);
    if (last.status === 404) {
      expect(attempts.some((attempt) => attempt.fault === 'truncate' || attempt.fault === 'drop')).toBe(true);
      lost += 1;
    }
  }
  return lost;
}

describe('Cold Archive v2 (deep-archive) prune', () => {
  const backend = () => new DeepArchiveBackend({ client: box.client() });
  const bucket = async (): Promise<Archive> =>
    (await backend().listArchives()).find((archive) => archive.name === 'deep-archive-par')!;

  it('plans from one listing on the server clock, prices the 180-day minimum, deletes the plan under faults', async () => {
    const archive = await bucket();
    expect(backend().capabilities).toContain('prune');
    const listed = await backend().listObjects(archive);
    const olderThanSeconds = halfAge(listed.map((object) => object.lastModified!));
    box.sandbox.clearRequests();
    const plan = await backend().planPrune(archive, { olderThanSeconds, keepNewest: 1 });
    expect(objectDeletes()).toEqual([]);
    expect(
      box.apiRequests().filter((entry) => entry.method === 'GET' && entry.path.includes('/object')),
    ).toHaveLength(1);
    const cutoffMs = Date.parse(plan.cutoff);
    expect(Math.abs(cutoffMs - (box.sandbox.clock.nowMs() - olderThanSeconds * 1000))).toBeLessThan(5000);
    const old = listed.filter((object) => Date.parse(object.lastModified!) < cutoffMs);
    expect(plan.objects.map((object) => object.key).sort()).toEqual(old.map((object) => object.key).sort());
    expect(plan.totalBytes).toBe(old.reduce((sum, object) => sum + object.bytes, 0));
    const young = old.filter(
      (object) =>
        object.state !== 'available' &&
        Date.parse(object.lastModified!) > box.sandbox.clock.nowMs() - 180 * DAY * 1000,
    );
    if (young.length > 0) {
      expect(plan.costs).toEqual([expect.stringContaining(`${young.length} DEEP_ARCHIVE object(s)`)]);
      expect(plan.costs![0]).toMatch(/180-day minimum/);
    } else expect(plan.costs).toBeUndefined();

    // Everything older than a day: the costs line counts exactly the young DEEP_ARCHIVE ones.
    const all = await backend().planPrune(archive, { olderThanSeconds: 1 });
    const allYoung = listed.filter(
      (object) =>
        object.state !== 'available' &&
        Date.parse(object.lastModified!) > box.sandbox.clock.nowMs() - 180 * DAY * 1000,
    );
    expect(allYoung.length).toBeGreaterThan(0);
    expect(all.costs![0]).toMatch(new RegExp(`^${allYoung.length} DEEP_ARCHIVE object\\(s\\)`));

    box.sandbox.clearRequests();
    box.sandbox.setBehaviour({ faultRate: 0.2 });
    const result = await backend()
      .executePrune(archive, plan, { concurrency: 4 })
      .finally(() => box.sandbox.setBehaviour({ faultRate: 0 }));
    expect(result).toMatchObject({ deletedCount: plan.objects.length, failedCount: 0, goneCount: 0 });
    expect(result.deletedBytes).toBe(plan.totalBytes);
    const lost = expectEachPlannedKeyDeletedOnce(plan);
    const after = (await backend().listObjects(archive)).map((object) => object.key).sort();
    expect(after).toEqual(
      listed
        .map((object) => object.key)
        .filter((key) => !plan.objects.some((object) => object.key === key))
        .sort(),
    );
    process.stderr.write(
      `deep-archive prune under faults: ${objectDeletes().length} DELETEs for ${plan.objects.length} keys, ${lost} answers lost after the deed\n`,
    );

    // Run again: nothing left to delete, nothing sent.
    box.sandbox.clearRequests();
    const again = await backend().planPrune(archive, { olderThanSeconds, keepNewest: 1 });
    expect(again.objects).toEqual([]);
    expect((await backend().executePrune(archive, again)).results).toEqual([]);
    expect(objectDeletes()).toEqual([]);
  });

  it('a plan for another archive is refused before anything is sent', async () => {
    const archive = await bucket();
    const plan = await backend().planPrune(archive, { olderThanSeconds: 1 });
    box.sandbox.clearRequests();
    await expect(backend().executePrune({ ...archive, name: 'another' }, plan)).rejects.toThrow(
      /This plan is for/,
    );
    expect(box.apiRequests()).toEqual([]);
  });
});

describe('Cold Archive v1 (cold-archive) prune', () => {
  const client = () => box.client();
  const backend = () => new ColdArchiveBackend({ client: client() });

  async function upload(archive: Archive, key: string, body: string) {
    const presigned = await client().request<{ url: string }>(
      'POST',
      `/cloud/project/${archive.project}/region/${archive.region}/coldArchive/${archive.name}/presign`,
      { body: { method: 'PUT', object: key, expire: 600 } },
    );
    expect((await fetch(presigned.url, { method: 'PUT', body })).status).toBe(200);
  }

  /** A `none` bucket: six objects forty days old, two recent ones. */
  async function scene(name: string): Promise<Archive> {
    const archive = await backend().createArchive({ name, project: box.sandbox.openstack.projectId });
    for (const index of [1, 2, 3, 4, 5, 6])
      await upload(archive, `old/${index}.bin`, `old-${index}`.repeat(index));
    box.sandbox.clock.skewSeconds += 40 * DAY;
    await upload(archive, 'new/1.bin', 'recent');
    await upload(archive, 'new/2.bin', 'recent too');
    return backend().readArchive(archive);
  }

  it('in state none: plans the old objects and deletes exactly them under faults, no cost line', async () => {
    const archive = await scene('prune-v1-a');
    expect(archive.state).toBe('none');
    const plan = await backend().planPrune(archive, { olderThanSeconds: 30 * DAY });
    expect(plan.objects.map((object) => object.key).sort()).toEqual(
      [1, 2, 3, 4, 5, 6].map((index) => `old/${index}.bin`),
    );
    expect(plan.recentCount).toBe(2);
    expect(plan.costs).toBeUndefined();
    box.sandbox.clearRequests();
    box.sandbox.setBehaviour({ faultRate: 0.2 });
    const result = await backend()
      .executePrune(archive, plan, { concurrency: 3 })
      .finally(() => box.sandbox.setBehaviour({ faultRate: 0 }));
    expect(result).toMatchObject({ deletedCount: 6, failedCount: 0, goneCount: 0 });
    expectEachPlannedKeyDeletedOnce(plan);
    expect((await backend().listObjects(archive)).map((object) => object.key).sort()).toEqual([
      'new/1.bin',
      'new/2.bin',
    ]);
  });

  it('an archived bucket is refused with the reason, and no DELETE is sent', async () => {
    const archive = await scene('prune-v1-b');
    const lifecycle = backend().lifecycle;
    await lifecycle.run(await lifecycle.plan(archive, 'archive'));
    box.sandbox.clearRequests();
    const refused = await backend()
      .planPrune(archive, { olderThanSeconds: 30 * DAY })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(LifecycleRefusedError);
    expect((refused as Error).message).toMatch(
      /only from a bucket never archived \(none\)\. Nothing was sent/,
    );
    expect(objectDeletes()).toEqual([]);
    expect(box.apiRequests().every((entry) => entry.method === 'GET')).toBe(true);
  });
});
