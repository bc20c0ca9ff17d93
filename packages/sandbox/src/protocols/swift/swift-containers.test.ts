import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHandle, startSandbox } from '../../index.js';
import { openSwiftSession, type SwiftSession } from '../../testing/openstack-auth.js';

let sandbox: SandboxHandle;
let session: SwiftSession;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 11, objects: 8 });
  session = await openSwiftSession(sandbox);
});
afterAll(() => sandbox.close());

const put = (path: string, body: string, headers: Record<string, string> = {}) =>
  session.swift(path, { method: 'PUT', body, headers });

describe('Swift accounts and containers', () => {
  it('lists the account’s containers in JSON and plain text, with usage headers', async () => {
    const json = await session.swift('?format=json');
    expect(json.status).toBe(200);
    const containers = (await json.json()) as { name: string; count: number; bytes: number }[];
    expect(containers.map((container) => container.name)).toEqual(['archives-gra', 'standard-gra']);
    expect(Number(json.headers.get('x-account-container-count'))).toBe(2);
    expect(Number(json.headers.get('x-account-object-count'))).toBe(16);
    const plain = await session.swift('');
    expect(await plain.text()).toBe('archives-gra\nstandard-gra\n');
    const bhs = await session.swift('?format=json', { region: 'BHS' });
    expect(((await bhs.json()) as { name: string }[]).map((container) => container.name)).toEqual([
      'archives-bhs',
    ]);
  });

  it('refuses a missing or foreign token with 401, and a token of another project with 403', async () => {
    const url = session.accountUrl();
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { 'X-Auth-Token': 'gAAAAAnope' } })).status).toBe(401);
    const other = Object.keys(sandbox.state.publicCloud.projects).find(
      (id) => id !== sandbox.openstack.projectId,
    )!;
    const foreign = await fetch(`${sandbox.endpoints.swift.GRA}/v1/AUTH_${other}`, {
      headers: { 'X-Auth-Token': session.token },
    });
    expect(foreign.status).toBe(403);
  });

  it('creates a container with a storage policy it then keeps, and answers HEAD and POST metadata', async () => {
    expect((await put('/pca-new', '', { 'X-Storage-Policy': 'pca' })).status).toBe(201);
    expect((await put('/pca-new', '', { 'X-Storage-Policy': 'PCA' })).status).toBe(202);
    expect((await put('/pca-new', '', { 'X-Storage-Policy': 'PCS' })).status).toBe(409);
    expect((await put('/other', '', { 'X-Storage-Policy': 'GOLD' })).status).toBe(400);
    expect((await put('/plain', '')).status).toBe(201);
    const post = await session.swift('/pca-new', {
      method: 'POST',
      headers: { 'X-Container-Meta-Owner': 'équipe' },
    });
    expect(post.status).toBe(204);
    const head = await session.swift('/pca-new', { method: 'HEAD' });
    expect(head.status).toBe(204);
    expect(head.headers.get('x-storage-policy')).toBe('PCA');
    expect(head.headers.get('x-container-object-count')).toBe('0');
    expect(head.headers.get('x-container-meta-owner')).toBe('équipe');
    expect((await session.swift('/plain', { method: 'HEAD' })).headers.get('x-storage-policy')).toBe('PCS');
    expect((await session.swift('/absent', { method: 'HEAD' })).status).toBe(404);
    expect((await put(`/${'n'.repeat(257)}`, '')).status).toBe(400);
  });

  it('refuses to delete a non-empty container with 409, deletes an empty one', async () => {
    expect((await put('/full/file.txt', 'x')).status).toBe(404);
    await put('/full', '');
    expect((await put('/full/file.txt', 'x')).status).toBe(201);
    expect((await session.swift('/full', { method: 'DELETE' })).status).toBe(409);
    expect((await session.swift('/full/file.txt', { method: 'DELETE' })).status).toBe(204);
    expect((await session.swift('/full', { method: 'DELETE' })).status).toBe(204);
    expect((await session.swift('/full', { method: 'HEAD' })).status).toBe(404);
  });

  it('lists objects with prefix, delimiter, marker, end_marker and limit, in UTF-8 order', async () => {
    await put('/order', '');
    const keys = ['b', 'a/1', 'a/2', 'a/sub/3', 'é', 'z', '𝄞', '\uffff'];
    for (const key of keys) expect((await put(`/order/${encodeURIComponent(key)}`, key)).status).toBe(201);
    const names = async (query: string) =>
      (await (await session.swift(`/order?${query}`)).text()).split('\n').filter(Boolean);
    expect(await names('')).toEqual(['a/1', 'a/2', 'a/sub/3', 'b', 'z', 'é', '\uffff', '𝄞']);
    expect(await names('delimiter=/')).toEqual(['a/', 'b', 'z', 'é', '\uffff', '𝄞']);
    expect(await names('prefix=a/&delimiter=/')).toEqual(['a/1', 'a/2', 'a/sub/']);
    expect(await names('marker=a/2&limit=2')).toEqual(['a/sub/3', 'b']);
    expect(await names('marker=a/&delimiter=/&limit=2')).toEqual(['b', 'z']);
    expect(await names('end_marker=b')).toEqual(['a/1', 'a/2', 'a/sub/3']);
    const json = (await (await session.swift('/order?format=json&prefix=a/&delimiter=/')).json()) as Record<
      string,
      unknown
    >[];
    expect(json[2]).toEqual({ subdir: 'a/sub/' });
    const md5 = createHash('md5').update('a/1').digest('hex');
    // fetch sends a string body as text/plain; Swift keeps the type it was given.
    expect(json[0]).toMatchObject({
      name: 'a/1',
      bytes: 3,
      hash: md5,
      content_type: 'text/plain;charset=UTF-8',
    });
    expect(json[0]!.last_modified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/);
    expect((await session.swift('/order?limit=10001')).status).toBe(412);
    const empty = await session.swift('/order?prefix=nothing');
    expect(empty.status).toBe(204);
    const xml = await (await session.swift('/order?format=xml&limit=1')).text();
    expect(xml).toContain('<container name="order"><object><hash>');
  });

  it('serves /info with OVH’s limits', async () => {
    const info = (await (await fetch(`${sandbox.endpoints.swift.GRA}/info`)).json()) as {
      swift: Record<string, unknown>;
    };
    expect(info.swift).toMatchObject({
      container_listing_limit: 10000,
      max_container_name_length: 256,
      max_file_size: 5368709122,
      max_meta_count: 90,
      max_meta_name_length: 128,
      max_meta_overall_size: 4096,
      max_object_name_length: 1024,
    });
  });
});
