import { describe, expect, it } from 'vitest';
import { ConfigError } from './errors.js';
import { buildRequestUrl, encodeQuery, encodeSegment, path } from './url-builder.js';

const endpointUrl = 'https://eu.api.ovh.com/1.0';

describe('path tag', () => {
  it('percent-encodes every interpolation as one segment', () => {
    expect(path`/dedicatedCloud/${'pcc-1'}/allowedNetwork/${'192.0.2.0/24'}`).toBe(
      '/dedicatedCloud/pcc-1/allowedNetwork/192.0.2.0%2F24',
    );
    expect(path`/cloud/${'a b'}/pca/${"it's"}/tasks/${42}`).toBe('/cloud/a%20b/pca/it%27s/tasks/42');
    expect(path`/x/${'é?#&='}`).toBe('/x/%C3%A9%3F%23%26%3D');
  });

  it('refuses empty and dot segments, which would change the route', () => {
    expect(() => path`/cloud/${''}/pca`).toThrow(ConfigError);
    expect(() => path`/cloud/${'..'}/pca`).toThrow(ConfigError);
    expect(() => path`/cloud/${'.'}/pca`).toThrow(ConfigError);
  });

  it('encodes the characters encodeURIComponent leaves alone but URL parsers may rewrite', () => {
    expect(encodeSegment("!'()*")).toBe('%21%27%28%29%2A');
    expect(encodeSegment('a-b_c.d~e')).toBe('a-b_c.d~e');
  });
});

describe('encodeQuery', () => {
  it('writes booleans as true/false, keeps dotted names literal and repeats arrays', () => {
    expect(
      encodeQuery({
        'todoDate.from': '2013-10-26T22:53:53+02:00',
        billed: true,
        archived: false,
        id: [1, 2],
        skipped: undefined,
        empty: null,
      }),
    ).toBe('todoDate.from=2013-10-26T22%3A53%3A53%2B02%3A00&billed=true&archived=false&id=1&id=2');
  });

  it('accepts pairs and dates', () => {
    expect(
      encodeQuery([
        ['name', 'a&b=c'],
        ['date.to', new Date(Date.UTC(2024, 0, 2, 3, 4, 5))],
      ]),
    ).toBe('name=a%26b%3Dc&date.to=2024-01-02T03%3A04%3A05.000Z');
    expect(encodeQuery(new URLSearchParams([['status', 'todo']]))).toBe('status=todo');
  });

  it('is empty without parameters', () => {
    expect(encodeQuery(undefined)).toBe('');
    expect(encodeQuery({})).toBe('');
  });
});

describe('buildRequestUrl', () => {
  it('joins endpoint, encoded path and query', () => {
    expect(
      buildRequestUrl({
        endpointUrl,
        path: path`/cloud/${'pp/1'}/pca/${'p'}/tasks`,
        query: { status: 'todo', 'todoDate.from': '2024-01-01' },
      }),
    ).toBe('https://eu.api.ovh.com/1.0/cloud/pp%2F1/pca/p/tasks?status=todo&todoDate.from=2024-01-01');
  });

  it('sends /v1 and /v2 paths outside /1.0', () => {
    expect(buildRequestUrl({ endpointUrl, path: '/v1/call' })).toBe('https://eu.api.ovh.com/v1/call');
    expect(buildRequestUrl({ endpointUrl, path: '/v2/call', query: { a: true } })).toBe(
      'https://eu.api.ovh.com/v2/call?a=true',
    );
  });

  it('produces strings the WHATWG URL parser (used by fetch) leaves unchanged', () => {
    const samples = [
      buildRequestUrl({ endpointUrl, path: path`/x/${'a\'b"c<d>`{e}|f^g'}`, query: { q: 'it\'s "x" <y>' } }),
      buildRequestUrl({ endpointUrl, path: '/raw path/é"x' }),
      buildRequestUrl({ endpointUrl, path: '/already%2Fencoded/%zz' }),
    ];
    for (const url of samples) expect(new URL(url).href).toBe(url);
    expect(samples[1]).toBe('https://eu.api.ovh.com/1.0/raw%20path/%C3%A9%22x');
    expect(samples[2]).toBe('https://eu.api.ovh.com/1.0/already%2Fencoded/%25zz');
  });

  it('refuses paths that would be rewritten or that carry their own query', () => {
    expect(() => buildRequestUrl({ endpointUrl, path: '/cloud/../me' })).toThrow(/rewritten/);
    expect(() => buildRequestUrl({ endpointUrl, path: '/me?x=1' })).toThrow(ConfigError);
    expect(() => buildRequestUrl({ endpointUrl, path: 'me' })).toThrow(/must start with/);
  });
});
