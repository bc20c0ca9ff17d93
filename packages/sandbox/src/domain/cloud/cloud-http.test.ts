/** The /cloud routes through the real HTTP layer: signed calls, OVH error bodies, batch and Iceberg. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHandle, startSandbox } from '../../start-sandbox.js';
import { ovhCall, ovhSignature } from '../../testing/ovh-call.js';

let sandbox: SandboxHandle;
let base: string;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 21, sessions: 25, files: 4, taskDurationSeconds: 30 });
  const [passport] = (await ovhCall<string[]>(sandbox, { path: '/cloud' })).body;
  const [pca] = (await ovhCall<string[]>(sandbox, { path: `/cloud/${passport}/pca` })).body;
  base = `/cloud/${passport}/pca/${pca}`;
});
afterAll(() => sandbox.close());

async function doneSessionIds(): Promise<string[]> {
  const ids = (await ovhCall<string[]>(sandbox, { path: `${base}/sessions` })).body;
  const done: string[] = [];
  for (const id of ids) {
    const session = await ovhCall<{ state: string }>(sandbox, { path: `${base}/sessions/${id}` });
    if (session.body.state === 'done') done.push(id);
  }
  return done;
}

describe('/cloud over HTTP', () => {
  it('answers usage as a bare JSON integer', async () => {
    const response = await fetch(`${sandbox.endpoint}${base}/usage`, {
      headers: signedGetHeaders(`${base}/usage`),
    });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).toMatch(/^\d+$/);
  });

  it('deletes a session: task todo, then gone once the server clock has moved on', async () => {
    const [id] = await doneSessionIds();
    const deleted = await ovhCall<{ function: string; status: string; id: string }>(sandbox, {
      method: 'DELETE',
      path: `${base}/sessions/${id}`,
    });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ function: 'delete', status: 'todo' });
    expect(deleted.headers.get('x-ovh-queryid')).toBeTruthy();

    const again = await ovhCall<{ class: string; message: string }>(sandbox, {
      method: 'DELETE',
      path: `${base}/sessions/${id}`,
    });
    expect(again.status).toBe(409);
    expect(again.body.class).toBe('Client::Conflict');

    sandbox.setBehaviour({ skewSeconds: sandbox.clock.skewSeconds + 61 });
    const gone = await ovhCall<{ class: string }>(sandbox, { path: `${base}/sessions/${id}` });
    expect(gone.status).toBe(404);
    expect(gone.body.class).toBe('Client::NotFound');
    const task = await ovhCall<{ status: string }>(sandbox, { path: `${base}/tasks/${deleted.body.id}` });
    expect(task.body.status).toBe('done');
  });

  it('renames with any Unicode and filters names with % through the query string', async () => {
    const [id] = await doneSessionIds();
    const name = 'Société « été » 100% 🌞';
    const put = await ovhCall(sandbox, { method: 'PUT', path: `${base}/sessions/${id}`, body: { name } });
    expect(put.status).toBe(200);
    expect(put.body).toBeNull();
    const found = await ovhCall<string[]>(sandbox, {
      path: `${base}/sessions?name=${encodeURIComponent('Société%🌞')}`,
    });
    expect(found.body).toEqual([id]);
  });

  it('answers 400 Client::BadRequest for an unknown enum value and a malformed body', async () => {
    const badStatus = await ovhCall<{ class: string; message: string }>(sandbox, {
      path: `${base}/tasks?status=finished`,
    });
    expect(badStatus.status).toBe(400);
    expect(badStatus.body).toMatchObject({ class: 'Client::BadRequest' });
    expect(badStatus.body.message).toContain('Invalid value for parameter status');
    const [id] = await doneSessionIds();
    const badBody = await ovhCall<{ class: string }>(sandbox, {
      method: 'PUT',
      path: `${base}/sessions/${id}`,
      body: { name: 7 },
    });
    expect(badBody.status).toBe(400);
    expect(badBody.body.class).toBe('Client::BadRequest');
  });

  it('serves sessions as Iceberg pages and through X-Ovh-Batch', async () => {
    const ids = (await ovhCall<string[]>(sandbox, { path: `${base}/sessions` })).body;
    const page = await ovhCall<Array<{ id: string; name: string }>>(sandbox, {
      path: `${base}/sessions`,
      headers: { 'X-Pagination-Mode': 'CachedObjectList-Pages', 'X-Pagination-Size': '10' },
    });
    expect(page.status).toBe(200);
    expect(page.body).toHaveLength(10);
    expect(page.headers.get('x-pagination-elements')).toBe(String(ids.length));
    expect(ids).toContain(page.body[0]!.id);

    const batch = await ovhCall<Array<{ key: string; value: { id: string } | null }>>(sandbox, {
      path: `${base}/sessions/${ids.slice(0, 3).join(',')}`,
      headers: { 'X-Ovh-Batch': ',' },
    });
    expect(batch.status).toBe(200);
    expect(batch.body.map((item) => item.value?.id)).toEqual(ids.slice(0, 3));
  });
});

/** Signed headers for a raw fetch, to see the exact bytes of an answer. */
function signedGetHeaders(path: string): Record<string, string> {
  const timestamp = sandbox.clock.nowSeconds();
  return {
    'X-Ovh-Application': sandbox.applicationKey,
    'X-Ovh-Consumer': sandbox.consumerKey,
    'X-Ovh-Timestamp': String(timestamp),
    'X-Ovh-Signature': ovhSignature(
      sandbox.applicationSecret,
      sandbox.consumerKey,
      'GET',
      `${sandbox.endpoint}${path}`,
      '',
      timestamp,
    ),
  };
}
