/** What the client refuses to send: checked against the sandbox's request log, which must stay empty. */
import { type SandboxHandle, startSandbox } from '@ovh-pca/sandbox';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from './errors.js';
import { OvhClient } from './ovh-client.js';
import type { HttpMethod } from './request-types.js';
import type { QueryInput } from './url-builder.js';

let sandbox: SandboxHandle;
let client: OvhClient;

beforeAll(async () => {
  sandbox = await startSandbox({ sessions: 1, seed: 3 });
  client = new OvhClient({
    endpoint: sandbox.endpoint,
    applicationKey: sandbox.applicationKey,
    applicationSecret: sandbox.applicationSecret,
    consumerKey: sandbox.consumerKey,
  });
});
afterAll(() => sandbox?.close());

async function refusedUnsent(
  method: string,
  path: string,
  options: { query?: QueryInput; body?: unknown } = {},
) {
  sandbox.clearRequests();
  await expect(client.request(method as HttpMethod, path, options)).rejects.toBeInstanceOf(ConfigError);
  expect(sandbox.requests()).toEqual([]);
}

describe('the client refuses before sending', () => {
  it('methods that only match after Unicode case folding', async () => {
    for (const method of ['poſt', 'PO\u017fT', 'ᴳET', 'get\n', ' GET', 'FETCH', '']) {
      await refusedUnsent(method, '/me');
    }
    // ASCII letter case alone is fine.
    sandbox.clearRequests();
    await expect(client.request('get' as HttpMethod, '/me')).resolves.toBeDefined();
    expect(sandbox.requests().map((entry) => entry.method)).toContain('GET');
  });

  it('control characters in a path or a query', async () => {
    await refusedUnsent('DELETE', '/me\u0001');
    await refusedUnsent('GET', '/me\u001b]0;title\u0007');
    await refusedUnsent('GET', '/me\u202e');
    await refusedUnsent('GET', '/me', { query: [['status', 'todo\n']] });
    await refusedUnsent('GET', '/me', { query: { 'a\u0000': 'x' } });
    await refusedUnsent('GET', '/me', { query: [[' ', 'x']] });
    await refusedUnsent('GET', '/me', { query: [['', 'x']] });
  });

  it('a body on GET or DELETE', async () => {
    await refusedUnsent('GET', '/me', { body: {} });
    await refusedUnsent('DELETE', '/me/api/credential/1', { body: { a: 1 } });
  });

  it('any method string that is not exactly an ASCII-cased method (seeded)', async () => {
    const valid = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 8 }),
          fc.constantFrom('poſt', 'PoSt', 'ｇｅｔ', 'DELETE\u0000', 'put ', 'ﬀ', 'patch'),
        ),
        async (method) => {
          if (valid.has(method.toUpperCase()) && /^[A-Za-z]+$/.test(method)) return;
          await refusedUnsent(method, '/me');
        },
      ),
      { seed: 9, numRuns: 150 },
    );
  });
});
