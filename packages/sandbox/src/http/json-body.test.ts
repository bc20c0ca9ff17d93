import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHandle, startSandbox } from '../index.js';
import { ovhCall } from '../testing/ovh-call.js';
import { parseJsonBody } from './json-body.js';

const parse = (bytes: string | Buffer) =>
  parseJsonBody(typeof bytes === 'string' ? Buffer.from(bytes) : bytes);
const refused = (bytes: string | Buffer) => () => parse(bytes);

describe('parseJsonBody', () => {
  it('reads JSON, and no bytes or JSON whitespace as no body', () => {
    expect(parse('{"name":"données-été 写真 😀"}')).toEqual({ name: 'données-été 写真 😀' });
    expect(parse('{"name":"\\ud83d\\ude00"}')).toEqual({ name: '😀' });
    expect(parse('')).toBeUndefined();
    expect(parse(' \r\n\t')).toBeUndefined();
  });

  it('refuses a byte-order mark, alone or before JSON', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect(refused(Buffer.concat([bom, Buffer.from('{"a":1}')]))).toThrow('Invalid JSON received');
    expect(refused(bom)).toThrow('Invalid JSON received');
    expect(refused('\u00a0{}')).toThrow('Invalid JSON received');
  });

  it('refuses half a surrogate pair, escaped or as bytes, in values and keys, however deep', () => {
    for (const text of ['{"name":"\\ud800"}', '{"name":"a\\udc00b"}', '{"\\udfff":1}', '[[["\\ud83d"]]]']) {
      expect(refused(text), text).toThrow('Invalid JSON received');
    }
    // The same lone half written as UTF-8 bytes (ED A0 80) is not UTF-8.
    expect(refused(Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22]))).toThrow('Invalid JSON received');
    const deep = `${'['.repeat(100_000)}"\\ud800"${']'.repeat(100_000)}`;
    expect(refused(deep)).toThrow('Invalid JSON received');
    const wide = JSON.stringify(Array.from({ length: 200_000 }, (_, i) => i));
    expect((parse(wide) as number[]).length).toBe(200_000);
  });

  it('refuses malformed JSON and escaped slashes', () => {
    for (const text of ['{"a":', '{a:1}', "{'a':1}", '{"a":1}x', '{"a":"x\\/y"}']) {
      expect(refused(text), text).toThrow('Invalid JSON received');
    }
  });
});

describe('JSON bodies over HTTP', () => {
  let sandbox: SandboxHandle;
  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 31 });
  });
  afterAll(() => sandbox.close());

  it('a BOM before a credential request is 400 and creates no key', async () => {
    const before = sandbox.state.auth.credentials.length;
    const response = await fetch(`${sandbox.endpoint}/auth/credential`, {
      method: 'POST',
      headers: { 'X-Ovh-Application': sandbox.applicationKey },
      body: `\ufeff${JSON.stringify({ accessRules: [{ method: 'GET', path: '/me' }] })}`,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      class: 'Client::BadRequest',
      message: 'Invalid JSON received',
    });
    expect(sandbox.state.auth.credentials).toHaveLength(before);
  });

  it('a lone surrogate in a session name is 400 and the name stays', async () => {
    const [passport] = (await ovhCall<string[]>(sandbox, { path: '/cloud' })).body;
    const [offer] = (await ovhCall<string[]>(sandbox, { path: `/cloud/${passport}/pca` })).body;
    const sessions = `/cloud/${passport}/pca/${offer}/sessions`;
    const [id] = (await ovhCall<string[]>(sandbox, { path: sessions })).body;
    const before = (await ovhCall<{ name: string }>(sandbox, { path: `${sessions}/${id}` })).body.name;
    const answer = await ovhCall(sandbox, {
      method: 'PUT',
      path: `${sessions}/${id}`,
      rawBody: '{"name":"backup-\\ud800"}',
    });
    expect(answer).toMatchObject({ status: 400, body: { message: 'Invalid JSON received' } });
    expect((await ovhCall<{ name: string }>(sandbox, { path: `${sessions}/${id}` })).body.name).toBe(before);
  });
});
