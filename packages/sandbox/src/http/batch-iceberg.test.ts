import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHandle, startSandbox } from '../index.js';
import { ovhCall } from '../testing/ovh-call.js';

let sandbox: SandboxHandle;
let ids: number[];
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 9 });
  // Eleven more keys for the demo account: 1 demo + 6 validated + 3 refused + 2 expired = 12.
  for (let i = 0; i < 6; i++) sandbox.createCredential({ rules: [{ method: 'GET', path: `/me/${i}` }] });
  for (let i = 0; i < 3; i++) sandbox.createCredential({ status: 'refused' });
  for (let i = 0; i < 2; i++) sandbox.createCredential({ status: 'expired' });
  ids = (await ovhCall<number[]>(sandbox, { path: '/me/api/credential' })).body;
});
afterAll(() => sandbox.close());

const BATCH = { 'X-Ovh-Batch': ',' };
const ICEBERG = { 'X-Pagination-Mode': 'CachedObjectList-Pages' };

describe('X-Ovh-Batch', () => {
  it('answers [{key, value, error}] per ID, errors as messages', async () => {
    const [first, second] = ids;
    const answer = await ovhCall<
      Array<{ key: string; value: { credentialId: number } | null; error: string | null }>
    >(sandbox, { path: `/me/api/credential/${first},${second},999999`, headers: BATCH });
    expect(answer.status).toBe(200);
    expect(answer.body).toHaveLength(3);
    expect(answer.body[0]).toMatchObject({ key: String(first), value: { credentialId: first }, error: null });
    expect(answer.body[1]).toMatchObject({
      key: String(second),
      value: { credentialId: second },
      error: null,
    });
    expect(answer.body[2]).toMatchObject({
      key: '999999',
      value: null,
      error: expect.stringContaining('999999'),
    });
  });

  it('without the header, or when turned off, a comma list is one (unknown) ID', async () => {
    const path = `/me/api/credential/${ids[0]},${ids[1]}`;
    expect((await ovhCall(sandbox, { path })).status).toBe(400);
    sandbox.setBehaviour({ batch: false });
    try {
      expect((await ovhCall(sandbox, { path, headers: BATCH })).status).toBe(400);
    } finally {
      sandbox.setBehaviour({ batch: true });
    }
  });
});

describe('Iceberg pages', () => {
  const page = (headers: Record<string, string>, path = '/me/api/credential') =>
    ovhCall<Array<{ credentialId: number; status: string }>>(sandbox, {
      path,
      headers: { ...ICEBERG, ...headers },
    });

  it('returns full objects with X-Pagination-Elements, cut in pages', async () => {
    const first = await page({ 'X-Pagination-Size': '5', 'X-Pagination-Number': '1' });
    expect(first.status).toBe(200);
    expect(first.body).toHaveLength(5);
    expect(first.body[0]).toHaveProperty('rules');
    expect(first.headers.get('x-pagination-elements')).toBe('12');
    expect(first.headers.get('x-pagination-size')).toBe('5');
    expect(first.headers.get('x-pagination-number')).toBe('1');
    const third = await page({ 'X-Pagination-Size': '5', 'X-Pagination-Number': '3' });
    expect(third.body).toHaveLength(2);
    const beyond = await page({ 'X-Pagination-Size': '5', 'X-Pagination-Number': '4' });
    expect(beyond.body).toEqual([]);
    const all = [
      ...first.body,
      ...(await page({ 'X-Pagination-Size': '5', 'X-Pagination-Number': '2' })).body,
      ...third.body,
    ];
    expect(all.map((item) => item.credentialId).sort()).toEqual([...ids].sort());
  });

  it('filters with eq, ne, in, like, lt and gt, joined by &', async () => {
    const count = async (filter: string) =>
      (await page({ 'X-Pagination-Filter': filter })).headers.get('x-pagination-elements');
    expect(await count('status:eq=refused')).toBe('3');
    expect(await count('status:ne=validated')).toBe('5');
    expect(await count('status:in=refused,expired')).toBe('5');
    expect(await count('status:like=%25ali%25')).toBe('7'); // validated
    expect(await count(`credentialId:gt=${ids[2]}&status:eq=validated`)).toBe('4');
    expect(await count(`credentialId:lt=${ids[2]}`)).toBe('2');
  });

  it('sorts ASC and DESC', async () => {
    const desc = await page({ 'X-Pagination-Sort': 'credentialId', 'X-Pagination-Sort-Order': 'DESC' });
    const got = desc.body.map((item) => item.credentialId);
    expect(got).toEqual([...got].sort((a, b) => b - a));
    expect(got).toHaveLength(12);
    const asc = await page({ 'X-Pagination-Sort': 'status', 'X-Pagination-Size': '3' });
    expect(asc.body.map((item) => item.status)).toEqual(['expired', 'expired', 'refused']);
  });

  it('keeps the list route query filters', async () => {
    const answer = await page({}, '/me/api/credential?status=refused');
    expect(answer.body.map((item) => item.status)).toEqual(['refused', 'refused', 'refused']);
  });

  it('refuses bad pagination headers with 400', async () => {
    expect((await page({ 'X-Pagination-Size': '0' })).status).toBe(400);
    expect((await page({ 'X-Pagination-Filter': 'status:approx=x' })).status).toBe(400);
    expect((await page({ 'X-Pagination-Sort-Order': 'SIDEWAYS' })).status).toBe(400);
  });

  it('when turned off, the list route answers plain IDs', async () => {
    sandbox.setBehaviour({ iceberg: false });
    try {
      const answer = await page({ 'X-Pagination-Size': '5' });
      expect(answer.body).toEqual(ids);
      expect(answer.headers.get('x-pagination-elements')).toBeNull();
    } finally {
      sandbox.setBehaviour({ iceberg: true });
    }
  });
});
