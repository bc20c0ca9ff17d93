import { describe, expect, it } from 'vitest';
import { signRequest } from './signing.js';

// Published vectors shared by python-ovh, go-ovh and php-ovh (reference doc §2).
const shared = {
  applicationSecret: '9ufkBmLaTQ9nz5yMUlg79taH0GNnzDjk',
  consumerKey: '5mBuy6SUQcRw2ZUxg0cG68BoDKpED4KY',
  timestamp: 1457018875,
};

const vectors = [
  ['GET', 'https://eu.api.ovh.com/1.0/auth', '', '$1$e9556054b6309771395efa467c22e627407461ad'],
  [
    'POST',
    'https://eu.api.ovh.com/1.0/auth',
    '{"a":"b","c":"d"}',
    '$1$ec2fb5c7a81f64723c77d2e5b609ae6f58a84fc1',
  ],
  [
    'PUT',
    'https://eu.api.ovh.com/1.0/auth',
    '{"a":"b","c":"d"}',
    '$1$8a75a9e7c8e7296c9dbeda6a2a735eb6bd58ec4b',
  ],
  ['DELETE', 'https://eu.api.ovh.com/1.0/auth', '', '$1$a1eecd00b3b02b6cf5708b84b9ff42059a950d85'],
  ['GET', 'https://eu.api.ovh.com/1.0/call', '', '$1$7f2db49253edfc41891023fcd1a54cf61db05fbb'],
  ['GET', 'https://eu.api.ovh.com/v1/call', '', '$1$e6e7906d385eb28adcbfbe6b66c1528a42d741ad'],
  ['GET', 'https://eu.api.ovh.com/v2/call', '', '$1$bb63b132a6f84ad5433d0c534d48d3f7c3804285'],
] as const;

describe('signRequest', () => {
  it.each(vectors)('signs %s %s body=%j like the official SDKs', (method, url, body, expected) => {
    expect(signRequest({ ...shared, method, url, body })).toBe(expected);
  });

  it("matches OVH's documentation example", () => {
    expect(
      signRequest({
        applicationSecret: 'EXEgWIz07P0HYwtQDs7cNIqCiQaWSuHF',
        consumerKey: 'MtSwSrPpNjqfVSmJhLbPyr2i45lSwPU1',
        method: 'GET',
        url: 'https://eu.api.ovh.com/1.0/domains/',
        body: '',
        timestamp: '1366560945',
      }),
    ).toBe('$1$d3705e8afb27a0d2970a322b96550abfc67bb798');
  });

  it('changes when any signed part changes', () => {
    const base = { ...shared, method: 'GET', url: 'https://eu.api.ovh.com/1.0/auth', body: '' };
    const reference = signRequest(base);
    expect(signRequest({ ...base, timestamp: shared.timestamp + 1 })).not.toBe(reference);
    expect(signRequest({ ...base, url: `${base.url}/` })).not.toBe(reference);
    expect(signRequest({ ...base, body: '{}' })).not.toBe(reference);
  });
});
