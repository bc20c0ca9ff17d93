import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHandle, startSandbox } from '../../index.js';
import { openSwiftSession, type SwiftSession } from '../../testing/openstack-auth.js';

let sandbox: SandboxHandle;
let session: SwiftSession;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 31, objects: 2 });
  session = await openSwiftSession(sandbox);
});
afterAll(() => sandbox.close());

const put = async (path: string, body = 'x') => {
  const response = await session.swift(path, { method: 'PUT', body });
  expect(response.status).toBe(201);
};

const bulk = (lines: string[], headers: Record<string, string> = {}, method = 'POST') =>
  session.swift('?bulk-delete', {
    method,
    headers: { 'Content-Type': 'text/plain', ...headers },
    body: lines.join('\n'),
  });

const status = async (path: string) => (await session.swift(path, { method: 'HEAD' })).status;

interface BulkAnswer {
  'Number Deleted': number;
  'Number Not Found': number;
  'Response Status': string;
  'Response Body': string;
  Errors: [string, string][];
}

describe('Swift bulk delete', () => {
  it('is advertised in /info with its limits', async () => {
    const info = (await (await fetch(`${sandbox.endpoints.swift.GRA}/info`)).json()) as {
      bulk_delete?: { max_deletes_per_request: number; max_failed_deletes: number };
    };
    expect(info.bulk_delete).toEqual({ max_deletes_per_request: 10_000, max_failed_deletes: 1_000 });
  });

  it('deletes objects (URL-encoded, slashes and non-ASCII) and empty containers; counts what is gone', async () => {
    await session.swift('/bulk-a', { method: 'PUT', headers: { 'X-Storage-Policy': 'PCA' } });
    await session.swift('/bulk-empty', { method: 'PUT' });
    await put('/bulk-a/dir/été.txt');
    await put('/bulk-a/keep.txt');
    const answer = await bulk(
      [
        `/bulk-a/${encodeURIComponent('dir/été.txt')}`,
        'bulk-a/missing.txt',
        '/no-such-container/x',
        '/bulk-empty',
        '',
        '/bulk-a',
      ],
      { Accept: 'application/json' },
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await answer.json()) as BulkAnswer;
    expect(body).toEqual({
      'Number Deleted': 2,
      'Number Not Found': 2,
      'Response Body': '',
      // The container still holds keep.txt: refused, as a DELETE of it would be.
      'Response Status': '400 Bad Request',
      Errors: [['bulk-a', '409 Conflict']],
    });
    expect(await status('/bulk-a/dir/%C3%A9t%C3%A9.txt')).toBe(404);
    expect(await status('/bulk-a/keep.txt')).toBe(200);
    expect(await status('/bulk-empty')).toBe(404);
  });

  it('answers in plain text by default, and in XML when asked; DELETE works as POST does', async () => {
    await session.swift('/bulk-b', { method: 'PUT' });
    await put('/bulk-b/one');
    await put('/bulk-b/two');
    const plain = await bulk(['/bulk-b/one'], {}, 'DELETE');
    expect(await plain.text()).toBe(
      'Number Deleted: 1\nNumber Not Found: 0\nResponse Body: \nResponse Status: 200 OK\nErrors:\n',
    );
    const xml = await bulk(['/bulk-b/two'], { Accept: 'application/xml' });
    expect(xml.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(await xml.text()).toContain(
      '<number_deleted>1</number_deleted>\n<number_not_found>0</number_not_found>',
    );
  });

  it('deletes a manifest alone, as a plain DELETE does: its segments stay', async () => {
    await session.swift('/bulk-c', { method: 'PUT' });
    await session.swift('/bulk-c_segments', { method: 'PUT' });
    await put('/bulk-c_segments/big/00000000', 'aaaa');
    await put('/bulk-c_segments/big/00000001', 'bbbb');
    const manifest = await session.swift('/bulk-c/big', {
      method: 'PUT',
      headers: { 'X-Object-Manifest': 'bulk-c_segments/big/' },
      body: '',
    });
    expect(manifest.status).toBe(201);
    const answer = (await (await bulk(['/bulk-c/big'], { Accept: 'application/json' })).json()) as BulkAnswer;
    expect(answer['Number Deleted']).toBe(1);
    expect(await status('/bulk-c/big')).toBe(404);
    expect(await status('/bulk-c_segments/big/00000000')).toBe(200);
  });

  it('refuses more than 10,000 items, a non-text body and an empty list, deleting nothing', async () => {
    await session.swift('/bulk-d', { method: 'PUT' });
    await put('/bulk-d/stays');
    const tooMany = Array.from({ length: 10_001 }, (_, index) => `/bulk-d/item-${index}`);
    tooMany[0] = '/bulk-d/stays';
    const many = (await (await bulk(tooMany, { Accept: 'application/json' })).json()) as BulkAnswer;
    expect(many['Response Status']).toBe('413 Request Entity Too Large');
    expect(many['Number Deleted']).toBe(0);
    const json = await bulk(['/bulk-d/stays'], {
      'Content-Type': 'application/json',
      Accept: 'application/json',
    });
    expect(((await json.json()) as BulkAnswer)['Response Status']).toBe('406 Not Acceptable');
    const empty = (await (await bulk([], { Accept: 'application/json' })).json()) as BulkAnswer;
    expect(empty).toMatchObject({
      'Response Status': '400 Bad Request',
      'Response Body': 'Invalid bulk delete.',
    });
    expect(await status('/bulk-d/stays')).toBe(200);
  });

  it('needs a token like any account request', async () => {
    const answer = await fetch(`${session.accountUrl()}?bulk-delete`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '/bulk-d/stays',
    });
    expect(answer.status).toBe(401);
    expect(await status('/bulk-d/stays')).toBe(200);
  });
});
