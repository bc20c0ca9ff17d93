import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHandle, startSandbox } from '../index.js';
import { parseFormBody } from './form-body.js';

const entries = (text: string | Buffer) => [
  ...parseFormBody(typeof text === 'string' ? Buffer.from(text) : text).entries(),
];

describe('parseFormBody', () => {
  it('reads what browsers send as URLSearchParams would', () => {
    const sent = new URLSearchParams({
      login: 'xk62751-ovh',
      password: 'p@ss wörd+&=',
      name: '写真',
    }).toString();
    expect(entries(sent)).toEqual([...new URLSearchParams(sent).entries()]);
    expect(entries('a=1&&b&c=')).toEqual([
      ['a', '1'],
      ['b', ''],
      ['c', ''],
    ]);
    expect(entries('')).toEqual([]);
  });

  it('refuses bytes or %XX runs that are not UTF-8, lone surrogates included', () => {
    for (const text of ['login=%FF', 'login=%ED%A0%80', 'login=%E0%A4', 'login=%zz', '%C3=1']) {
      expect(() => entries(text), text).toThrow('Invalid form data received');
    }
    expect(() => entries(Buffer.from([0x61, 0x3d, 0xff]))).toThrow('Invalid form data received');
  });
});

describe('the validation form over HTTP', () => {
  let sandbox: SandboxHandle;
  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 41 });
  });
  afterAll(() => sandbox.close());

  it('a form that is not UTF-8 is 400 and leaves the key pending', async () => {
    const { credentialId } = sandbox.createCredential({ status: 'pendingValidation' });
    const credential = sandbox.state.auth.credentials.find((c) => c.credentialId === credentialId)!;
    const response = await fetch(`${sandbox.origin}/auth/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `credentialToken=${credential.credentialToken}&action=refuse&login=%ED%A0%80`,
    });
    expect(response.status).toBe(400);
    expect(credential.status).toBe('pendingValidation');
  });
});
